package dev.handoff.server;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.server.exports.Export;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.nfs3.Nfs3Program;
import dev.handoff.server.nfs3.xdr.AccessArgs;
import dev.handoff.server.nfs3.xdr.AttrCodec;
import dev.handoff.server.nfs3.xdr.DirOpArgs3;
import dev.handoff.server.nfs3.xdr.DirOpCodec;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.FsInfoCodec;
import dev.handoff.server.nfs3.xdr.FsinfoArgs;
import dev.handoff.server.nfs3.xdr.FsstatArgs;
import dev.handoff.server.nfs3.xdr.GetattrArgs;
import dev.handoff.server.nfs3.xdr.IoCodec;
import dev.handoff.server.nfs3.xdr.LookupArgs;
import dev.handoff.server.nfs3.xdr.Nfs3Procedures;
import dev.handoff.server.nfs3.xdr.PathconfArgs;
import dev.handoff.server.nfs3.xdr.ReadArgs;
import dev.handoff.server.nfs3.xdr.ReaddirCodec;
import dev.handoff.server.nfs3.xdr.ReaddirplusArgs;
import dev.handoff.server.nfs3.xdr.StableHow;
import dev.handoff.server.nfs3.xdr.Verifier3;
import dev.handoff.server.nfs3.xdr.WriteArgs;
import dev.handoff.server.nfs3.xdr.WriteData;
import dev.handoff.server.vfs.Vfs;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the NFS read path a few hundred times at start, before the node is ready. A node's first calls otherwise
 * load and link everything they touch (handler and codec classes, the native downcalls for open_by_handle_at,
 * statx and the identity switch) and run interpreted: on a fresh server the first copy of a small file took
 * 134 ms against 15 ms later, and in a cluster the first move onto each node stalled the client 220-280 ms
 * against 50-120 ms once every node had served.
 * <p>
 * The calls go through a dispatcher of their own (no reply cache, no metrics), as root from a loopback address,
 * and change nothing: GETATTR, ACCESS, LOOKUP ".", READDIRPLUS, FSSTAT, FSINFO and PATHCONF of each export's
 * root, and a READ and a zero-length WRITE of that directory, which the file system refuses. An export whose
 * rules turn the loopback address away only warms the path as far as that refusal.
 */
final class ServingWarmup {
    private static final Logger log = LoggerFactory.getLogger(ServingWarmup.class);
    private static final int ROUNDS = 300;
    private static final int MAX_EXPORTS = 4;
    private static final Peer LOCAL = new Peer(Transport.TCP,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 2049),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 700));
    private static final Credential ROOT = new Credential.Sys(0, "handoff-warmup", 0, 0, List.of());

    private ServingWarmup() {
    }

    /** What the warm-up did: calls made, how many the file system answered NFS3_OK, and how long it took. */
    record Result(int calls, int ok, long millis) {
    }

    static Result run(List<RpcProgram> programs, SignedHandles handles, ExportFileSystemCache fileSystems,
                      List<Export> exports) {
        long start = System.nanoTime();
        Dispatcher dispatcher = new Dispatcher(programs, ReplyCache.NONE, CallObserver.NONE);
        int calls = 0;
        int ok = 0;
        for (Export export : exports.stream().limit(MAX_EXPORTS).toList()) {
            Vfs vfs = fileSystems.forExport(export.exportId());
            if (vfs == null) {
                continue;
            }
            FileHandle3 root = handles.toHandle(vfs.root());
            Filename3 dot = new Filename3(Opaque.copyOf(".".getBytes(StandardCharsets.US_ASCII)));
            for (int round = 0; round < ROUNDS; round++) {
                ok += call(dispatcher, Nfs3Procedures.NFSPROC3_GETATTR,
                        out -> AttrCodec.writeGetattrArgs(out, new GetattrArgs(root)));
                ok += call(dispatcher, Nfs3Procedures.NFSPROC3_ACCESS,
                        out -> AttrCodec.writeAccessArgs(out, new AccessArgs(root, AccessArgs.ACCESS3_READ)));
                ok += call(dispatcher, Nfs3Procedures.NFSPROC3_LOOKUP,
                        out -> DirOpCodec.writeLookupArgs(out, new LookupArgs(new DirOpArgs3(root, dot))));
                ok += call(dispatcher, Nfs3Procedures.NFSPROC3_READDIRPLUS, out -> ReaddirCodec.writeReaddirplusArgs(out,
                        new ReaddirplusArgs(root, 0, Verifier3.ZERO, 4096, 8192)));
                ok += call(dispatcher, Nfs3Procedures.NFSPROC3_FSSTAT,
                        out -> FsInfoCodec.writeFsstatArgs(out, new FsstatArgs(root)));
                ok += call(dispatcher, Nfs3Procedures.NFSPROC3_FSINFO,
                        out -> FsInfoCodec.writeFsinfoArgs(out, new FsinfoArgs(root)));
                ok += call(dispatcher, Nfs3Procedures.NFSPROC3_PATHCONF,
                        out -> FsInfoCodec.writePathconfArgs(out, new PathconfArgs(root)));
                ok += call(dispatcher, Nfs3Procedures.NFSPROC3_READ,
                        out -> IoCodec.writeReadArgs(out, new ReadArgs(root, 0, 4096)));
                ok += call(dispatcher, Nfs3Procedures.NFSPROC3_WRITE, out -> {
                    try (WriteArgs nothing = new WriteArgs(root, 0, StableHow.UNSTABLE,
                            WriteData.wrap(java.nio.ByteBuffer.allocate(0)))) {
                        IoCodec.writeWriteArgs(out, nothing);
                    }
                });
                calls += 9;
            }
        }
        Result result = new Result(calls, ok, (System.nanoTime() - start) / 1_000_000);
        log.info("warmed the NFS read path: {} calls ({} answered NFS3_OK) in {} ms", result.calls(), result.ok(),
                result.millis());
        return result;
    }

    /** 1 if the call was answered NFS3_OK: an accepted, successful reply whose result starts with nfsstat3 0. */
    private static int call(Dispatcher dispatcher, int procedure, Consumer<XdrEncoder> arguments) {
        ByteBuf record = Unpooled.buffer(256);
        ByteBuf reply = null;
        try {
            XdrEncoder out = new XdrEncoder(record);
            RpcMessageCodec.encodeCall(out, 0x7761_726d, Nfs3Program.PROGRAM, Nfs3Program.VERSION, procedure, ROOT);
            arguments.accept(out);
            reply = dispatcher.process(record, LOCAL, UnpooledByteBufAllocator.DEFAULT);
            if (reply == null) {
                return 0;
            }
            XdrDecoder in = new XdrDecoder(reply);
            return RpcMessageCodec.decodeReply(in).isSuccess() && in.readInt() == 0 ? 1 : 0;
        } catch (RuntimeException e) {
            // A warm-up that fails costs only its speed-up; the node serves as it would have.
            log.debug("warm-up call {} failed", procedure, e);
            return 0;
        } finally {
            record.release();
            if (reply != null) {
                reply.release();
            }
        }
    }
}
