package dev.handoff.it.soak;

import dev.handoff.it.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks at one server process from outside, as an operator would. The heap is measured by
 * {@code jcmd PID GC.class_histogram}: it runs a full, stop-the-world GC and then counts what is left, so its
 * total is the live heap at that moment, free of the garbage that any "heap used" gauge mostly shows (a
 * {@code /metrics} gauge of heap used goes up and down by the young generation's size between collections). The
 * attach works across network namespaces: it goes through a socket file in the shared /tmp. Descriptors and
 * threads come from /proc; direct memory from the server's own Prometheus scrape, where Netty's pooled buffers
 * count (it allocates them as ordinary direct ByteBuffers here, without access to the JDK's internals).
 */
final class ProcessSampler {
    private static final Duration JCMD = Duration.ofSeconds(60);
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern DIRECT = Pattern.compile(
            "^jvm_buffer_memory_used_bytes\\{id=\"direct\"\\} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern THREADS = Pattern.compile("^Threads:\\s+(\\d+)$", Pattern.MULTILINE);

    private final String node;
    private final long pid;
    private final Callable<String> scrape;
    private String lastHistogram = "";

    ProcessSampler(String node, long pid, Callable<String> scrape) {
        this.node = node;
        this.pid = pid;
        this.scrape = scrape;
    }

    String node() {
        return node;
    }

    Sample sample(double seconds, String stage) throws Exception {
        long heap = liveHeap();
        return new Sample(node, seconds, stage, heap, fds(), threads(), direct());
    }

    /** The histogram of the last sample, for finding what grew. */
    String lastHistogram() {
        return lastHistogram;
    }

    private long liveHeap() throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        ToolRun run = ToolRun.run(List.of(jcmd, Long.toString(pid), "GC.class_histogram"), JCMD);
        Matcher m = TOTAL.matcher(run.output());
        if (!run.succeeded() || !m.find()) {
            throw new IOException("jcmd GC.class_histogram of " + node + " (pid " + pid + ") failed: "
                    + run.describe());
        }
        lastHistogram = run.output();
        return Long.parseLong(m.group(2));
    }

    int fds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        }
    }

    private int threads() throws IOException {
        Matcher m = THREADS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private long direct() {
        try {
            Matcher m = DIRECT.matcher(scrape.call());
            return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
