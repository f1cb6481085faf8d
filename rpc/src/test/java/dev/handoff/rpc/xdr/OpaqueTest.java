package dev.handoff.rpc.xdr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpaqueTest {

    @Test
    void copiesInAndOutSoThatTheValueCannotChange() {
        byte[] source = {1, 2, 3};
        Opaque o = Opaque.copyOf(source);
        source[0] = 9;
        o.toByteArray()[1] = 9;
        assertThat(o.toHex()).isEqualTo("010203");
    }

    @Test
    void aRangeCopyTakesOnlyTheRange() {
        assertThat(Opaque.copyOf(new byte[] {1, 2, 3, 4}, 1, 2)).isEqualTo(Opaque.ofHex("0203"));
        assertThat(Opaque.copyOf(new byte[] {1, 2}, 1, 0)).isSameAs(Opaque.EMPTY);
    }

    @Test
    void equalityIsByContent() {
        assertThat(Opaque.ofHex("00ff")).isEqualTo(Opaque.copyOf(new byte[] {0, (byte) 0xff}))
                .hasSameHashCodeAs(Opaque.copyOf(new byte[] {0, (byte) 0xff}))
                .isNotEqualTo(Opaque.ofHex("00fe"));
        assertThat(Opaque.copyOf(new byte[0])).isSameAs(Opaque.EMPTY);
    }

    @Test
    void toStringShowsShortValuesAndOnlyTheLengthOfLongOnes() {
        assertThat(Opaque.ofHex("abcd")).hasToString("Opaque[abcd]");
        assertThat(Opaque.copyOf(new byte[33])).hasToString("Opaque[33 bytes]");
        assertThat(Opaque.ofHex("abcd").length()).isEqualTo(2);
        assertThat(Opaque.ofHex("abcd").byteAt(1)).isEqualTo((byte) 0xcd);
    }
}
