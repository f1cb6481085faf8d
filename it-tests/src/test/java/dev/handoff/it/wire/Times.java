package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsTime;
import com.emc.ecs.nfsclient.rpc.Xdr;
import java.time.Instant;

/**
 * nfstime3 values (RFC 1813 §2.5) to and from the client library's {@link NfsTime}. The library keeps seconds
 * and nanoseconds but shows only milliseconds, and builds a bare time (a SETATTR guard) only from milliseconds;
 * the ctime guard must match to the nanosecond, so values pass through the library's own XDR codec instead.
 */
final class Times {
    private Times() {
    }

    /** The exact instant of a time the library decoded (or of one it would encode). */
    static Instant instant(NfsTime time) {
        Xdr x = new Xdr(12);
        time.marshalling(x);
        // A setting time (what decoded attributes hold) encodes its discriminant first; a bare time does not.
        x.setOffset(x.getOffset() == 12 ? 4 : 0);
        long seconds = x.getInt() & 0xFFFF_FFFFL;
        long nanos = x.getInt() & 0xFFFF_FFFFL;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** A bare nfstime3 (as sattrguard3 carries it) for exactly {@code at}. */
    static NfsTime bare(Instant at) {
        Xdr x = new Xdr(8);
        x.putInt((int) at.getEpochSecond());
        x.putInt(at.getNano());
        x.setOffset(0);
        NfsTime time = new NfsTime(0, false);
        time.unmarshalling(x);
        return time;
    }
}
