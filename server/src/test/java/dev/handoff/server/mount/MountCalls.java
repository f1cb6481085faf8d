package dev.handoff.server.mount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import dev.handoff.server.mount.xdr.DumpResult;
import dev.handoff.server.mount.xdr.ExportResult;
import dev.handoff.server.mount.xdr.Mnt1Result;
import dev.handoff.server.mount.xdr.Mnt3Result;
import dev.handoff.server.mount.xdr.MntArgs;
import dev.handoff.server.mount.xdr.MountCodec;
import dev.handoff.server.mount.xdr.MountProcedures;
import dev.handoff.server.mount.xdr.UmntArgs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.List;

/** MOUNT calls encoded as a client sends them, answered by a {@link Dispatcher}, replies decoded. */
final class MountCalls {
    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 20048);
    private static final Credential ROOT = new Credential.Sys(1, "client", 0, 0, List.of());

    private final Dispatcher dispatcher;
    private int xid = 1;

    MountCalls(RpcProgram program) {
        this.dispatcher = new Dispatcher(List.of(program), ReplyCache.NONE, CallObserver.NONE);
    }

    Mnt3Result mnt3(InetSocketAddress from, String dirpath) {
        return call(from, 3, MountProcedures.MOUNTPROC_MNT, MountCodec::writeMntArgs, new MntArgs(dirpath),
                MountCodec::readMnt3Result);
    }

    Mnt1Result mnt1(InetSocketAddress from, String dirpath) {
        return call(from, 1, MountProcedures.MOUNTPROC_MNT, MountCodec::writeMntArgs, new MntArgs(dirpath),
                MountCodec::readMnt1Result);
    }

    DumpResult dump(InetSocketAddress from) {
        return call(from, 3, MountProcedures.MOUNTPROC_DUMP, XdrWriter.nothing(), null, MountCodec::readDumpResult);
    }

    void umnt(InetSocketAddress from, String dirpath) {
        call(from, 3, MountProcedures.MOUNTPROC_UMNT, MountCodec::writeUmntArgs, new UmntArgs(dirpath), in -> null);
    }

    void umntAll(InetSocketAddress from) {
        call(from, 3, MountProcedures.MOUNTPROC_UMNTALL, XdrWriter.nothing(), null, in -> null);
    }

    ExportResult export(int version, InetSocketAddress from) {
        return call(from, version, MountProcedures.MOUNTPROC_EXPORT, XdrWriter.nothing(), null,
                MountCodec::readExportResult);
    }

    /** One call; checks that it succeeded at the RPC level and that the result used the whole reply. */
    <A, R> R call(InetSocketAddress from, int version, int procedure, XdrWriter<A> args, A value,
                  XdrReader<R> result) {
        XdrDecoder in = new XdrDecoder(raw(from, version, procedure, args, value));
        RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
        assertThat(header.status()).isInstanceOf(RpcReply.Success.class);
        R r = result.read(in);
        assertThat(in.remaining()).as("bytes after the result").isZero();
        return r;
    }

    /** The reply record of one call, undecoded. */
    <A> ByteBuf raw(InetSocketAddress from, int version, int procedure, XdrWriter<A> args, A value) {
        ByteBuf record = Unpooled.buffer();
        XdrEncoder out = new XdrEncoder(record);
        RpcMessageCodec.encodeCall(out, xid++, MountProgram.PROGRAM, version, procedure, ROOT);
        args.write(out, value);
        ByteBuf reply = dispatcher.process(record, new Peer(Transport.TCP, SERVER, from),
                UnpooledByteBufAllocator.DEFAULT);
        assertThat(reply).as("a reply").isNotNull();
        return reply;
    }
}
