package dev.handoff.it.soak;

import dev.handoff.nlm.xdr.NlmArgsCodec;
import dev.handoff.nlm.xdr.NlmResult;
import dev.handoff.nlm.xdr.NlmResultsCodec;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.nlm.xdr.TestArgs;
import dev.handoff.rpc.message.CallDecoding;
import dev.handoff.rpc.message.CallHeader;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The client side of NLM's blocking locks (DESIGN.md §3): the server finds the client's lock manager through
 * the client's port mapper (PMAPPROC_GETPORT over UDP on port 111, RFC 1833 §3.2) and calls NLM4_GRANTED on it
 * (RFC 1813 appendix II). This answers both inside the client's namespace: GETPORT of NLM over TCP gives
 * {@link SoakCalls#NLM_PORT}, and every GRANTED is accepted and handed to the lock owner (by svid) waiting for it.
 */
final class CallbackServer implements AutoCloseable {
    private static final int PMAP = 100000;
    private static final int GETPORT = 3;
    private static final int TCP = 6;
    private static final int GRANTED = 5;
    private static final int MAX_RECORD = 64 * 1024;

    private final DatagramSocket portmap;
    private final ServerSocket lockd;
    private final LoadCounters counters;
    private final Map<Integer, BlockingQueue<Integer>> granted = new ConcurrentHashMap<>();

    private CallbackServer(DatagramSocket portmap, ServerSocket lockd, LoadCounters counters) {
        this.portmap = portmap;
        this.lockd = lockd;
        this.counters = counters;
    }

    static CallbackServer start(LoadCounters counters) throws IOException {
        CallbackServer s = new CallbackServer(new DatagramSocket(new InetSocketAddress(111)),
                new ServerSocket(SoakCalls.NLM_PORT), counters);
        Thread.ofPlatform().daemon().name("soak-portmap").start(s::servePortmap);
        Thread.ofPlatform().daemon().name("soak-lockd").start(s::acceptLockd);
        return s;
    }

    /** Forgets earlier grants for {@code svid}; call before the LOCK whose grant is awaited. */
    void expect(int svid) {
        queue(svid).clear();
    }

    /** Whether a GRANTED for {@code svid} arrived within {@code limit}. */
    boolean awaitGranted(int svid, Duration limit) throws InterruptedException {
        return queue(svid).poll(limit.toMillis(), TimeUnit.MILLISECONDS) != null;
    }

    private BlockingQueue<Integer> queue(int svid) {
        return granted.computeIfAbsent(svid, k -> new LinkedBlockingQueue<>());
    }

    private void servePortmap() {
        byte[] buf = new byte[1500];
        while (!portmap.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                portmap.receive(p);
                XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(p.getData(), 0, p.getLength()));
                if (RpcMessageCodec.decodeCall(in) instanceof CallDecoding.Ok(CallHeader h) && h.program() == PMAP) {
                    int port = 0;
                    if (h.procedure() == GETPORT) {
                        int program = in.readInt();
                        in.readInt();
                        port = program == SoakCalls.NLM && in.readInt() == TCP ? SoakCalls.NLM_PORT : 0;
                    }
                    int answer = port;
                    byte[] reply = reply(h.xid(),
                            h.procedure() == 0 ? XdrWriter.nothing() : (out, v) -> out.writeInt(answer));
                    portmap.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    counters.add("callback_getport");
                }
            } catch (IOException | RuntimeException e) {
                if (!portmap.isClosed()) {
                    counters.add("callback_errors");
                }
            }
        }
    }

    private void acceptLockd() {
        while (!lockd.isClosed()) {
            try {
                Socket s = lockd.accept();
                Thread.ofVirtual().start(() -> serveLockd(s));
            } catch (IOException e) {
                // Closed at the end of the run.
            }
        }
    }

    private void serveLockd(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream())) {
            while (true) {
                int length = in.readInt() & 0x7fff_ffff;
                if (length > MAX_RECORD) {
                    return;
                }
                byte[] record = new byte[length];
                in.readFully(record);
                XdrDecoder call = new XdrDecoder(Unpooled.wrappedBuffer(record));
                if (!(RpcMessageCodec.decodeCall(call) instanceof CallDecoding.Ok(CallHeader h))) {
                    continue;
                }
                byte[] reply;
                if (h.program() == SoakCalls.NLM && h.procedure() == GRANTED) {
                    TestArgs args = NlmArgsCodec.forVersion(h.version()).readTestArgs(call);
                    NlmResult result = new NlmResult(args.cookie(), NlmStatus.GRANTED);
                    reply = reply(h.xid(),
                            (out, v) -> NlmResultsCodec.forVersion(h.version()).writeResult(out, result));
                    counters.add("callback_granted");
                    queue(args.lock().svid()).add(args.lock().svid());
                } else {
                    reply = reply(h.xid(), XdrWriter.nothing());
                }
                s.getOutputStream().write(ByteBuffer.allocate(4 + reply.length).putInt(0x8000_0000 | reply.length)
                        .put(reply).array());
            }
        } catch (IOException | RuntimeException e) {
            // The server closed its callback connection, as it does after each call.
        }
    }

    private static byte[] reply(int xid, XdrWriter<Object> result) {
        ByteBuf buf = Unpooled.buffer(64);
        try {
            RpcMessageCodec.encodeReply(new XdrEncoder(buf), xid, new RpcReply.Success<>(null, result));
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    @Override
    public void close() throws IOException {
        portmap.close();
        lockd.close();
    }
}
