package dev.handoff.rpc.message;

/** The outcome of reading a call header: a call to dispatch, a call to refuse, or bytes to ignore. */
public sealed interface CallDecoding {

    record Ok(CallHeader header) implements CallDecoding {
    }

    /** The header was readable enough to answer, but the call must be refused (bad RPC version, bad credential). */
    record Reject(int xid, RpcReply reply) implements CallDecoding {
    }

    /** Not a call we can answer (too short for an xid, or a REPLY message): dropped. */
    record Ignore(String reason) implements CallDecoding {
    }
}
