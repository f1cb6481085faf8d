package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The size limits NLM's XDR declares (XNFS chapter 10, RFC 1813 appendix II), and the bounded items the
 * codecs of every version share.
 */
public final class NlmLimits {
    /** LM_MAXSTRLEN: the longest caller name, in bytes. */
    public static final int LM_MAXSTRLEN = 1024;
    /** MAXNAMELEN (LM_MAXNAMELEN in v4): the longest host name in NLM_FREE_ALL's nlm_notify. */
    public static final int LM_MAXNAMELEN = LM_MAXSTRLEN + 1;
    /**
     * MAXNETOBJ_SZ: the largest netobj (cookie, file handle, owner handle). A file handle may take all of it on
     * the wire, though ours are at most 64 bytes: a longer one decodes, and the lock manager answers it as a
     * handle it never issued (STALE_FH).
     */
    public static final int MAXNETOBJ_SZ = 1024;

    private NlmLimits() {
    }

    /** For record constructors: the readers refuse a longer netobj before any record is built. */
    static Opaque requireNetobj(Opaque netobj, String what) {
        Objects.requireNonNull(netobj, what);
        if (netobj.length() > MAXNETOBJ_SZ) {
            throw new IllegalArgumentException(what + " of " + netobj.length() + " bytes exceeds " + MAXNETOBJ_SZ);
        }
        return netobj;
    }

    /** A netobj: a cookie, file handle or owner handle. */
    static Opaque readNetobj(XdrDecoder in) {
        return in.readOpaque(MAXNETOBJ_SZ);
    }

    /** The records hold at most {@link #MAXNETOBJ_SZ} bytes, so writing needs no second check. */
    static void writeNetobj(XdrEncoder out, Opaque netobj) {
        out.writeOpaque(netobj);
    }

    /**
     * A name of at most {@code max} UTF-8 bytes. A longer one would be refused by every peer, so it is a server
     * bug, refused here before anything is written.
     */
    static void writeString(XdrEncoder out, String s, int max, String what) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > max) {
            throw new IllegalArgumentException(what + " of " + bytes.length + " bytes exceeds " + max);
        }
        out.writeOpaque(bytes, 0, bytes.length);
    }
}
