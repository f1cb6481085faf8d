package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;

/**
 * What the NLM versions differ in on the wire. One set of records serves all of them with 64-bit unsigned
 * ranges and the v4 status set; the version picks one of these to read and write them.
 *
 * <ul>
 *   <li>{@link #NLM3} (versions 1 and 3, XNFS chapter 10): {@code l_offset} and {@code l_len} are 32-bit
 *       unsigned, and {@code nlm_stats} stops at DENIED_GRACE_PERIOD (DEADLCK from Sun's nlm_prot.x is
 *       read, never written: the Linux client refuses it).
 *   <li>{@link #NLM4} (version 4, RFC 1813 appendix II): {@code uint64} ranges and all of {@code nlm4_stats}.
 * </ul>
 *
 * Reading never fails for range reasons: v1/v3 values widen. Writing a range wider than 32 bits with
 * {@link #NLM3} throws {@link NlmRangeException}; handlers ask {@link #fits} first and answer FBIG.
 */
public enum NlmWire {
    NLM3,
    NLM4;

    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    /** The wire of an NLM version: 1 and 3 share {@link #NLM3}, 4 is {@link #NLM4}. */
    public static NlmWire forVersion(int version) {
        return switch (version) {
            case 1, 3 -> NLM3;
            case 4 -> NLM4;
            default -> throw new IllegalArgumentException("no NLM version " + version);
        };
    }

    /** Whether an unsigned offset and length can be written; a length of 0 (to end of file) always can. */
    public boolean fits(long offset, long length) {
        return this == NLM4
                || Long.compareUnsigned(offset, MAX_UINT32) <= 0 && Long.compareUnsigned(length, MAX_UINT32) <= 0;
    }

    /** Throws {@link NlmRangeException} unless {@link #fits}; writers call it before writing anything. */
    public void requireFits(long offset, long length) {
        if (!fits(offset, length)) {
            throw new NlmRangeException(offset, length);
        }
    }

    /** One {@code l_offset} or {@code l_len}, unsigned in the returned long. */
    public long readUnsigned(XdrDecoder in) {
        return switch (this) {
            case NLM3 -> in.readUnsignedInt();
            case NLM4 -> in.readUnsignedHyper();
        };
    }

    /** {@code l_offset} then {@code l_len}. */
    public void writeRange(XdrEncoder out, long offset, long length) {
        switch (this) {
            case NLM3 -> {
                requireFits(offset, length);
                out.writeUnsignedInt(offset).writeUnsignedInt(length);
            }
            case NLM4 -> out.writeHyper(offset).writeHyper(length);
        }
    }

    /**
     * What a client of this wire is sent for {@code status}. v1/v3 lack the statuses after DENIED_GRACE_PERIOD:
     * as the Linux kernel's lockd does, DEADLCK becomes DENIED (the lock was not granted; retrying may work)
     * and ROFS, STALE_FH, FBIG and FAILED become DENIED_NOLOCKS (the server cannot lock this).
     */
    public NlmStatus onWire(NlmStatus status) {
        if (this == NLM4) {
            return status;
        }
        return switch (status) {
            case GRANTED, DENIED, DENIED_NOLOCKS, BLOCKED, DENIED_GRACE_PERIOD -> status;
            case DEADLCK -> NlmStatus.DENIED;
            case ROFS, STALE_FH, FBIG, FAILED -> NlmStatus.DENIED_NOLOCKS;
        };
    }

    public NlmStatus readStatus(XdrDecoder in) {
        int value = in.readEnum();
        NlmStatus status = NlmStatus.of(value);
        if (status == null || this == NLM3 && status.compareTo(NlmStatus.DEADLCK) > 0) {
            throw new XdrException("no NLM status " + value + " in " + this);
        }
        return status;
    }

    public void writeStatus(XdrEncoder out, NlmStatus status) {
        out.writeEnum(onWire(status).value());
    }
}
