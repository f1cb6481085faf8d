package dev.handoff.it.serve;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.netns.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code ./handoff serve ...} started exactly as a user would, inside a network namespace. */
public final class HandoffProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private HandoffProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static HandoffProcess start(NetworkNamespace ns, Path log, String... serveArgs) throws Exception {
        HandoffBuild.ensureBuilt();
        List<String> cmd = new ArrayList<>(List.of(Prerequisites.repositoryRoot().resolve("handoff").toString(),
                "serve"));
        cmd.addAll(List.of(serveArgs));
        ProcessBuilder pb = new ProcessBuilder(ns.command(cmd.toArray(String[]::new)))
                .directory(Prerequisites.repositoryRoot().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HANDOFF_NO_BUILD", "1");
        Process p = pb.start();
        return new HandoffProcess(p, log);
    }

    /** Polls until {@code check} succeeds; fails with the server's log when the process dies or time runs out. */
    public void awaitReady(Duration timeout, Check check) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("handoff exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                check.run();
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("handoff not ready after " + timeout + ": " + last + "\n" + log(), last);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public long pid() {
        return process.pid();
    }

    /** Ctrl-C: SIGINT, then the exit code. */
    public int interrupt(Duration timeout) throws Exception {
        NetworkNamespace.run(List.of("kill", "-INT", Long.toString(process.pid())));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("handoff did not stop on SIGINT:\n" + log());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }
}
