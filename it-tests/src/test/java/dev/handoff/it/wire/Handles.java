package dev.handoff.it.wire;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * File handles taken apart and made by hand, to see the server refuse what it did not make. The layout is the
 * server's (dev.handoff.server.handles.SignedHandles): version byte 1, export id (int32), key length n, n bytes
 * of key (the kernel handle's type as int32, then its bytes), and 16 bytes of HMAC-SHA256 over all before.
 */
final class Handles {
    static final int MAC_BYTES = 16;
    private static final int HEADER = 1 + 4 + 1;
    private static final HexFormat HEX = HexFormat.of();

    private Handles() {
    }

    static String hex(byte[] handle) {
        return HEX.formatHex(handle);
    }

    static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    /** A copy of {@code handle} with every bit of byte {@code index} inverted. */
    static byte[] flip(byte[] handle, int index) {
        byte[] copy = handle.clone();
        copy[index] ^= (byte) 0xFF;
        return copy;
    }

    static int exportId(byte[] handle) {
        return ByteBuffer.wrap(handle, 1, 4).getInt();
    }

    /** Offset of the key inside a handle: past the version, the export id and the key length. */
    static int keyOffset() {
        return HEADER;
    }

    /**
     * A handle in the server's layout for export {@code exportId} naming the kernel handle ({@code type},
     * {@code bytes}), signed with {@code secret}, which is not the server's key (so the handle is forged).
     */
    static byte[] forge(int exportId, int type, byte[] bytes, byte[] secret) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + 4 + bytes.length + MAC_BYTES);
        b.put((byte) 1).putInt(exportId).put((byte) (4 + bytes.length)).putInt(type).put(bytes);
        byte[] mac = hmac(secret, Arrays.copyOf(b.array(), b.position()));
        b.put(mac, 0, MAC_BYTES);
        return b.array();
    }

    /** The same layout with a MAC of zero bytes: made without any key at all. */
    static byte[] unsigned(int exportId, int type, byte[] bytes) {
        byte[] forged = forge(exportId, type, bytes, new byte[32]);
        Arrays.fill(forged, forged.length - MAC_BYTES, forged.length, (byte) 0);
        return forged;
    }

    private static byte[] hmac(byte[] secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
