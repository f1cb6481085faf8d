package dev.handoff.nlm.xdr;

import dev.handoff.rpc.xdr.Opaque;

/**
 * nlm_holder / nlm4_holder: the lock that made a TEST fail, as the conflicting owner holds it.
 *
 * @param exclusive a write lock (true) or a read lock
 * @param svid      the holder's process on its client
 * @param oh        the holder's owner handle
 * @param offset    unsigned
 * @param length    unsigned; 0 means to the end of the file
 */
public record NlmHolder(boolean exclusive, int svid, Opaque oh, long offset, long length) {
    public NlmHolder {
        NlmLimits.requireNetobj(oh, "oh");
    }
}
