package dev.handoff.server.nfs3.xdr;

import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.VERF;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.WCC;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertMutationsFailOnlyWithXdrException;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertRoundTrip;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IoCodecTest {
    private static final byte[] WRITE_HELLO = hex("""
            00000007 0100070100ffee00   # file: nfs_fh3 of 7 bytes, padded
            00000000 00001000           # offset 4096
            00000005                    # count 5
            00000002                    # stable FILE_SYNC
            00000005 68656c6c 6f000000  # data "hello", padded
            """);

    /** A call record in a direct buffer, as the transport hands it over. */
    private static ByteBuf record(byte[] bytes) {
        return Unpooled.directBuffer(bytes.length).writeBytes(bytes);
    }

    private static String text(ByteBuffer b) {
        return StandardCharsets.UTF_8.decode(b).toString();
    }

    @Test
    void writeCallMatchesTheGoldenBytesAndKeepsTheDataInTheRecord() {
        ByteBuf record = record(WRITE_HELLO);
        try (WriteArgs args = IoCodec.readWriteArgs(new XdrDecoder(record))) {
            assertThat(args.file()).isEqualTo(FILE);
            assertThat(args.offset()).isEqualTo(4096);
            assertThat(args.stable()).isEqualTo(StableHow.FILE_SYNC);
            assertThat(args.count()).isEqualTo(5);
            ByteBuffer view = args.data().nioBuffer();
            assertThat(view.isDirect()).as("a view of the record, not a heap copy").isTrue();
            assertThat(view.isReadOnly()).isTrue();
            assertThat(text(view)).isEqualTo("hello");
            assertThat(record.refCnt()).as("the data holds a reference to the record").isEqualTo(2);
            assertThat(encode(IoCodec::writeWriteArgs, args)).isEqualTo(WRITE_HELLO);
        }
        assertThat(record.refCnt()).isEqualTo(1);
        record.release();
    }

    @Test
    void closingWriteDataTwiceReleasesOnce() {
        ByteBuf record = record(WRITE_HELLO);
        WriteArgs args = IoCodec.readWriteArgs(new XdrDecoder(record));
        args.close();
        args.close();
        assertThat(record.refCnt()).isEqualTo(1);
        assertThatThrownBy(() -> args.data().nioBuffer()).isInstanceOf(IllegalStateException.class);
        record.release();
    }

    @Test
    void aWriteWhoseCountDiffersFromTheDataIsGarbageAndLeaksNothing() {
        for (int count : new int[] {4, 6, 0}) {
            byte[] bytes = WRITE_HELLO.clone();
            bytes[23] = (byte) count;
            ByteBuf record = record(bytes);
            assertThatThrownBy(() -> IoCodec.readWriteArgs(new XdrDecoder(record)))
                    .isInstanceOf(XdrException.class).hasMessageContaining("differs");
            assertThat(record.refCnt()).isEqualTo(1);
            record.release();
        }
    }

    @Test
    void writeDataOverOneMebibyteIsGarbage() {
        int length = IoCodec.MAX_WRITE_DATA + 4;
        ByteBuf record = Unpooled.directBuffer(length + 64);
        record.writeInt(FILE.length()).writeBytes(FILE.bytes().toByteArray()).writeByte(0);
        record.writeLong(0).writeInt(length).writeInt(StableHow.UNSTABLE.value());
        record.writeInt(length).writeZero(length);
        assertThatThrownBy(() -> IoCodec.readWriteArgs(new XdrDecoder(record))).isInstanceOf(XdrException.class);
        record.setInt(20, IoCodec.MAX_WRITE_DATA);
        record.readerIndex(0);
        assertThatThrownBy(() -> IoCodec.readWriteArgs(new XdrDecoder(record))).isInstanceOf(XdrException.class);
        assertThat(record.refCnt()).isEqualTo(1);
        record.release();
    }

    @Test
    void exactlyOneMebibyteOfWriteDataIsAccepted() {
        int length = IoCodec.MAX_WRITE_DATA;
        ByteBuf record = Unpooled.directBuffer(length + 64);
        record.writeInt(FILE.length()).writeBytes(FILE.bytes().toByteArray()).writeByte(0);
        record.writeLong(0).writeInt(length).writeInt(StableHow.UNSTABLE.value());
        record.writeInt(length).writeZero(length);
        try (WriteArgs args = IoCodec.readWriteArgs(new XdrDecoder(record))) {
            assertThat(args.count()).isEqualTo(length);
        }
        assertThat(record.refCnt()).isEqualTo(1);
        record.release();
    }

    @Test
    void writeResultsRoundTrip() {
        assertRoundTrip(IoCodec::writeWriteResult, IoCodec::readWriteResult,
                new WriteResult.Ok(WCC, 5, StableHow.FILE_SYNC, VERF));
        assertRoundTrip(IoCodec::writeWriteResult, IoCodec::readWriteResult,
                new WriteResult.Fail(Nfs3Status.NFS3ERR_NOSPC, WccData.NONE));
    }

    @Test
    void readArgumentsRoundTripWithAnUnsignedCount() {
        assertRoundTrip(IoCodec::writeReadArgs, IoCodec::readReadArgs, new ReadArgs(FILE, 1L << 40, 32768));
        assertRoundTrip(IoCodec::writeReadArgs, IoCodec::readReadArgs, new ReadArgs(FILE, -1, 0xFFFF_FFFFL));
    }

    @Test
    void writingAReadResultCopiesTheDataOnceAndReleasesIt() {
        ByteBuf file = Unpooled.directBuffer().writeBytes("hello".getBytes(StandardCharsets.UTF_8));
        ReadData data = new ReadData(file);
        byte[] bytes = encode(IoCodec::writeReadResult, new ReadResult.Ok(PostOpAttr.NONE, true, data));
        assertThat(bytes).isEqualTo(hex("""
                00000000                    # NFS3_OK
                00000000                    # file_attributes absent
                00000005                    # count
                00000001                    # eof
                00000005 68656c6c 6f000000  # data
                """));
        assertThat(file.refCnt()).as("released by the writer").isZero();
    }

    @Test
    void aReadResultDecodedByAClientHoldsASliceUntilClosed() {
        ByteBuf file = Unpooled.directBuffer().writeBytes("hello world".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = encode(IoCodec::writeReadResult,
                new ReadResult.Ok(PostOpAttr.of(FILE_ATTRS), false, new ReadData(file)));
        ByteBuf reply = record(bytes);
        ReadResult.Ok ok = (ReadResult.Ok) IoCodec.readReadResult(new XdrDecoder(reply));
        assertThat(ok.fileAttributes()).isEqualTo(PostOpAttr.of(FILE_ATTRS));
        assertThat(ok.eof()).isFalse();
        assertThat(text(ok.data().nioBuffer())).isEqualTo("hello world");
        assertThat(reply.refCnt()).isEqualTo(2);
        ok.data().close();
        assertThat(reply.refCnt()).isEqualTo(1);
        reply.release();
    }

    @Test
    void aFailedReadRoundTrips() {
        assertRoundTrip(IoCodec::writeReadResult, IoCodec::readReadResult,
                new ReadResult.Fail(Nfs3Status.NFS3ERR_ISDIR, PostOpAttr.of(FILE_ATTRS)));
    }

    @Test
    void commitRoundTrips() {
        assertRoundTrip(IoCodec::writeCommitArgs, IoCodec::readCommitArgs, new CommitArgs(FILE, 0, 0));
        assertRoundTrip(IoCodec::writeCommitResult, IoCodec::readCommitResult, new CommitResult.Ok(WCC, VERF));
        assertRoundTrip(IoCodec::writeCommitResult, IoCodec::readCommitResult,
                new CommitResult.Fail(Nfs3Status.NFS3ERR_IO, WCC));
    }

    @Test
    void truncatedArgumentsFailAtEveryLengthWithoutLeaking() {
        assertEveryPrefixFails(IoCodec::readWriteArgs, WRITE_HELLO);
        assertEveryPrefixFails(IoCodec::readReadArgs, encode(IoCodec::writeReadArgs, new ReadArgs(FILE, 7, 9)));
        assertEveryPrefixFails(IoCodec::readCommitArgs, encode(IoCodec::writeCommitArgs,
                new CommitArgs(FILE, 7, 9)));
    }

    @Test
    void mutatedWriteArgumentsFailOnlyAsGarbageAndLeakNothing() {
        assertMutationsFailOnlyWithXdrException(IoCodec::readWriteArgs, WRITE_HELLO, 20);
    }
}
