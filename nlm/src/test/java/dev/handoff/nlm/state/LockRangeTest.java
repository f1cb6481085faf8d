package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unsigned 64-bit range arithmetic, with the edges at 2^64-1. */
class LockRangeTest {
    private static final long MAX = LockRange.MAX;

    @ParameterizedTest(name = "{0}+{1} -> [{2}, {3}], length {4}")
    @CsvSource({
            "0, 10, 0, 9, 10",
            "0, 0, 0, 18446744073709551615, 0",
            "5, 0, 5, 18446744073709551615, 0",
            "18446744073709551615, 0, 18446744073709551615, 18446744073709551615, 0",
            "18446744073709551615, 1, 18446744073709551615, 18446744073709551615, 0",
            // Runs past 2^64-1: cut at the last byte, as lockd does.
            "18446744073709551615, 2, 18446744073709551615, 18446744073709551615, 0",
            "10, 18446744073709551615, 10, 18446744073709551615, 0",
            "1, 18446744073709551614, 1, 18446744073709551614, 18446744073709551614",
            "9223372036854775807, 2, 9223372036854775807, 9223372036854775808, 2",
    })
    void nlmOffsetAndLengthMapToAnInclusiveUnsignedRange(String offset, String length, String start, String end,
            String back) {
        LockRange r = LockRange.of(Long.parseUnsignedLong(offset), Long.parseUnsignedLong(length));
        assertThat(Long.toUnsignedString(r.start())).isEqualTo(start);
        assertThat(Long.toUnsignedString(r.end())).isEqualTo(end);
        assertThat(Long.toUnsignedString(r.length())).isEqualTo(back);
        assertThat(r.offset()).isEqualTo(r.start());
    }

    @Test
    void aStartAfterTheEndIsRefused() {
        assertThatThrownBy(() -> new LockRange(10, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockRange(MAX, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} vs {1}: overlaps={2} touches={3}")
    @CsvSource({
            "0+10, 5+10, true, true",
            "0+10, 10+10, false, true",
            "10+10, 0+10, false, true",
            "0+10, 11+10, false, false",
            "0+eof, 18446744073709551615+1, true, true",
            "0+18446744073709551615, 18446744073709551615+1, false, true",
            "18446744073709551615+1, 0+18446744073709551615, false, true",
            "18446744073709551614+1, 18446744073709551615+0, false, true",
            "0+1, 18446744073709551615+1, false, false",
            "9223372036854775807+1, 9223372036854775808+1, false, true",
    })
    void overlapAndAdjacencyAreUnsigned(String a, String b, boolean overlaps, boolean touches) {
        LockRange x = Harness.range(a);
        LockRange y = Harness.range(b);
        assertThat(x.overlaps(y)).isEqualTo(overlaps);
        assertThat(y.overlaps(x)).isEqualTo(overlaps);
        assertThat(x.touches(y)).isEqualTo(touches);
        assertThat(y.touches(x)).isEqualTo(touches);
    }

    @Test
    void minusLeavesZeroOneOrTwoPieces() {
        LockRange r = Harness.range("10+20");
        assertThat(r.minus(Harness.range("0+eof"))).isEmpty();
        assertThat(r.minus(Harness.range("0+15"))).containsExactly(Harness.range("15+15"));
        assertThat(r.minus(Harness.range("20+eof"))).containsExactly(Harness.range("10+10"));
        assertThat(r.minus(Harness.range("15+5"))).containsExactly(Harness.range("10+5"), Harness.range("20+10"));
        assertThat(r.minus(Harness.range("40+5"))).containsExactly(r);
    }

    @Test
    void minusAtTheTopOfTheSpaceDoesNotWrap() {
        LockRange all = LockRange.WHOLE_FILE;
        assertThat(all.minus(new LockRange(MAX, MAX))).containsExactly(new LockRange(0, MAX - 1));
        assertThat(all.minus(new LockRange(0, 0))).containsExactly(new LockRange(1, MAX));
    }

    @Test
    void printsInNlmOffsetPlusLengthForm() {
        assertThat(LockRange.of(0, 10)).hasToString("0+10");
        assertThat(LockRange.of(7, 0)).hasToString("7+eof");
        assertThat(LockRange.of(-1L, 1)).hasToString("18446744073709551615+eof");
    }
}
