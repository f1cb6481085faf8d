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
 * <p>A record in one fragment that is here whole (what clients send, in one read for all but large WRITEs) is
 * passed on as a slice of the input, without a copy. Any other record is copied, once, into a buffer of its own
 * as its bytes arrive: a large WRITE's record spans dozens of socket reads, and leaving it to accumulate in the
 * decoder's input buffer copied it about twice over as that buffer grew. The buffer is sized to the fragment
 * once {@code copyFrom} bytes of it (64 KiB) have come, or the whole fragment if shorter, so a peer must send a
 * 32nd of a 2 MiB record before it takes 2 MiB, and never more than the record limit. Fragments are always
 * copied, never kept as slices: a peer that sends endless empty or one-byte fragments could otherwise pin a
 * component, and with it the whole input buffer it came from, per 4 or 5 bytes sent.
 *
 * <p>A failure closes the connection, and the decoder discards whatever still arrives: the bytes after an
 * oversize header are not a fragment header, and reading them as one would answer garbage.
 */
public final class RecordMarkingDecoder extends ByteToMessageDecoder {
    private static final int LAST_FRAGMENT = 0x8000_0000;
    static final int COPY_FROM = 64 * 1024;

    private final int maxRecordSize;
    private final int copyFrom;
    /** The record so far, or null while none of it has been copied. */
    private ByteBuf record;
    /** Bytes of the record's earlier fragments and of the current one consumed so far. */
    private int recordSize;
    /** Bytes of the current fragment not yet consumed, or -1 while waiting for a fragment header. */
    private int remaining = -1;
    private boolean lastFragment;
    private boolean failed;

    public RecordMarkingDecoder(int maxRecordSize) {
        this(maxRecordSize, COPY_FROM);
    }

    RecordMarkingDecoder(int maxRecordSize, int copyFrom) {
        if (maxRecordSize <= 0 || copyFrom <= 0) {
            throw new IllegalArgumentException("maxRecordSize and copyFrom must be positive");
        }
        this.maxRecordSize = maxRecordSize;
        this.copyFrom = copyFrom;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (true) {
            if (failed) {
                in.skipBytes(in.readableBytes());
                return;
            }
            if (remaining < 0) {
                if (in.readableBytes() < 4) {
                    return;
                }
                int header = in.readInt();
                lastFragment = (header & LAST_FRAGMENT) != 0;
                remaining = header & ~LAST_FRAGMENT;
                long announced = (long) recordSize + remaining;
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
            if (record == null) {
                if (lastFragment && in.readableBytes() >= remaining) {
                    out.add(in.readRetainedSlice(remaining));
                    remaining = -1;
                    continue;
                }
                if (remaining == 0) {
                    remaining = -1; // an empty fragment before any bytes: it adds nothing
                    continue;
                }
                if (in.readableBytes() < Math.min(remaining, copyFrom)) {
                    return;
                }
                record = ctx.alloc().buffer(remaining, maxRecordSize);
            }
            int n = Math.min(remaining, in.readableBytes());
            record.writeBytes(in, n);
            remaining -= n;
            recordSize += n;
            if (remaining > 0) {
                return;
            }
            remaining = -1;
            if (lastFragment) {
                out.add(record); // not null: a last fragment found whole with nothing copied before left above
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
        remaining = -1;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        reset();
    }
}
