package dev.handoff.it.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of it-tests/kernel-client/run.sh: real Linux NFS clients (Debian's kernel under qemu) against server
 * nodes, each node in its own network namespace, all inside a private namespace that dies with the run.
 * The runner's progress streams to this class's log as it happens; {@link #run()} returns the parsed summary.
 *
 * <pre>{@code
 * KernelClientResult r = KernelClientRun.builder("locking")
 *         .serverCommand("./handoff serve --export \"$EXPORT_DIR\" > \"$NODE_DIR/handoff.log\" 2>&1 &")
 *         .guest("quick", "locking")
 *         .timeout(Duration.ofSeconds(120))
 *         .build().run();
 * assertThat(r.passed()).as(r::describe).isTrue();
 * }</pre>
 *
 * Server commands and host scripts run with the repository root as working directory. The variables each
 * receives (NODE_IP, NODE_DIR, EXPORT_DIR, KC_HOST_LIB...) are described in it-tests/kernel-client/README.md.
 */
public final class KernelClientRun {
    private static final Logger log = LoggerFactory.getLogger(KernelClientRun.class);
    private static final int TAIL_LINES = 200;
    /** Read by run.sh; dropped from the inherited environment so that only the builder decides them. */
    static final Set<String> RUNNER_VARIABLES = Set.of("SERVER_CMD", "NODES", "VIP", "VIP_NODE", "SERVER_IP",
            "HOST_SCRIPT", "TESTS_DIR", "GUEST_ENV", "GUESTS", "OUT_DIR", "TIMEOUT", "NFS_PORT", "MOUNT_PORT",
            "SERVER_READY_PORT", "EXPORT", "EXPORT_DIR", "MOUNT_OPTS", "NFS_OPTS", "NLM_PORT", "NET_PREFIX", "MEM",
            "SMP", "ACCEL", "KERNEL_APPEND", "SERVER_START_TIMEOUT", "HOST_SCRIPT_GRACE", "KEEP_WORK", "KEEP_EXPORT",
            "KEEP_RUNS", "CAPTURE", "CAPTURE_SNAPLEN", "RUN_ID", "KC_IN_NS", "KC_DIR", "KC_CACHE");

    private final String name;
    private final Path workingDir;
    private final Path outDir;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Duration deadline;

    KernelClientRun(String name, Path workingDir, Path outDir, List<String> command,
            Map<String, String> environment, Duration deadline) {
        this.name = name;
        this.workingDir = workingDir;
        this.outDir = outDir;
        this.command = List.copyOf(command);
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.deadline = deadline;
    }

    /** A run named {@code name} (used for its results directory and log lines). */
    public static KernelClientRunBuilder builder(String name) {
        return new KernelClientRunBuilder(name);
    }

    /** The runner's command line. */
    public List<String> command() {
        return command;
    }

    /** The variables set for the runner on top of the inherited environment (minus {@link #RUNNER_VARIABLES}). */
    public Map<String, String> environment() {
        return environment;
    }

    public Path outDir() {
        return outDir;
    }

    public KernelClientResult run() {
        try {
            Files.createDirectories(outDir);
            Files.deleteIfExists(outDir.resolve("summary.txt"));     // a reused directory: no stale verdict
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir, e);
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> RUNNER_VARIABLES.contains(k) || k.startsWith("GUEST_ENV_")
                || k.startsWith("SERVER_CMD_"));
        env.putAll(environment);
        log.info("[{}] starting {} (in {}, env {})", name, String.join(" ", command), workingDir, environment);
        Deque<String> tail = new ArrayDeque<>();
        long started = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
        Thread pump = Thread.ofPlatform().daemon().name("kernel-client-" + name)
                .start(() -> pump(process, tail));
        int exit = awaitExit(process, tail);
        try {
            pump.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("[{}] runner exited {} after {} s; results in {}", name, exit,
                String.format("%.1f", (System.nanoTime() - started) / 1e9), outDir);
        List<String> summary = readSummary();
        synchronized (tail) {
            return SummaryParser.parse(exit, outDir, summary, List.copyOf(tail));
        }
    }

    private int awaitExit(Process process, Deque<String> tail) {
        try {
            if (process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            String msg = "runner still running after " + deadline + ": killed";
            log.error("[{}] {}", name, msg);
            synchronized (tail) {
                tail.addLast(msg);
            }
            kill(process);
            return process.waitFor();
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel client ran", e);
        }
    }

    /**
     * The runner execs {@code unshare --fork --kill-child}, which ignores SIGTERM (as does PID 1 of the new pid
     * namespace); SIGKILL takes unshare down and with it, through --kill-child, the whole namespace: guests,
     * servers, host script.
     */
    private static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private void pump(Process process, Deque<String> tail) {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                log.info("[{}] {}", name, line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            log.warn("[{}] reading the runner's output failed: {}", name, e.toString());
        }
    }

    private List<String> readSummary() {
        Path summary = outDir.resolve("summary.txt");
        try {
            return Files.exists(summary) ? Files.readAllLines(summary, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
