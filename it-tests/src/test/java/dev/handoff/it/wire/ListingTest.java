package dev.handoff.it.wire;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListingTest {
    private static final List<String> EXPECTED = List.of(".", "..", "a", "b", "c");

    @Test
    void everyNameOnceInAnyOrderPasses() {
        assertThatCode(() -> Listing.exactlyOnce(EXPECTED, List.of("c", "..", "a", ".", "b"), "READDIR"))
                .doesNotThrowAnyException();
    }

    @Test
    void aNameRepeatedAcrossPagesIsReported() {
        assertThatThrownBy(() -> Listing.exactlyOnce(EXPECTED, List.of(".", "..", "a", "b", "b", "c"), "READDIR"))
                .isInstanceOf(CheckFailed.class).hasMessageContaining("repeated [b]");
    }

    @Test
    void missingAndUnexpectedNamesAreReported() {
        assertThatThrownBy(() -> Listing.exactlyOnce(EXPECTED, List.of(".", "..", "a", "z"), "READDIR"))
                .hasMessageContaining("missing [b, c]").hasMessageContaining("unexpected [z]");
    }

    @Test
    void longListsAreCutInTheMessage() {
        List<String> many = List.of("1", "2", "3", "4", "5", "6", "7");

        assertThatThrownBy(() -> Listing.exactlyOnce(many, List.of(), "READDIR"))
                .hasMessageContaining("missing [1, 2, 3, 4, 5] and 2 more");
    }
}
