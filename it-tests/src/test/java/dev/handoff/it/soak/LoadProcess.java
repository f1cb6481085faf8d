package dev.handoff.it.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.it.netns.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link SoakLoad} running in the client's namespace on this JVM's JDK and class path. Its output goes to a file
 * (a pipe nobody drains would stall it); {@link #await} returns what it wrote as its result.
 */
final class LoadProcess implements AutoCloseable {
    private final Process process;
    private final Path result;
    private final Path log;

    private LoadProcess(Process process, Path result, Path log) {
        this.process = process;
        this.result = result;
        this.log = log;
    }

    static LoadProcess start(NetworkNamespace ns, String server, Path export, Duration length, Path dir)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Failsafe runs tests from a manifest-only jar; this property holds the real class path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path result = dir.resolve("load-result.json");
        Path log = dir.resolve("load.log");
        Files.deleteIfExists(result);
        List<String> command = ns.command(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                SoakLoad.class.getName(), server, export.toString(), Long.toString(length.toSeconds()),
                result.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new LoadProcess(p, result, log);
    }

    boolean running() {
        return process.isAlive();
    }

    /** Waits for the load to end on its own (it knows its length); its counters. */
    JsonNode await(Duration limit) throws Exception {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the load did not end within " + limit + ":\n" + Files.readString(log));
        }
        if (process.exitValue() != 0 || !Files.exists(result)) {
            throw new AssertionError("the load failed (exit " + process.exitValue() + "):\n" + Files.readString(log));
        }
        return new ObjectMapper().readTree(result.toFile());
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
