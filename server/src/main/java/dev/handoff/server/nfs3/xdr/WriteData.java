package dev.handoff.server.nfs3.xdr;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The data of a WRITE call (RFC 1813 §3.3.7), never copied to the heap: a retained slice of the call record,
 * handed to the file system as a {@link ByteBuffer} view. {@link WriteArgs} owns it and the dispatcher closes
 * the arguments after the handler returns, which releases the slice; a handler must not keep the view longer.
 */
public final class WriteData implements AutoCloseable {
    private final ByteBuf buf;
    private final int length;
    /** Closing twice must not release a reference that belongs to someone else. */
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes over one reference to {@code buf}. */
    WriteData(ByteBuf buf) {
        this.buf = buf;
        this.length = buf.readableBytes();
    }

    /** For clients and tests: the remaining bytes of {@code data}, wrapped without a copy. */
    public static WriteData wrap(ByteBuffer data) {
        return new WriteData(Unpooled.wrappedBuffer(data.slice()));
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

    /** For the WRITE arguments encoder. */
    ByteBuf buf() {
        ensureOpen();
        return buf;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("WRITE data used after it was released");
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
        return "WriteData[" + length + " bytes" + (closed.get() ? ", released]" : "]");
    }
}
