package dev.handoff.it.soak;

import dev.handoff.it.ToolRun;
import dev.handoff.it.nfs3.Libnfs;
import dev.handoff.it.netns.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A second, independent client beside {@link SoakLoad}: Debian's libnfs tools in the client's namespace, in a loop
 * until stopped. Each round copies a 256 KiB file onto the export with nfs-cp, lists the export with nfs-ls and
 * copies the file back; the copy must equal the original. Each tool is a new process with its own MOUNT and
 * connections, so the server also sees whole client sessions begin and end.
 */
final class LibnfsLoad implements AutoCloseable {
    private static final int SIZE = 256 * 1024;

    private final Libnfs libnfs;
    private final Path export;
    private final Path work;
    private final Thread thread;
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean stop;
    private volatile String lastFailure = "";

    LibnfsLoad(NetworkNamespace client, String server, Path export, Path work) {
        this.libnfs = new Libnfs(client, server, Map.of("nfsport", "2049", "mountport", "20048"));
        this.export = export;
        this.work = work;
        this.thread = Thread.ofPlatform().daemon().name("soak-libnfs").start(this::loop);
    }

    private void loop() {
        while (!stop) {
            try {
                round();
                rounds.incrementAndGet();
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (Exception | AssertionError e) {
                failures.incrementAndGet();
                lastFailure = e.toString();
                pauseAfterFailure();
            }
        }
    }

    private void round() throws Exception {
        byte[] data = new byte[SIZE];
        ThreadLocalRandom.current().nextBytes(data);
        Path original = Files.write(work.resolve("libnfs-original"), data);
        Path back = work.resolve("libnfs-back");
        Files.deleteIfExists(back);
        // nfs-cp creates its target exclusively; the export is on this machine's disk, so the last copy goes here.
        Files.deleteIfExists(export.resolve("libnfs-copy"));
        String remote = libnfs.url(export, "libnfs-copy");
        check(libnfs.cp(original.toString(), remote));
        check(libnfs.ls(libnfs.url(export, "")));
        check(libnfs.cp(remote, back.toString()));
        if (!Arrays.equals(Files.readAllBytes(back), data)) {
            throw new AssertionError("nfs-cp gave back other bytes than it copied");
        }
    }

    private static void pauseAfterFailure() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void check(ToolRun run) {
        if (!run.succeeded()) {
            throw new AssertionError(run.describe());
        }
    }

    long rounds() {
        return rounds.get();
    }

    long failures() {
        return failures.get();
    }

    String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(120_000);
    }
}
