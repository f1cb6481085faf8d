package dev.handoff.it.wire;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.netns.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The processes {@link Nfs3WireIT} starts besides the server: the build, and the checks in the namespace. */
final class WireProcesses {
    private WireProcesses() {
    }

    /** What one run of the checks printed. */
    record Result(List<CheckLine> checks, boolean completed, int exitCode, String output) {
    }

    /**
     * {@code ./handoff --version}, which builds the server when its sources are newer than the jar: done before
     * the clock starts, so that a build (minutes on two shared cores) never counts as a slow server start.
     */
    static void buildServer() throws Exception {
        Path root = Prerequisites.repositoryRoot();
        Path out = Files.createTempFile("handoff-build", ".log");
        Process p = new ProcessBuilder(root.resolve("handoff").toString(), "--version").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(15, TimeUnit.MINUTES);
        String log = Files.readString(out);
        Files.delete(out);
        if (!done || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("./handoff --version (building the server) failed:\n" + log);
        }
    }

    /**
     * Runs {@link Nfs3WireChecks} for {@code phase} inside {@code ns} on this JVM's own JDK and class path, and
     * collects its check lines. Output goes through a file: a pipe nobody drains while waiting would block it.
     */
    static Result runChecks(NetworkNamespace ns, WireTree tree, String phase, String server, Duration limit)
            throws IOException, InterruptedException {
        Path out = tree.base().resolve("checks-" + phase + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Failsafe runs tests from a manifest-only jar; this property holds the real class path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = ns.command(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", classPath, Nfs3WireChecks.class.getName(), phase, server,
                tree.base().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean exited = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(out);
        List<CheckLine> checks = new ArrayList<>();
        boolean done = false;
        for (String line : output.split("\n")) {
            Optional<CheckLine> check = CheckLine.parse(line);
            check.ifPresent(checks::add);
            done |= line.startsWith("DONE " + phase + " ");
        }
        return new Result(checks, exited && done && p.exitValue() == 0, exited ? p.exitValue() : -1, output);
    }
}
