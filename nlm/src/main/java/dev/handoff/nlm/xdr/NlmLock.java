package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nlm_lock (XNFS chapter 10) and nlm4_lock (RFC 1813 appendix II, basic data types): a byte range of a
 * file, held by one process on one client. The range is 64-bit unsigned here for every version;
 * {@link NlmWire} narrows it for v1/v3.
 *
 * @param callerName the client's host name, as its NSM knows it (the key of FREE_ALL and reboot recovery)
 * @param fh         the NFS file handle
 * @param oh         the owner handle: opaque to the server, equal for all locks of one owner
 * @param svid       the owning process on the client (lockd sends a per-owner id); with {@code oh} it
 *                   identifies the owner, and POSIX locks of one owner merge rather than conflict
 * @param offset     l_offset, unsigned
 * @param length     l_len, unsigned; 0 means to the end of the file, however it grows
 */
public record NlmLock(String callerName, Opaque fh, Opaque oh, int svid,
                      long offset, long length) {
    public NlmLock {
        Objects.requireNonNull(callerName, "callerName");
        NlmLimits.requireNetobj(fh, "fh");
        NlmLimits.requireNetobj(oh, "oh");
    }

    /** Whether the range runs to the end of the file (l_len 0). */
    public boolean toEndOfFile() {
        return length == 0;
    }
}
