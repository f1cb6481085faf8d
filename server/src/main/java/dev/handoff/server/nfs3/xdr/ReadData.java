package dev.handoff.server.nfs3.xdr;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The data of a READ reply (RFC 1813 §3.3.6), kept off the heap: the handler reads the file straight into a
 * pooled direct buffer ({@link #read}), and the READ result writer copies it into the reply and releases it.
 * Whoever drops a ReadData without writing it (a handler failing after the read) closes it; closing twice is
 * harmless.
 */
public final class ReadData extends BulkData {
    /** Fills {@code target} from position 0; the bytes before its position afterwards are the data. */
    @FunctionalInterface
    public interface Filler {
        void fill(ByteBuffer target) throws IOException;
    }

    /** Takes over one reference to {@code buf}. */
    ReadData(ByteBuf buf) {
        super(buf);
    }

    /**
     * Allocates a direct buffer of {@code maxLength} bytes and lets {@code filler} read into it, e.g. with
     * {@code FileChannel.read(target, offset)} in a loop until full or end of file.
     */
    public static ReadData read(int maxLength, Filler filler) throws IOException {
        return read(PooledByteBufAllocator.DEFAULT, maxLength, filler);
    }

    /** With a chosen allocator: for tests that check what was allocated is released. */
    static ReadData read(ByteBufAllocator alloc, int maxLength, Filler filler) throws IOException {
        if (maxLength < 0) {
            throw new IllegalArgumentException("negative length " + maxLength);
        }
        ByteBuf buf = alloc.directBuffer(maxLength, maxLength);
        try {
            ByteBuffer target = buf.nioBuffer(0, maxLength);
            filler.fill(target);
            buf.writerIndex(target.position());
            return new ReadData(buf);
        } catch (IOException | RuntimeException | Error e) {
            buf.release();
            throw e;
        }
    }

    /** The remaining bytes of {@code data}, wrapped without a copy. */
    public static ReadData wrap(ByteBuffer data) {
        return new ReadData(Unpooled.wrappedBuffer(data.slice()));
    }

    public static ReadData empty() {
        return new ReadData(Unpooled.EMPTY_BUFFER);
    }
}
