package dev.handoff.it.soak;

/**
 * One look at one server process from outside.
 *
 * @param seconds     since the phase's load started (negative before it)
 * @param stage       {@code before}, {@code load} or {@code after} the load
 * @param heapBytes   live heap: the bytes of all objects left after the full GC that GC.class_histogram runs
 * @param fds         entries of /proc/PID/fd
 * @param threads     the Threads: line of /proc/PID/status
 * @param directBytes the JVM's direct buffers (jvm_buffer_memory_used_bytes{id="direct"}), -1 when unknown
 */
record Sample(String node, double seconds, String stage, long heapBytes, int fds, int threads, long directBytes) {
    static final String HEADER = "phase,node,seconds,stage,heap_live_bytes,fds,threads,direct_bytes";

    String csv(String phase) {
        return String.format(java.util.Locale.ROOT, "%s,%s,%.1f,%s,%d,%d,%d,%d", phase, node, seconds, stage,
                heapBytes, fds, threads, directBytes);
    }
}
