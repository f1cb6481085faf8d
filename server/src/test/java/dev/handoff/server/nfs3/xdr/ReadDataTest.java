package dev.handoff.server.nfs3.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReadDataTest {
    @Test
    void theFillerReadsIntoDirectMemoryAndItsPositionIsTheLength() throws IOException {
        AtomicReference<ByteBuffer> target = new AtomicReference<>();
        ReadData data = ReadData.read(8192, t -> {
            target.set(t);
            t.put("short read".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(target.get().isDirect()).isTrue();
        assertThat(target.get().capacity()).isEqualTo(8192);
        assertThat(data.length()).isEqualTo(10);
        assertThat(StandardCharsets.UTF_8.decode(data.nioBuffer()).toString()).isEqualTo("short read");
        ByteBuf buf = data.buf();
        data.close();
        data.close();
        assertThat(buf.refCnt()).isZero();
    }

    @Test
    void aFailingFillerLeavesNothingAllocated() {
        RecordingAllocator alloc = new RecordingAllocator();
        assertThatThrownBy(() -> ReadData.read(alloc, 4096, t -> {
            throw new IOException("EIO");
        })).isInstanceOf(IOException.class).hasMessage("EIO");
        assertThatThrownBy(() -> ReadData.read(alloc, 4096, t -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(alloc.allocated).hasSize(2);
        assertThat(alloc.allReleased()).isTrue();
    }

    @Test
    void aReadWrittenIntoAReplyIsReleased() throws IOException {
        RecordingAllocator alloc = new RecordingAllocator();
        ReadData data = ReadData.read(alloc, 100, t -> t.put(new byte[42]));
        byte[] reply = XdrTesting.encode(IoCodec::writeReadResult, new ReadResult.Ok(PostOpAttr.NONE, false, data));
        assertThat(reply).hasSize(4 + 4 + 4 + 4 + Nfs3Xdr.opaqueSize(42));
        assertThat(alloc.allReleased()).isTrue();
    }

    @Test
    void aZeroLengthReadIsEmpty() throws IOException {
        try (ReadData data = ReadData.read(0, t -> { })) {
            assertThat(data.length()).isZero();
        }
        try (ReadData data = ReadData.empty()) {
            assertThat(data.length()).isZero();
        }
    }

    @Test
    void wrappingTakesTheRemainingBytesWithoutCopying() {
        ByteBuffer source = ByteBuffer.allocateDirect(16).put((byte) 1).put((byte) 2).put((byte) 3).flip();
        source.get();
        try (ReadData data = ReadData.wrap(source)) {
            assertThat(data.length()).isEqualTo(2);
            source.put(1, (byte) 9);
            assertThat(data.nioBuffer().get(0)).as("shares the source's memory").isEqualTo((byte) 9);
        }
    }

    @Test
    void dataCannotBeReadAfterClose() {
        ReadData data = ReadData.wrap(ByteBuffer.wrap(new byte[3]));
        data.close();
        assertThatThrownBy(data::nioBuffer).isInstanceOf(IllegalStateException.class);
    }
}
