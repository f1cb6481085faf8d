package dev.handoff.rpc.dispatch;

import dev.handoff.rpc.message.CallHeader;
import dev.handoff.rpc.message.Credential;

/** What a procedure handler may know about its call besides the arguments. */
public record CallContext(CallHeader header, Peer peer) {
    public Credential credential() {
        return header.credential();
    }

    public int xid() {
        return header.xid();
    }
}
