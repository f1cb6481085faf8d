package dev.handoff.rpc.dispatch;

import dev.handoff.rpc.message.CallHeader;
import dev.handoff.rpc.message.Credential;

/**
 * What a procedure handler may know about its call besides the arguments.
 *
 * @param earlierRunLost a copy of this call began before on a node that left mid-call, and no reply was kept
 *     ({@link dev.handoff.rpc.cache.ReplyCache.Lookup.Execute}): its effects may already be in place
 */
public record CallContext(CallHeader header, Peer peer, boolean earlierRunLost) {
    public CallContext(CallHeader header, Peer peer) {
        this(header, peer, false);
    }

    public Credential credential() {
        return header.credential();
    }

    public int xid() {
        return header.xid();
    }
}
