package dev.handoff.server.nfs3.xdr;

import java.time.Instant;

/**
 * nfstime3 (RFC 1813 §2.6): unsigned seconds and nanoseconds since 1970-01-01 UTC. Both are kept as the
 * unsigned 32-bit wire values; nanoseconds of a billion or more are well-formed XDR, so the codec passes them
 * on and the handler may answer NFS3ERR_INVAL.
 */
public record NfsTime3(long seconds, long nseconds) {
    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public static final NfsTime3 EPOCH = new NfsTime3(0, 0);

    public NfsTime3 {
        if (seconds < 0 || seconds > UINT32_MAX || nseconds < 0 || nseconds > UINT32_MAX) {
            throw new IllegalArgumentException("nfstime3 fields are uint32: " + seconds + "." + nseconds);
        }
    }

    /** The instant on the wire; instants outside 1970..2106 are clamped, as the protocol cannot say them. */
    public static NfsTime3 of(Instant instant) {
        if (instant.getEpochSecond() < 0) {
            return EPOCH;
        }
        if (instant.getEpochSecond() > UINT32_MAX) {
            return new NfsTime3(UINT32_MAX, 999_999_999);
        }
        return new NfsTime3(instant.getEpochSecond(), instant.getNano());
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds, nseconds);
    }
}
