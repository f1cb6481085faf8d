package dev.handoff.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandlesTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] KERNEL = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};

    @Test
    void aForgedHandleHasTheServersLayoutWithAnHmacSha256Tag() {
        // Golden bytes from an independent HMAC (Python's hmac module): version 1, export id -7, key length 12,
        // kernel handle type 1 and its 8 bytes, then the first 16 bytes of HMAC-SHA256 over all of that.
        assertThat(Handles.hex(Handles.forge(-7, 1, KERNEL, SECRET)))
                .isEqualTo("01fffffff90c000000011122334455667788a00fdd3f176f1b3a9dcdc3a2f6bd2819");
    }

    @Test
    void anUnsignedHandleHasTheLayoutAndAZeroMac() {
        byte[] h = Handles.unsigned(42, 1, KERNEL);

        assertThat(h).hasSize(Handles.keyOffset() + 4 + KERNEL.length + Handles.MAC_BYTES);
        assertThat(Handles.exportId(h)).isEqualTo(42);
        assertThat(h[0]).isEqualTo((byte) 1);
        assertThat(h[5]).isEqualTo((byte) 12);
        for (int i = h.length - Handles.MAC_BYTES; i < h.length; i++) {
            assertThat(h[i]).isZero();
        }
    }

    @Test
    void flipInvertsOneByteOfACopy() {
        byte[] h = {0, 1, 2};

        assertThat(Handles.flip(h, 1)).containsExactly(0, (byte) 0xFE, 2);
        assertThat(h).containsExactly(0, 1, 2);
    }

    @Test
    void hexRoundTrips() {
        assertThat(Handles.hex(KERNEL)).isEqualTo("1122334455667788");
        assertThat(Handles.fromHex("1122334455667788")).isEqualTo(KERNEL);
    }
}
