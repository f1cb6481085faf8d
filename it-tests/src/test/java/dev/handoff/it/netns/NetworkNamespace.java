package dev.handoff.it.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Linux network namespace with only loopback up, made and removed by the test itself, so servers
 * inside it can take ports 111 and 2049 without touching the machine's own, and test traffic stays in it.
 */
public final class NetworkNamespace implements AutoCloseable {
    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    public static NetworkNamespace create(String prefix) throws IOException, InterruptedException {
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        run(List.of("ip", "netns", "add", name));
        NetworkNamespace ns = new NetworkNamespace(name);
        run(List.of("ip", "-n", name, "link", "set", "lo", "up"));
        return ns;
    }

    public String name() {
        return name;
    }

    /** The command prefixed so that it runs inside this namespace. */
    public List<String> command(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(command));
        return full;
    }

    /** Runs a command inside the namespace and returns its output; fails on a non-zero exit. */
    public String exec(String... command) throws IOException, InterruptedException {
        return run(command(command));
    }

    public static String run(List<String> command) throws IOException, InterruptedException {
        // Output goes to a file: a pipe would fill at 64 KiB and stall the command until the timeout.
        java.nio.file.Path log = java.nio.file.Files.createTempFile("handoff-netns-", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            java.nio.file.Files.deleteIfExists(log);
            throw new IOException("timed out: " + String.join(" ", command));
        }
        String out = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
        java.nio.file.Files.deleteIfExists(log);
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + ": " + String.join(" ", command) + "\n" + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("ip", "netns", "del", name));
    }
}
