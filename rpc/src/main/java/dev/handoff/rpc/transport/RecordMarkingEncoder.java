package dev.handoff.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Frames each outgoing record as one last fragment (RFC 5531 §11); records are far below 2^31 bytes. */
@ChannelHandler.Sharable
public final class RecordMarkingEncoder extends MessageToMessageEncoder<ByteBuf> {
    public static final RecordMarkingEncoder INSTANCE = new RecordMarkingEncoder();

    private RecordMarkingEncoder() {
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf record, List<Object> out) {
        ByteBuf header = ctx.alloc().buffer(4).writeInt(0x8000_0000 | record.readableBytes());
        out.add(header);
        out.add(record.retain());
    }
}
