package dev.handoff.rpc.xdr;

import java.util.Arrays;
import java.util.HexFormat;

/** Immutable bytes: XDR opaque data inside records, so that messages stay values and never leak a ByteBuf. */
public final class Opaque {
    public static final Opaque EMPTY = new Opaque(new byte[0]);

    private final byte[] bytes;

    private Opaque(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Opaque copyOf(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Opaque(bytes.clone());
    }

    public static Opaque copyOf(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new Opaque(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Takes ownership of {@code bytes}: for codecs that have just allocated the array. */
    static Opaque wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Opaque(bytes);
    }

    public static Opaque ofHex(String hex) {
        return wrap(HexFormat.of().parseHex(hex));
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Read-only access for encoders in this package family; callers must not modify the array. */
    byte[] unsafeArray() {
        return bytes;
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Opaque other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return bytes.length <= 32 ? "Opaque[" + toHex() + "]" : "Opaque[" + bytes.length + " bytes]";
    }
}
