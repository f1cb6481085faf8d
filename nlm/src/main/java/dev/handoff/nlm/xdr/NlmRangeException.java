package dev.handoff.nlm.xdr;

/**
 * A lock range that NLM v1/v3's 32-bit {@code l_offset}/{@code l_len} cannot carry: a lock set through v4
 * beyond 4 GiB, reported as a TEST holder or a GRANTED callback to a v1/v3 client. Handlers check with
 * {@link NlmWire#fits} and answer {@link #status()} instead; the v1/v3 writers throw this rather than
 * truncate, since a truncated range names bytes the lock does not cover.
 */
public final class NlmRangeException extends IllegalArgumentException {
    private final long offset;
    private final long length;

    public NlmRangeException(long offset, long length) {
        super("range at " + Long.toUnsignedString(offset) + " of length " + Long.toUnsignedString(length)
                + " needs 64-bit NLM");
        this.offset = offset;
        this.length = length;
    }

    /** Unsigned. */
    public long offset() {
        return offset;
    }

    /** Unsigned. */
    public long length() {
        return length;
    }

    /** What to answer: FBIG, which a v1/v3 client is sent as DENIED_NOLOCKS ({@link NlmWire#onWire}). */
    public NlmStatus status() {
        return NlmStatus.FBIG;
    }
}
