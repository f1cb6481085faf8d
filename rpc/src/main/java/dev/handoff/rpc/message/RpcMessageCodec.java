package dev.handoff.rpc.message;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;
import dev.handoff.rpc.xdr.XdrWriter;

/** RFC 5531 §9 message headers: decoding calls and replies, encoding replies and calls. */
public final class RpcMessageCodec {
    public static final int CALL = 0;
    public static final int REPLY = 1;
    public static final int RPC_VERSION = 2;
    /** RFC 5531 §8.2: opaque_auth bodies are at most 400 bytes. */
    public static final int MAX_AUTH_BODY = 400;

    static final int MSG_ACCEPTED = 0;
    static final int MSG_DENIED = 1;
    static final int SUCCESS = 0;
    static final int PROG_UNAVAIL = 1;
    static final int PROG_MISMATCH = 2;
    static final int PROC_UNAVAIL = 3;
    static final int GARBAGE_ARGS = 4;
    static final int SYSTEM_ERR = 5;
    static final int RPC_MISMATCH = 0;
    static final int AUTH_ERROR = 1;

    private RpcMessageCodec() {
    }

    /** Reads a call header, leaving {@code in} at the first byte of the procedure's arguments. */
    public static CallDecoding decodeCall(XdrDecoder in) {
        if (in.remaining() < 8) {
            return new CallDecoding.Ignore("record of " + in.remaining() + " bytes is too short for a header");
        }
        int xid = in.readInt();
        int type = in.readInt();
        if (type != CALL) {
            return new CallDecoding.Ignore("message type " + type + " is not CALL");
        }
        try {
            int rpcVersion = in.readInt();
            if (rpcVersion != RPC_VERSION) {
                return new CallDecoding.Reject(xid, new RpcReply.RpcMismatch(RPC_VERSION, RPC_VERSION));
            }
            int program = in.readInt();
            int version = in.readInt();
            int procedure = in.readInt();
            Credential cred;
            try {
                cred = decodeCredential(in.readInt(), in.readOpaque(MAX_AUTH_BODY));
            } catch (XdrException e) {
                return new CallDecoding.Reject(xid, new RpcReply.AuthError(AuthStat.AUTH_BADCRED));
            }
            int verfFlavor;
            Opaque verfBody;
            try {
                verfFlavor = in.readInt();
                verfBody = in.readOpaque(MAX_AUTH_BODY);
            } catch (XdrException e) {
                return new CallDecoding.Reject(xid, new RpcReply.AuthError(AuthStat.AUTH_BADVERF));
            }
            return new CallDecoding.Ok(new CallHeader(xid, rpcVersion, program, version, procedure, cred,
                    verfFlavor, verfBody));
        } catch (XdrException e) {
            // Truncated before the credential: we know whom to answer but not what they asked.
            return new CallDecoding.Reject(xid, new RpcReply.GarbageArgs());
        }
    }

    static Credential decodeCredential(int flavor, Opaque body) {
        return switch (flavor) {
            case AuthFlavor.AUTH_NONE -> Credential.None.INSTANCE;
            case AuthFlavor.AUTH_SYS -> AuthSysCodec.decode(body);
            default -> new Credential.Other(flavor, body);
        };
    }

    public static void encodeReply(XdrEncoder out, int xid, RpcReply reply) {
        out.writeInt(xid).writeInt(REPLY);
        switch (reply) {
            case RpcReply.Success<?> s -> {
                accepted(out, SUCCESS);
                writeResult(out, s);
            }
            case RpcReply.ProgUnavail p -> accepted(out, PROG_UNAVAIL);
            case RpcReply.ProgMismatch m -> accepted(out, PROG_MISMATCH).writeInt(m.low()).writeInt(m.high());
            case RpcReply.ProcUnavail p -> accepted(out, PROC_UNAVAIL);
            case RpcReply.GarbageArgs g -> accepted(out, GARBAGE_ARGS);
            case RpcReply.SystemErr e -> accepted(out, SYSTEM_ERR);
            case RpcReply.RpcMismatch m ->
                    out.writeInt(MSG_DENIED).writeInt(RPC_MISMATCH).writeInt(m.low()).writeInt(m.high());
            case RpcReply.AuthError a -> out.writeInt(MSG_DENIED).writeInt(AUTH_ERROR).writeInt(a.stat().value);
            case RpcReply.Drop d -> throw new IllegalArgumentException("a dropped call has no reply");
        }
    }

    private static <R> void writeResult(XdrEncoder out, RpcReply.Success<R> s) {
        s.writer().write(out, s.result());
    }

    private static XdrEncoder accepted(XdrEncoder out, int acceptStat) {
        // Verifier: AUTH_NONE with an empty body, as for every flavor we accept.
        return out.writeInt(MSG_ACCEPTED).writeInt(AuthFlavor.AUTH_NONE).writeInt(0).writeInt(acceptStat);
    }

    /** Writes a call header (for the RPC client); the arguments follow. */
    public static void encodeCall(XdrEncoder out, int xid, int program, int version, int procedure,
                                  Credential credential) {
        out.writeInt(xid).writeInt(CALL).writeInt(RPC_VERSION)
                .writeInt(program).writeInt(version).writeInt(procedure);
        switch (credential) {
            case Credential.None n -> out.writeInt(AuthFlavor.AUTH_NONE).writeInt(0);
            case Credential.Sys s -> out.writeInt(AuthFlavor.AUTH_SYS).writeOpaque(AuthSysCodec.encode(s));
            case Credential.Other o -> out.writeInt(o.flavor()).writeOpaque(o.body());
        }
        out.writeInt(AuthFlavor.AUTH_NONE).writeInt(0);
    }

    /**
     * Reads a reply header up to the result (for the RPC client). Returns the reply status; for
     * {@link RpcReply.Success} the result is left in {@code in} and the returned record carries no value.
     */
    public static ReplyHeader decodeReply(XdrDecoder in) {
        int xid = in.readInt();
        int type = in.readInt();
        if (type != REPLY) {
            throw new XdrException("message type " + type + " is not REPLY");
        }
        int stat = in.readInt();
        if (stat == MSG_DENIED) {
            int reject = in.readInt();
            RpcReply r = switch (reject) {
                case RPC_MISMATCH -> new RpcReply.RpcMismatch(in.readInt(), in.readInt());
                case AUTH_ERROR -> new RpcReply.AuthError(authStat(in.readInt()));
                default -> throw new XdrException("unknown reject_stat " + reject);
            };
            return new ReplyHeader(xid, r);
        }
        if (stat != MSG_ACCEPTED) {
            throw new XdrException("unknown reply_stat " + stat);
        }
        in.readInt();
        in.readOpaque(MAX_AUTH_BODY);
        int accept = in.readInt();
        RpcReply r = switch (accept) {
            case SUCCESS -> new RpcReply.Success<>(null, XdrWriter.nothing());
            case PROG_UNAVAIL -> new RpcReply.ProgUnavail();
            case PROG_MISMATCH -> new RpcReply.ProgMismatch(in.readInt(), in.readInt());
            case PROC_UNAVAIL -> new RpcReply.ProcUnavail();
            case GARBAGE_ARGS -> new RpcReply.GarbageArgs();
            case SYSTEM_ERR -> new RpcReply.SystemErr();
            default -> throw new XdrException("unknown accept_stat " + accept);
        };
        return new ReplyHeader(xid, r);
    }

    private static AuthStat authStat(int v) {
        for (AuthStat s : AuthStat.values()) {
            if (s.value == v) {
                return s;
            }
        }
        return AuthStat.AUTH_FAILED;
    }

    /** A decoded reply header: its xid and status. */
    public record ReplyHeader(int xid, RpcReply status) {
        public boolean isSuccess() {
            return status instanceof RpcReply.Success<?>;
        }
    }
}
