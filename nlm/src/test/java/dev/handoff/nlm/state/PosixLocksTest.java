package dev.handoff.nlm.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** fcntl's split, merge, upgrade and downgrade, as tables: held locks, the request, the locks afterwards. */
class PosixLocksTest {

    @ParameterizedTest(name = "[{0}] + {1} = [{2}]")
    @CsvSource(delimiter = '|', value = {
            // merge: adjacent, overlapping, contained, bridging two
            "a s 0+10             | a s 10+10 | a s 0+20",
            "a s 0+10             | a s 5+10  | a s 0+15",
            "a s 0+100            | a s 10+10 | a s 0+100",
            "a s 0+10, a s 20+10  | a s 10+10 | a s 0+30",
            "a x 0+10, a x 11+10  | a x 10+1  | a x 0+21",
            // no merge with a gap, with another owner, or with another svid of the same host
            "a s 0+10             | a s 11+10 | a s 0+10, a s 11+10",
            "b s 0+10             | a s 10+10 | b s 0+10, a s 10+10",
            "a:1 s 0+10           | a:2 s 5+10 | a s 0+10, a:2 s 5+10",
            // upgrade and downgrade, whole and partial
            "a s 0+10             | a x 0+10  | a x 0+10",
            "a x 0+10             | a s 0+10  | a s 0+10",
            "a s 0+10             | a x 3+4   | a s 0+3, a x 3+4, a s 7+3",
            "a x 0+10             | a s 0+5   | a s 0+5, a x 5+5",
            "a x 0+10             | a s 5+10  | a x 0+5, a s 5+10",
            // a request over mixed types: the other type is cut, both same-type neighbours merge
            "a s 0+10, a x 10+10, a s 20+10 | a s 5+20 | a s 0+30",
            "a s 0+10, a x 10+10, a s 20+10 | a x 5+20 | a s 0+5, a x 5+20, a s 25+5",
            // to end of file and the last byte of the 64-bit space
            "a s 0+eof            | a x 100+10 | a s 0+100, a x 100+10, a s 110+eof",
            "a x 0+eof            | a s 18446744073709551615+1 | a x 0+18446744073709551615, a s 18446744073709551615+eof",
            "a s 18446744073709551614+1 | a s 18446744073709551615+eof | a s 18446744073709551614+eof",
            "a s 18446744073709551615+eof | a s 0+18446744073709551615 | a s 0+eof",
    })
    void lockByAnOwnerOverItsOwnRanges(String held, String request, String after) {
        List<RangeLock> result = PosixLocks.apply(Harness.parseAll(held), Harness.parse(request));
        assertThat(result).containsExactlyInAnyOrderElementsOf(Harness.parseAll(after));
        assertInvariant(result);
    }

    @ParameterizedTest(name = "[{0}] - {1} {2} = [{3}]")
    @CsvSource(delimiter = '|', value = {
            "a s 0+30             | a | 10+10 | a s 0+10, a s 20+10",
            "a s 0+30             | a | 0+10  | a s 10+20",
            "a s 0+30             | a | 20+eof | a s 0+20",
            "a s 0+10             | a | 0+eof | ",
            "a s 0+10             | a | 20+10 | a s 0+10",
            "a s 0+10, a x 10+10  | a | 5+10  | a s 0+5, a x 15+5",
            "a s 0+10, b s 0+10   | a | 0+10  | b s 0+10",
            "a:2 s 0+10           | a | 0+10  | a:2 s 0+10",
            "a x 0+eof            | a | 18446744073709551615+1 | a x 0+18446744073709551615",
            "a x 0+eof            | a | 0+1   | a x 1+eof",
    })
    void unlockOfAnySubRangeSplits(String held, String owner, String range, String after) {
        List<RangeLock> result = PosixLocks.release(Harness.parseAll(held), Harness.owner(owner), Harness.range(range));
        assertThat(result).containsExactlyInAnyOrderElementsOf(Harness.parseAll(after == null ? "" : after));
        assertInvariant(result);
    }

    @ParameterizedTest(name = "[{0}] holds {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "a s 0+10  | a s 0+10 | true",
            "a s 0+10  | a s 2+3  | true",
            "a s 0+10  | a x 2+3  | false",
            "a s 0+10  | a s 5+10 | false",
            "b s 0+10  | a s 0+10 | false",
            "a x 0+eof | a x 18446744073709551615+1 | true",
    })
    void holdsMeansGrantingAgainWouldChangeNothing(String held, String request, boolean holds) {
        assertThat(PosixLocks.holds(Harness.parseAll(held), Harness.parse(request))).isEqualTo(holds);
        if (holds) {
            assertThat(PosixLocks.apply(Harness.parseAll(held), Harness.parse(request)))
                    .containsExactlyInAnyOrderElementsOf(Harness.parseAll(held));
        }
    }

    /** Per owner: disjoint locks, and no two of one type touching. Sorted by start. */
    static void assertInvariant(List<RangeLock> locks) {
        assertThat(locks).isSortedAccordingTo(PosixLocks.ORDER);
        Map<LockOwner, List<RangeLock>> byOwner = locks.stream().collect(Collectors.groupingBy(RangeLock::owner));
        byOwner.values().forEach(own -> {
            for (int i = 0; i < own.size(); i++) {
                for (int j = i + 1; j < own.size(); j++) {
                    RangeLock x = own.get(i);
                    RangeLock y = own.get(j);
                    assertThat(x.range().overlaps(y.range())).as("%s and %s overlap", x, y).isFalse();
                    assertThat(x.type() == y.type() && x.range().touches(y.range()))
                            .as("%s and %s should have merged", x, y).isFalse();
                }
            }
        });
    }
}
