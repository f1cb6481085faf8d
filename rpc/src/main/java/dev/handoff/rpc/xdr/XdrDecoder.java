package dev.handoff.rpc.xdr;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads RFC 4506 items from one complete record. Every variable-length item is checked against both its
 * declared limit and the bytes left in the record before anything is allocated, so a hostile length costs
 * nothing but an {@link XdrException}.
 */
public final class XdrDecoder {
    private final ByteBuf buf;

    public XdrDecoder(ByteBuf buf) {
        this.buf = buf;
    }

    public int remaining() {
        return buf.readableBytes();
    }

    /** Position in the record, for checksums and error messages. */
    public int position() {
        return buf.readerIndex();
    }

    private void need(long bytes, String what) {
        if (bytes < 0 || buf.readableBytes() < bytes) {
            throw new XdrException(what + " needs " + bytes + " bytes, " + buf.readableBytes() + " left");
        }
    }

    public int readInt() {
        need(4, "int");
        return buf.readInt();
    }

    public long readUnsignedInt() {
        need(4, "unsigned int");
        return buf.readUnsignedInt();
    }

    public long readHyper() {
        need(8, "hyper");
        return buf.readLong();
    }

    /** An unsigned hyper kept in a long; callers compare with {@link Long#compareUnsigned}. */
    public long readUnsignedHyper() {
        return readHyper();
    }

    /** RFC 4506 §4.6: IEEE single precision. */
    public float readFloat() {
        return Float.intBitsToFloat(readInt());
    }

    /** RFC 4506 §4.7: IEEE double precision. */
    public double readDouble() {
        return Double.longBitsToDouble(readHyper());
    }

    public boolean readBool() {
        int v = readInt();
        return switch (v) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new XdrException("bool must be 0 or 1, got " + v);
        };
    }

    public int readEnum() {
        return readInt();
    }

    private static int padding(int length) {
        return (4 - (length & 3)) & 3;
    }

    private int readLength(int max, String what) {
        long len = readUnsignedInt();
        if (len > max) {
            throw new XdrException(what + " length " + len + " exceeds limit " + max);
        }
        need(len + padding((int) len), what);
        return (int) len;
    }

    public Opaque readFixedOpaque(int length) {
        // A negative length would pass the size check once padded (-1 + 1 == 0); refuse it first.
        need(length < 0 ? -1 : (long) length + padding(length), "fixed opaque");
        byte[] b = new byte[length];
        buf.readBytes(b);
        buf.skipBytes(padding(length));
        return Opaque.wrap(b);
    }

    public Opaque readOpaque(int maxLength) {
        int len = readLength(maxLength, "opaque");
        byte[] b = new byte[len];
        buf.readBytes(b);
        buf.skipBytes(padding(len));
        return Opaque.wrap(b);
    }

    /**
     * Variable-length opaque returned as a retained slice of the record, for bulk data (WRITE) that should not be
     * copied. The caller owns the slice and must release it.
     */
    public ByteBuf readOpaqueSlice(int maxLength) {
        int len = readLength(maxLength, "opaque");
        ByteBuf slice = buf.readRetainedSlice(len);
        buf.skipBytes(padding(len));
        return slice;
    }

    /** A string of at most {@code maxLength} bytes. NFS names are bytes; UTF-8 decoding is lenient by design. */
    public String readString(int maxLength) {
        int len = readLength(maxLength, "string");
        String s = buf.toString(buf.readerIndex(), len, StandardCharsets.UTF_8);
        buf.skipBytes(len + padding(len));
        return s;
    }

    public <T> List<T> readArray(int maxElements, XdrReader<T> element) {
        long count = readUnsignedInt();
        if (count > maxElements) {
            throw new XdrException("array of " + count + " elements exceeds limit " + maxElements);
        }
        // Each element takes at least 4 bytes on the wire; refuse counts the record cannot hold.
        need(count * 4, "array");
        List<T> list = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            list.add(element.read(this));
        }
        return List.copyOf(list);
    }

    public <T> List<T> readFixedArray(int count, XdrReader<T> element) {
        need(count * 4L, "fixed array");
        List<T> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(element.read(this));
        }
        return List.copyOf(list);
    }

    /** XDR optional-data ({@code *T}): null when absent. */
    public <T> T readOptional(XdrReader<T> element) {
        return readBool() ? element.read(this) : null;
    }

    /**
     * A linked list written as repeated optional-data (e.g. rpcbind's pmaplist), bounded by {@code maxElements}.
     */
    public <T> List<T> readList(int maxElements, XdrReader<T> element) {
        List<T> list = new ArrayList<>();
        while (readBool()) {
            if (list.size() == maxElements) {
                throw new XdrException("list exceeds limit " + maxElements);
            }
            list.add(element.read(this));
        }
        return List.copyOf(list);
    }

    public <E extends Enum<E>> E readEnum(IntFunction<E> byValue) {
        int v = readInt();
        E e = byValue.apply(v);
        if (e == null) {
            throw new XdrException("unknown enum value " + v);
        }
        return e;
    }

    /** Arguments must use the whole record; trailing bytes mean the caller and we disagree on the layout. */
    public void expectEnd() {
        if (buf.isReadable()) {
            throw new XdrException(buf.readableBytes() + " unexpected trailing bytes");
        }
    }
}
