package dev.handoff.rpc.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class RecordMarkingEncoderTest {

    @Test
    void aRecordIsSentAsOneLastFragmentAndTheDecoderReadsItBack() {
        RecordingAllocator alloc = new RecordingAllocator();
        EmbeddedChannel out = new EmbeddedChannel(RecordMarkingEncoder.INSTANCE);
        out.config().setAllocator(alloc);
        ByteBuf record = alloc.wrap(new byte[] {1, 2, 3, 4, 5});
        out.writeOutbound(record);

        EmbeddedChannel in = new EmbeddedChannel(new RecordMarkingDecoder(64));
        StringBuilder wire = new StringBuilder();
        for (ByteBuf b; (b = out.readOutbound()) != null; ) {
            wire.append(ByteBufUtil.hexDump(b));
            in.writeInbound(b);
        }
        assertThat(wire).hasToString("80000005" + "0102030405");
        ByteBuf decoded = in.readInbound();
        assertThat(ByteBufUtil.hexDump(decoded)).isEqualTo("0102030405");
        decoded.release();
        assertThat(out.finish()).isFalse();
        assertThat(in.finish()).isFalse();
        alloc.assertAllReleased();
    }

    @Test
    void anEmptyRecordIsAnEmptyLastFragment() {
        EmbeddedChannel out = new EmbeddedChannel(RecordMarkingEncoder.INSTANCE);
        out.writeOutbound(out.alloc().buffer(0));
        ByteBuf header = out.readOutbound();
        assertThat(ByteBufUtil.hexDump(header)).isEqualTo("80000000");
        header.release();
        out.finishAndReleaseAll();
    }
}
