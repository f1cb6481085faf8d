package dev.handoff.server.nfs3.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class WriteDataTest {
    @Test
    void theViewIsReadOnlyAndCoversOnlyTheData() {
        ByteBuf record = Unpooled.directBuffer().writeBytes(new byte[] {9, 1, 2, 3, 9});
        WriteData data = new WriteData(record.retainedSlice(1, 3));
        ByteBuffer view = data.nioBuffer();
        assertThat(view.remaining()).isEqualTo(3);
        assertThat(view.get(0)).isEqualTo((byte) 1);
        assertThatThrownBy(() -> view.put(0, (byte) 0)).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(record.refCnt()).isEqualTo(2);
        data.close();
        assertThat(record.refCnt()).isEqualTo(1);
        assertThat(data.length()).as("still known after release, for logs").isEqualTo(3);
        record.release();
    }

    @Test
    void wrapDoesNotCopy() {
        ByteBuffer source = ByteBuffer.allocateDirect(4);
        try (WriteData data = WriteData.wrap(source)) {
            source.put(2, (byte) 7);
            assertThat(data.nioBuffer().get(2)).isEqualTo((byte) 7);
            assertThat(data.toString()).isEqualTo("WriteData[4 bytes]");
        }
    }
}
