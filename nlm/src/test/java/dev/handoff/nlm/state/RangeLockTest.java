package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conflict matrix: shared/exclusive × overlapping/adjacent/disjoint/last-byte × same/other owner, checked on the
 * predicate and end to end (TEST reports the holder, a non-blocking LOCK is denied or granted).
 */
class RangeLockTest {

    @ParameterizedTest(name = "held {0}, asked {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // other owner, overlapping
            "a s 0+10 | b s 5+10 | GRANTED",
            "a s 0+10 | b x 5+10 | DENIED",
            "a x 0+10 | b s 5+10 | DENIED",
            "a x 0+10 | b x 5+10 | DENIED",
            // other owner, adjacent
            "a s 0+10 | b s 10+10 | GRANTED",
            "a s 0+10 | b x 10+10 | GRANTED",
            "a x 0+10 | b s 10+10 | GRANTED",
            "a x 0+10 | b x 10+10 | GRANTED",
            // other owner, disjoint
            "a s 0+10 | b s 20+10 | GRANTED",
            "a s 0+10 | b x 20+10 | GRANTED",
            "a x 0+10 | b s 20+10 | GRANTED",
            "a x 0+10 | b x 20+10 | GRANTED",
            // other owner, meeting only on the last byte of the 64-bit space
            "a s 0+eof | b s 18446744073709551615+0 | GRANTED",
            "a s 0+eof | b x 18446744073709551615+0 | DENIED",
            "a x 0+eof | b s 18446744073709551615+0 | DENIED",
            "a x 0+eof | b x 18446744073709551615+0 | DENIED",
            "a x 0+18446744073709551615 | b x 18446744073709551615+0 | GRANTED",
            // same owner never conflicts, whatever the overlap
            "a s 0+10 | a s 5+10 | GRANTED",
            "a s 0+10 | a x 5+10 | GRANTED",
            "a x 0+10 | a s 5+10 | GRANTED",
            "a x 0+10 | a x 5+10 | GRANTED",
            "a x 0+10 | a x 10+10 | GRANTED",
            "a x 0+eof | a x 18446744073709551615+0 | GRANTED",
            // same host, another process: another owner
            "a x 0+10 | a:2 s 5+10 | DENIED",
            "a s 0+10 | a:2 s 5+10 | GRANTED",
    })
    void conflictMatrix(String held, String asked, LockStatus expected) {
        boolean conflict = expected == LockStatus.DENIED;
        assertThat(Harness.parse(asked).conflictsWith(Harness.parse(held))).isEqualTo(conflict);
        assertThat(Harness.parse(held).conflictsWith(Harness.parse(asked))).isEqualTo(conflict);

        Harness h = new Harness();
        assertThat(h.lock(held).status()).isEqualTo(LockStatus.GRANTED);
        Result test = h.test(asked);
        assertThat(test.status()).isEqualTo(expected);
        assertThat(test.holder()).isEqualTo(conflict ? Optional.of(Harness.parse(held))
                : Optional.empty());
        assertThat(h.lock(asked).status()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "held [{0}], TEST {1} reports {2}")
    @CsvSource(delimiter = '|', value = {
            "a s 0+10, b x 20+10, c x 40+10 | d s 0+eof | b x 20+10",
            "c x 40+10, b x 20+10           | d x 0+eof | b x 20+10",
            "a s 0+10, b s 0+10, c x 40+10  | d x 5+1   | a s 0+10",
    })
    void testReportsTheConflictingHolderAtTheLowestOffset(String held, String asked, String holder) {
        Harness h = new Harness();
        Harness.parseAll(held).forEach(l -> h.lock(Harness.format(l)));
        assertThat(h.test(asked).holder()).contains(Harness.parse(holder));
    }
}
