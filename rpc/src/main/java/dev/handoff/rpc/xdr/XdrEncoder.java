package dev.handoff.rpc.xdr;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** Writes RFC 4506 items into a reply buffer owned by the transport. */
public final class XdrEncoder {
    private static final byte[] ZEROS = new byte[4];

    private final ByteBuf buf;

    public XdrEncoder(ByteBuf buf) {
        this.buf = buf;
    }

    /** Bytes written so far; handlers that must fit a reply into a client's count (READDIR) check this. */
    public int size() {
        return buf.writerIndex();
    }

    public XdrEncoder writeInt(int v) {
        buf.writeInt(v);
        return this;
    }

    public XdrEncoder writeUnsignedInt(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("unsigned int out of range: " + v);
        }
        buf.writeInt((int) v);
        return this;
    }

    public XdrEncoder writeHyper(long v) {
        buf.writeLong(v);
        return this;
    }

    /** RFC 4506 §4.6: IEEE single precision. */
    public XdrEncoder writeFloat(float v) {
        buf.writeFloat(v);
        return this;
    }

    /** RFC 4506 §4.7: IEEE double precision. */
    public XdrEncoder writeDouble(double v) {
        buf.writeDouble(v);
        return this;
    }

    public XdrEncoder writeBool(boolean v) {
        buf.writeInt(v ? 1 : 0);
        return this;
    }

    public XdrEncoder writeEnum(int v) {
        buf.writeInt(v);
        return this;
    }

    private void pad(int length) {
        buf.writeBytes(ZEROS, 0, (4 - (length & 3)) & 3);
    }

    public XdrEncoder writeFixedOpaque(Opaque value) {
        byte[] b = value.unsafeArray();
        buf.writeBytes(b);
        pad(b.length);
        return this;
    }

    public XdrEncoder writeOpaque(Opaque value) {
        byte[] b = value.unsafeArray();
        buf.writeInt(b.length);
        buf.writeBytes(b);
        pad(b.length);
        return this;
    }

    public XdrEncoder writeOpaque(byte[] b, int offset, int length) {
        buf.writeInt(length);
        buf.writeBytes(b, offset, length);
        pad(length);
        return this;
    }

    /** Bulk data (READ): appends the readable bytes of {@code data} as var-opaque; does not release it. */
    public XdrEncoder writeOpaque(ByteBuf data) {
        int length = data.readableBytes();
        buf.writeInt(length);
        buf.writeBytes(data, data.readerIndex(), length);
        pad(length);
        return this;
    }

    public XdrEncoder writeString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return writeOpaque(b, 0, b.length);
    }

    public <T> XdrEncoder writeArray(Collection<T> items, XdrWriter<T> element) {
        buf.writeInt(items.size());
        for (T item : items) {
            element.write(this, item);
        }
        return this;
    }

    public <T> XdrEncoder writeOptional(T value, XdrWriter<T> element) {
        writeBool(value != null);
        if (value != null) {
            element.write(this, value);
        }
        return this;
    }

    /** A linked list as repeated optional-data (rpcbind's pmaplist and rp__list). */
    public <T> XdrEncoder writeList(Collection<T> items, XdrWriter<T> element) {
        for (T item : items) {
            writeBool(true);
            element.write(this, item);
        }
        return writeBool(false);
    }
}
