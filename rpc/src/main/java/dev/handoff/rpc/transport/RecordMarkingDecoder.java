package dev.handoff.rpc.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * RFC 5531 §11 record marking: reassembles fragments into whole records. Each fragment starts with a 4-byte
 * header, the top bit marking the last fragment and the other 31 bits its length. A record whose fragments add
 * up to more than {@code maxRecordSize} fails the connection before any of it is buffered: a peer that
 * announces 2^31-1 bytes costs us 4 bytes, not 2 GiB.
 *
 * <p>A record in one fragment (what clients send) is passed on as a slice of the input, without a copy. The
 * fragments of a longer record are copied into one buffer as they arrive, so that memory stays bounded by the
 * record limit: keeping each fragment as a slice would let a peer that sends endless empty or one-byte
 * fragments pin a component, and with it the whole input buffer it came from, per 4 or 5 bytes sent.
 *
 * <p>A failure closes the connection, and the decoder discards whatever still arrives: the bytes after an
 * oversize header are not a fragment header, and reading them as one would answer garbage.
 */
public final class RecordMarkingDecoder extends ByteToMessageDecoder {
    private static final int LAST_FRAGMENT = 0x8000_0000;

    private final int maxRecordSize;
    /** The fragments of the current record so far, or null while none with bytes has arrived. */
    private ByteBuf record;
    private int recordSize;
    /** Length of the fragment being read, or -1 while waiting for a fragment header. */
    private int fragmentLength = -1;
    private boolean lastFragment;
    private boolean failed;

    public RecordMarkingDecoder(int maxRecordSize) {
        if (maxRecordSize <= 0) {
            throw new IllegalArgumentException("maxRecordSize must be positive");
        }
        this.maxRecordSize = maxRecordSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (true) {
            if (failed) {
                in.skipBytes(in.readableBytes());
                return;
            }
            if (fragmentLength < 0) {
                if (in.readableBytes() < 4) {
                    return;
                }
                int header = in.readInt();
                lastFragment = (header & LAST_FRAGMENT) != 0;
                fragmentLength = header & ~LAST_FRAGMENT;
                long announced = (long) recordSize + fragmentLength;
                if (announced > maxRecordSize) {
                    reset();
                    failed = true;
                    in.skipBytes(in.readableBytes());
                    // The stream cannot be resynchronised, so the connection is over whoever handles the error.
                    ctx.close();
                    throw new TooLongFrameException("RPC record of " + announced + " bytes exceeds the limit of "
                            + maxRecordSize);
                }
            }
            if (in.readableBytes() < fragmentLength) {
                return;
            }
            if (record == null && lastFragment) {
                out.add(in.readRetainedSlice(fragmentLength));
            } else if (fragmentLength > 0) {
                if (record == null) {
                    record = ctx.alloc().buffer(fragmentLength, maxRecordSize);
                }
                record.writeBytes(in, fragmentLength);
            }
            recordSize += fragmentLength;
            fragmentLength = -1;
            if (lastFragment) {
                if (record != null) {
                    out.add(record);
                    record = null;
                }
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
