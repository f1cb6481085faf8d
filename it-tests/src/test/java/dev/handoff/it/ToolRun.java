package dev.handoff.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One finished command: its exit code and its output (stdout and stderr together). Unlike
 * {@code NetworkNamespace.exec}, a non-zero exit is a result to assert on, not an exception, and the time limit
 * is the caller's (a 256 MiB copy needs more than a minute on a loaded machine).
 */
public record ToolRun(List<String> command, int exitCode, String output, Duration took) {

    public ToolRun {
        command = List.copyOf(command);
    }

    /** Runs {@code command} to its end; past {@code limit} it is killed and the run throws. */
    public static ToolRun run(List<String> command, Duration limit) throws IOException, InterruptedException {
        return run(command, limit, null);
    }

    /** As {@link #run(List, Duration)}, in {@code workingDir} (null: the current one). */
    public static ToolRun run(List<String> command, Duration limit, Path workingDir)
            throws IOException, InterruptedException {
        // output to a file, not a pipe: a chatty tool can never block on a full pipe while we wait for it
        Path out = Files.createTempFile("handoff-it-tool", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            if (workingDir != null) {
                pb.directory(workingDir.toFile());
            }
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IOException("still running after " + limit + ", killed: " + String.join(" ", command)
                        + "\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new ToolRun(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), took);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** For assertion messages. */
    public String describe() {
        return String.join(" ", command) + " -> exit " + exitCode + " after " + took.toMillis() + " ms\n" + output;
    }
}
