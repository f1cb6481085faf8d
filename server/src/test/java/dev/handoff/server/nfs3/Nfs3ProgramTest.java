package dev.handoff.server.nfs3;

import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_GETATTR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_LOOKUP;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READ;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_REMOVE;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CachePolicy;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import dev.handoff.server.nfs3.xdr.AttrCodec;
import dev.handoff.server.nfs3.xdr.DirOpArgs3;
import dev.handoff.server.nfs3.xdr.DirOpCodec;
import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.GetattrArgs;
import dev.handoff.server.nfs3.xdr.GetattrResult;
import dev.handoff.server.nfs3.xdr.IoCodec;
import dev.handoff.server.nfs3.xdr.LookupArgs;
import dev.handoff.server.nfs3.xdr.LookupResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.Nfs3Xdr;
import dev.handoff.server.nfs3.xdr.ReadArgs;
import dev.handoff.server.nfs3.xdr.ReadResult;
import dev.handoff.server.nfs3.xdr.RemoveArgs;
import dev.handoff.server.nfs3.xdr.RemoveResult;
import dev.handoff.server.nfs3.xdr.StableHow;
import dev.handoff.server.nfs3.xdr.WriteArgs;
import dev.handoff.server.nfs3.xdr.WriteData;
import dev.handoff.server.nfs3.xdr.WriteResult;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.SetAttributes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The table itself, and calls as encoded bytes through the rpc module's dispatcher. */
class Nfs3ProgramTest {
    private static final Peer CLIENT = Nfs3Fixture.peer("10.1.0.5", 40_000);
    private final Nfs3Fixture fx = new Nfs3Fixture();

    @Test
    void theTableHasAllTwentyTwoProceduresAndCachesOnlyTheNonIdempotentOnes() {
        List<Procedure<?, ?>> rows = fx.program.version(Nfs3Program.VERSION).procedures();
        Map<String, CachePolicy> policies = rows.stream()
                .collect(Collectors.toMap(Procedure::name, Procedure::cachePolicy));

        assertThat(rows).extracting(Procedure::number).containsExactlyElementsOf(
                IntStream.rangeClosed(0, 21).boxed().toList());
        assertThat(rows).extracting(Procedure::name).containsExactly("NULL", "GETATTR", "SETATTR", "LOOKUP",
                "ACCESS", "READLINK", "READ", "WRITE", "CREATE", "MKDIR", "SYMLINK", "MKNOD", "REMOVE", "RMDIR",
                "RENAME", "LINK", "READDIR", "READDIRPLUS", "FSSTAT", "FSINFO", "PATHCONF", "COMMIT");
        assertThat(policies.entrySet().stream().filter(e -> e.getValue() == CachePolicy.REPLY).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("SETATTR", "CREATE", "MKDIR", "SYMLINK", "MKNOD", "REMOVE", "RMDIR",
                        "RENAME", "LINK");
        assertThat(policies.entrySet().stream().filter(e -> e.getValue() == CachePolicy.REPLY_REPEATABLE)
                .map(Map.Entry::getKey)).containsExactly("WRITE");
        assertThat(fx.program.number()).isEqualTo(100_003);
        assertThat(fx.program.lowestVersion()).isEqualTo(3);
        assertThat(fx.program.highestVersion()).isEqualTo(3);
    }

    private static <A> byte[] call(int xid, int procedure, XdrWriter<A> writer, A args) {
        ByteBuf b = Unpooled.buffer();
        XdrEncoder out = new XdrEncoder(b);
        RpcMessageCodec.encodeCall(out, xid, Nfs3Program.PROGRAM, Nfs3Program.VERSION, procedure,
                Nfs3Fixture.ALICE);
        writer.write(out, args);
        return ByteBufUtil.getBytes(b);
    }

    private static <R> R reply(ByteBuf reply, int xid, XdrReader<R> reader) {
        XdrDecoder in = new XdrDecoder(reply);
        RpcMessageCodec.ReplyHeader header = RpcMessageCodec.decodeReply(in);
        assertThat(header.xid()).isEqualTo(xid);
        assertThat(header.isSuccess()).as("accepted with SUCCESS: %s", header.status()).isTrue();
        R result = reader.read(in);
        assertThat(in.remaining()).isZero();
        return result;
    }

    private Dispatcher dispatcher(ReplyCache cache) {
        return new Dispatcher(List.of(fx.program), cache, CallObserver.NONE);
    }

    private ByteBuf process(Dispatcher dispatcher, byte[] record) {
        ByteBuf in = Unpooled.wrappedBuffer(record);
        ByteBuf out = dispatcher.process(in, CLIENT, UnpooledByteBufAllocator.DEFAULT);
        assertThat(in.refCnt()).as("the call record is left to its owner").isEqualTo(1);
        return out;
    }

    @Test
    void getattrFromEncodedBytes() throws Exception {
        byte[] record = call(7, NFSPROC3_GETATTR, AttrCodec::writeGetattrArgs, new GetattrArgs(fx.root()));

        GetattrResult result = reply(process(dispatcher(ReplyCache.NONE), record), 7,
                AttrCodec::readGetattrResult);

        assertThat(((GetattrResult.Ok) result).attributes().fileid()).isEqualTo(fx.vfs.getattr(fx.vfs.root())
                .fileId());
    }

    @Test
    void writeAndReadBackThroughTheDispatcher() throws Exception {
        Inode file = fx.vfs.file(fx.vfs.root(), "f", "", 0666, 1000, 1000);
        Dispatcher dispatcher = dispatcher(ReplyCache.NONE);
        byte[] data = "over the wire".getBytes(StandardCharsets.UTF_8);

        WriteResult written = reply(process(dispatcher, call(1, NFSPROC3_WRITE, IoCodec::writeWriteArgs,
                new WriteArgs(fx.handle(file), 0, StableHow.FILE_SYNC, WriteData.wrap(ByteBuffer.wrap(data))))),
                1, IoCodec::readWriteResult);
        ReadResult read = reply(process(dispatcher, call(2, NFSPROC3_READ, IoCodec::writeReadArgs,
                new ReadArgs(fx.handle(file), 5, 100))), 2, IoCodec::readReadResult);

        assertThat(((WriteResult.Ok) written).count()).isEqualTo(data.length);
        try (var got = ((ReadResult.Ok) read).data()) {
            assertThat(StandardCharsets.UTF_8.decode(got.nioBuffer()).toString()).isEqualTo("the wire");
        }
        assertThat(((ReadResult.Ok) read).eof()).isTrue();
    }

    @Test
    void aRetransmittedRemoveIsAnsweredFromTheReplyCacheNotRunAgain() throws Exception {
        fx.vfs.setattr(FakeVfs.ROOT, fx.vfs.root(), new SetAttributes(0777, null, null, null, null, null));
        fx.vfs.file(fx.vfs.root(), "once", "", 0644, 1000, 1000);
        byte[] record = call(99, NFSPROC3_REMOVE, DirOpCodec::writeRemoveArgs,
                new RemoveArgs(new DirOpArgs3(fx.root(), Filename3.of("once"))));
        Dispatcher cached = dispatcher(new LocalReplyCache(InstantSource.fixed(Instant.EPOCH)));

        RemoveResult first = reply(process(cached, record), 99, DirOpCodec::readRemoveResult);
        RemoveResult again = reply(process(cached, record), 99, DirOpCodec::readRemoveResult);
        RemoveResult uncached = reply(process(dispatcher(ReplyCache.NONE), record), 99,
                DirOpCodec::readRemoveResult);

        assertThat(first.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(again).isEqualTo(first);
        assertThat(uncached.status()).isEqualTo(Nfs3Status.NFS3ERR_NOENT);
        assertThat(fx.vfs.calls.stream().filter("remove"::equals)).hasSize(2);
    }

    @Test
    void aByteFlippedInsideTheEncodedHandleIsBadhandle() {
        byte[] record = call(5, NFSPROC3_LOOKUP, DirOpCodec::writeLookupArgs,
                new LookupArgs(new DirOpArgs3(fx.root(), Filename3.of("x"))));
        // The arguments end the record: the handle as an opaque, then the name "x" (length word, padded byte).
        int handleData = record.length - 8 - Nfs3Xdr.opaqueSize(fx.root().length()) + 4;
        record[handleData + 3] ^= 0x10;

        LookupResult result = reply(process(dispatcher(ReplyCache.NONE), record), 5, DirOpCodec::readLookupResult);

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_BADHANDLE);
        assertThat(result.dirAttributes().isPresent()).isFalse();
    }

    @Test
    void truncatedArgumentsAreGarbageArgs() {
        byte[] record = call(6, NFSPROC3_GETATTR, AttrCodec::writeGetattrArgs, new GetattrArgs(fx.root()));
        byte[] truncated = Arrays.copyOf(record, record.length - 4);

        XdrDecoder in = new XdrDecoder(process(dispatcher(ReplyCache.NONE), truncated));

        assertThat(RpcMessageCodec.decodeReply(in).status()).isInstanceOf(RpcReply.GarbageArgs.class);
    }
}
