package dev.handoff.server.vfs;

/** RFC 1813 §3.3.8 createmode3. */
public sealed interface CreateMode {
    /** Create, or open the existing file (attributes then apply to it, e.g. truncation). */
    record Unchecked() implements CreateMode {
    }

    /** Fail with EEXIST when the name exists. */
    record Guarded() implements CreateMode {
    }

    /**
     * Create exactly once: the verifier is stored with the file, so a retransmission that finds a file with the
     * same verifier succeeds instead of failing with EEXIST.
     */
    record Exclusive(long verifier) implements CreateMode {
    }
}
