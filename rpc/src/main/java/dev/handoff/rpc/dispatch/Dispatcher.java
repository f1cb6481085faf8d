package dev.handoff.rpc.dispatch;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.cache.ReplyCacheKey;
import dev.handoff.rpc.message.AuthStat;
import dev.handoff.rpc.message.CallDecoding;
import dev.handoff.rpc.message.CallHeader;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one complete call record into one reply record, by the programs' tables: header checks, the
 * unavailable/mismatch replies, the reply cache, argument decoding, the handler and result encoding all happen
 * here once, for every program. Runs on a worker thread, or on the event loop for a call
 * {@link #mayRunInline} allows.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** knfsd checksums this many bytes of arguments for its reply cache key. */
    private static final int CHECKSUM_BYTES = 256;

    private final Map<Integer, RpcProgram> programs = new HashMap<>();
    private final ReplyCache replyCache;
    private final CallObserver observer;
    private volatile CallGate gate = CallGate.OPEN;

    public Dispatcher(List<RpcProgram> programs, ReplyCache replyCache, CallObserver observer) {
        for (RpcProgram p : programs) {
            if (this.programs.put(p.number(), p) != null) {
                throw new IllegalArgumentException("program " + p.number() + " registered twice");
            }
        }
        this.replyCache = Objects.requireNonNull(replyCache, "replyCache (ReplyCache.NONE for none)");
        this.observer = Objects.requireNonNull(observer, "observer (CallObserver.NONE for none)");
    }

    /** Who decides, call by call, whether this node may still execute calls on an address ({@link CallGate}). */
    public void gate(CallGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate (CallGate.OPEN for none)");
    }

    public List<RpcProgram> programs() {
        return List.copyOf(programs.values());
    }

    /**
     * Whether this record may be answered on the event loop that read it: a CALL to a procedure marked
     * {@link Execution#INLINE} whose reply-cache work, if any, stays in this process. Reads the fixed header
     * words only (RFC 5531 §9: xid, CALL, rpcvers, prog, vers, proc); anything else goes to a worker, where
     * {@link #process} answers it properly.
     */
    public boolean mayRunInline(ByteBuf record) {
        int at = record.readerIndex();
        if (record.readableBytes() < 24 || record.getInt(at + 4) != 0) {
            return false;
        }
        RpcProgram program = programs.get(record.getInt(at + 12));
        ProgramVersion version = program == null ? null : program.version(record.getInt(at + 16));
        Procedure<?, ?> proc = version == null ? null : version.procedure(record.getInt(at + 20));
        return proc != null && proc.execution() == Execution.INLINE
                && (proc.cachePolicy() == CachePolicy.NONE || replyCache.answersLocally());
    }

    /**
     * Answers one call record. Returns the encoded reply (without record marking), or null when nothing is to
     * be sent. Does not release {@code record}.
     */
    public ByteBuf process(ByteBuf record, Peer peer, ByteBufAllocator alloc) {
        long start = System.nanoTime();
        XdrDecoder in = new XdrDecoder(record);
        return switch (RpcMessageCodec.decodeCall(in)) {
            case CallDecoding.Ignore ignore -> {
                observer.onDropped(peer, ignore.reason());
                yield null;
            }
            case CallDecoding.Reject reject -> {
                observer.onCall(peer, -1, -1, null, reject.reply(), System.nanoTime() - start);
                yield encode(alloc, reject.xid(), reject.reply());
            }
            case CallDecoding.Ok ok -> dispatch(ok.header(), record, in, peer, alloc, start);
        };
    }

    private ByteBuf dispatch(CallHeader h, ByteBuf record, XdrDecoder in, Peer peer, ByteBufAllocator alloc,
                             long start) {
        RpcProgram program = programs.get(h.program());
        Procedure<?, ?> proc = null;
        RpcReply refusal;
        if (program == null) {
            refusal = new RpcReply.ProgUnavail();
        } else if (program.version(h.version()) == null) {
            refusal = new RpcReply.ProgMismatch(program.lowestVersion(), program.highestVersion());
        } else if ((proc = program.version(h.version()).procedure(h.procedure())) == null) {
            refusal = new RpcReply.ProcUnavail();
        } else if (h.credential() instanceof Credential.Other) {
            refusal = new RpcReply.AuthError(AuthStat.AUTH_BADCRED);
        } else {
            refusal = null;
        }
        if (refusal != null) {
            observer.onCall(peer, h.program(), h.version(), proc, refusal, System.nanoTime() - start);
            return encode(alloc, h.xid(), refusal);
        }

        ReplyCacheKey key = null;
        boolean earlierRunLost = false;
        if (proc.cachePolicy().cached() && replyCache != ReplyCache.NONE) {
            key = cacheKey(h, record, peer);
            ReplyCache.Lookup lookup;
            try {
                lookup = proc.cachePolicy() == CachePolicy.REPLY_REPEATABLE ? replyCache.beginRepeatable(key)
                        : replyCache.begin(key);
            } catch (CallUnavailableException e) {
                // The shared cache cannot take the mark now (cut off, or not known to be on the majority): the
                // call is not run and gets no reply; the client retransmits, to the VIP's next owner if it moves.
                observer.onDropped(peer, e.getMessage());
                return null;
            }
            switch (lookup) {
                case ReplyCache.Lookup.Execute e -> earlierRunLost = e.earlierRunLost();
                case ReplyCache.Lookup.InProgress p -> {
                    observer.onDropped(peer, "retransmission of xid " + Integer.toUnsignedString(h.xid())
                            + " still in progress");
                    return null;
                }
                case ReplyCache.Lookup.Replay r -> {
                    byte[] b = r.encodedReply().toByteArray();
                    return alloc.buffer(b.length).writeBytes(b);
                }
            }
        }
        // Last thing before running it: the reply cache lookup above may have waited on the cluster.
        String refused = gate.refusal(peer.local());
        if (refused != null) {
            dropped(key, peer, refused);
            return null;
        }
        RpcReply reply;
        ByteBuf out;
        try {
            reply = invoke(proc, new CallContext(h, peer, earlierRunLost), in);
            if (reply instanceof RpcReply.Drop drop) {
                dropped(key, peer, drop.reason());
                return null;
            }
            out = encode(alloc, h.xid(), reply);
        } catch (RuntimeException | Error e) {
            // Without this the entry would stay in progress and every retransmission would be dropped.
            if (key != null) {
                replyCache.abandon(key);
            }
            throw e;
        }
        if (key != null) {
            remember(key, out);
        }
        observer.onCall(peer, h.program(), h.version(), proc, reply, System.nanoTime() - start);
        return out;
    }

    /** A call not executed, or executed without effect, gets no reply; its cache entry must not stay in progress. */
    private void dropped(ReplyCacheKey key, Peer peer, String reason) {
        if (key != null) {
            abandonQuietly(key);
        }
        observer.onDropped(peer, reason);
    }

    /** Abandons an entry on a path that already failed or gave up; a cache that refuses this too is only logged. */
    private void abandonQuietly(ReplyCacheKey key) {
        try {
            replyCache.abandon(key);
        } catch (RuntimeException e) {
            log.debug("abandoning the reply cache entry of xid {} failed", Integer.toUnsignedString(key.xid()), e);
        }
    }

    /**
     * The call has run; failing to store its reply (a cluster cache that lost quorum) must not also lose the
     * reply, or the client would retransmit into an entry left in progress and be dropped until it expires.
     */
    private void remember(ReplyCacheKey key, ByteBuf out) {
        try {
            replyCache.complete(key, Opaque.copyOf(ByteBufUtil.getBytes(out)));
        } catch (RuntimeException e) {
            log.warn("storing the reply to xid {} failed", Integer.toUnsignedString(key.xid()), e);
            abandonQuietly(key);
        }
    }

    private static <A, R> RpcReply invoke(Procedure<A, R> proc, CallContext call, XdrDecoder in) {
        A args;
        try {
            args = proc.arguments().read(in);
        } catch (XdrException e) {
            log.debug("{} from {}: garbage arguments: {}", proc.name(), call.peer().remote(), e.getMessage());
            return new RpcReply.GarbageArgs();
        } catch (RuntimeException e) {
            // A value type refusing a decoded field (or a reader bug): still the caller gets an answer, as a
            // call left unanswered is retransmitted for ever by a hard mount.
            log.warn("{} from {}: arguments refused", proc.name(), call.peer().remote(), e);
            return new RpcReply.GarbageArgs();
        }
        try {
            return new RpcReply.Success<>(proc.handler().handle(call, args), proc.result());
        } catch (CallUnavailableException e) {
            log.debug("{} from {} not executed: {}", proc.name(), call.peer().remote(), e.getMessage());
            return new RpcReply.Drop(e.getMessage());
        } catch (Exception | StackOverflowError e) {
            log.warn("{} from {} failed", proc.name(), call.peer().remote(), e);
            return new RpcReply.SystemErr();
        } finally {
            if (args instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    log.warn("releasing {} arguments failed", proc.name(), e);
                }
            }
        }
    }

    private static ReplyCacheKey cacheKey(CallHeader h, ByteBuf record, Peer peer) {
        int argStart = record.readerIndex();
        int length = record.writerIndex() - argStart;
        CRC32C crc = new CRC32C();
        crc.update(record.nioBuffer(argStart, Math.min(length, CHECKSUM_BYTES)));
        return new ReplyCacheKey(peer.transport(), peer.local(), peer.remote(), h.xid(), h.program(), h.version(), h.procedure(),
                length, (int) crc.getValue());
    }

    private static ByteBuf encode(ByteBufAllocator alloc, int xid, RpcReply reply) {
        ByteBuf out = alloc.buffer(128);
        try {
            RpcMessageCodec.encodeReply(new XdrEncoder(out), xid, reply);
            return out;
        } catch (RuntimeException e) {
            // A result encoder failed: a bug, but the caller still deserves an answer.
            log.error("encoding the reply to xid {} failed", Integer.toUnsignedString(xid), e);
            out.clear();
            RpcMessageCodec.encodeReply(new XdrEncoder(out), xid, new RpcReply.SystemErr());
            return out;
        }
    }
}
