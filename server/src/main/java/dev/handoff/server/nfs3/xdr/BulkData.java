package dev.handoff.server.nfs3.xdr;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * File bytes in a reference-counted buffer that one owner releases exactly once: what READ replies and WRITE
 * calls carry so that data never passes through a heap array.
 */
abstract sealed class BulkData implements AutoCloseable permits ReadData, WriteData {
    private final ByteBuf buf;
    private final int length;
    /** Closing twice must not release a reference that belongs to someone else. */
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes over one reference to {@code buf}. */
    BulkData(ByteBuf buf) {
        this.buf = buf;
        this.length = buf.readableBytes();
    }

    public int length() {
        return length;
    }

    /**
     * A read-only view of the data, from position 0 to {@link #length()}. A direct view stays direct, so
     * {@code FileChannel.write} and {@code MemorySegment.ofBuffer} use it without copying.
     */
    public ByteBuffer nioBuffer() {
        ensureOpen();
        return buf.nioBuffer(buf.readerIndex(), length).asReadOnlyBuffer();
    }

    /** For the codec that writes the data into a record. */
    ByteBuf buf() {
        ensureOpen();
        return buf;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(getClass().getSimpleName() + " used after it was released");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            buf.release();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + length + " bytes" + (closed.get() ? ", released]" : "]");
    }
}
