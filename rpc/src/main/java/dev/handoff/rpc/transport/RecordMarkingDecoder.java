package dev.handoff.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * RFC 5531 §11 record marking: reassembles fragments into whole records. Each fragment starts with a 4-byte
 * header, the top bit marking the last fragment and the other 31 bits its length. A record whose fragments add
 * up to more than {@code maxRecordSize} fails the connection before any of it is buffered: a peer that
 * announces 2^31-1 bytes costs us 4 bytes, not 2 GiB.
 */
public final class RecordMarkingDecoder extends ByteToMessageDecoder {
    private static final int LAST_FRAGMENT = 0x8000_0000;

    private final int maxRecordSize;
    private CompositeByteBuf record;
    private int recordSize;
    /** Length of the fragment being read, or -1 while waiting for a fragment header. */
    private int fragmentLength = -1;
    private boolean lastFragment;

    public RecordMarkingDecoder(int maxRecordSize) {
        if (maxRecordSize <= 0) {
            throw new IllegalArgumentException("maxRecordSize must be positive");
        }
        this.maxRecordSize = maxRecordSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (true) {
            if (fragmentLength < 0) {
                if (in.readableBytes() < 4) {
                    return;
                }
                int header = in.readInt();
                lastFragment = (header & LAST_FRAGMENT) != 0;
                fragmentLength = header & ~LAST_FRAGMENT;
                if ((long) recordSize + fragmentLength > maxRecordSize) {
                    long announced = (long) recordSize + fragmentLength;
                    reset();
                    in.skipBytes(in.readableBytes());
                    throw new TooLongFrameException("RPC record of " + announced + " bytes exceeds the limit of "
                            + maxRecordSize);
                }
            }
            if (in.readableBytes() < fragmentLength) {
                return;
            }
            ByteBuf fragment = in.readRetainedSlice(fragmentLength);
            recordSize += fragmentLength;
            fragmentLength = -1;
            if (record == null && lastFragment) {
                // Common case: a record in one fragment needs no composite.
                recordSize = 0;
                out.add(fragment);
                continue;
            }
            if (record == null) {
                record = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
            }
            record.addComponent(true, fragment);
            if (lastFragment) {
                out.add(record);
                record = null;
                recordSize = 0;
            }
        }
    }

    private void reset() {
        if (record != null) {
            record.release();
            record = null;
        }
        recordSize = 0;
        fragmentLength = -1;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        reset();
    }
}
