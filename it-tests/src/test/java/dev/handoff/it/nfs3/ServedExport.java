package dev.handoff.it.nfs3;

import dev.handoff.it.netns.NetworkNamespace;
import dev.handoff.it.serve.HandoffProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./handoff serve --export DIR --bind ADDR --state-dir STATE} in a fresh network namespace, with a
 * scratch directory around it; the server can be killed (SIGKILL) and started again on the same state.
 * {@code --export DIR} is {@code DIR *(rw)} with root_squash, so a root client acts as nobody: the export is
 * world-writable.
 */
final class ServedExport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServedExport.class);

    private final Path dir;
    private final Path export;
    private final NetworkNamespace ns;
    private final String address;
    private HandoffProcess server;
    private int starts;

    private ServedExport(Path dir, Path export, NetworkNamespace ns, String address) {
        this.dir = dir;
        this.export = export;
        this.ns = ns;
        this.address = address;
    }

    static ServedExport start(String address) throws Exception {
        Path dir = Files.createTempDirectory("handoff-export-it");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path export = Files.createDirectory(dir.resolve("e"));
        Files.setPosixFilePermissions(export, PosixFilePermissions.fromString("rwxrwxrwx"));
        ServedExport served = new ServedExport(dir, export, NetworkNamespace.create("handoff-nfs"), address);
        try {
            served.serve();
        } catch (Exception | Error e) {
            served.close();
            throw e;
        }
        return served;
    }

    /** Scratch space beside the export (same file system), removed on close. */
    Path dir() {
        return dir;
    }

    Path export() {
        return export;
    }

    NetworkNamespace ns() {
        return ns;
    }

    /** SIGKILL to the server (the JVM that {@code ./handoff} execs) and anything it started; waits for them. */
    void kill() throws Exception {
        ProcessHandle jvm = ProcessHandle.of(server.pid()).orElseThrow();
        log.info("killing the server: pid {} ({})", jvm.pid(), jvm.info().command().orElse("?"));
        List<ProcessHandle> all = Stream.concat(Stream.of(jvm), jvm.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            h.onExit().get(10, TimeUnit.SECONDS);
        }
        server.close();
    }

    /** Starts the server again, on the same export and state directory. */
    void restart() throws Exception {
        serve();
    }

    /** The end of the current server's log, for assertion messages. */
    String logTail() {
        try {
            List<String> lines = server.log().lines().toList();
            return "\n--- server log (last 40 lines):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "\n(no server log: " + e + ")";
        }
    }

    private void serve() throws Exception {
        starts++;
        server = HandoffProcess.start(ns, dir.resolve("server-" + starts + ".log"), "--export", export.toString(),
                "--bind", address, "--state-dir", dir.resolve("state").toString());
        server.awaitReady(Duration.ofSeconds(120), () -> {
            ns.exec("rpcinfo", "-t", address, "nfs", "3");
            ns.exec("rpcinfo", "-t", address, "mountd", "3");
        });
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
        ns.close();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
