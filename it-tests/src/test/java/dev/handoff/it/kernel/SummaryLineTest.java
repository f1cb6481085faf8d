package dev.handoff.it.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryLineTest {

    @Test
    void splitsKeywordAttributesAndBareWords() {
        SummaryLine l = SummaryLine.parse("VERDICT status=PASS qemu_exit=1 boot_s=? client0 ip=10.0.3.10 tests=a,b");

        assertThat(l.keyword()).isEqualTo("VERDICT");
        assertThat(l.attributes()).containsExactly(
                entry("status", "PASS"), entry("qemu_exit", "1"), entry("boot_s", "?"),
                entry("ip", "10.0.3.10"), entry("tests", "a,b"));
        assertThat(l.words()).containsExactly("client0");
        assertThat(l.number("qemu_exit")).hasValue(1);
        assertThat(l.number("boot_s")).isEmpty();
        assertThat(l.number("absent")).isEmpty();
    }

    @Test
    void valuesMayContainEqualsSignsAndRepeatedKeysKeepTheFirst() {
        SummaryLine l = SummaryLine.parse("EVENT name=guest_line pattern=a=b name=other");

        assertThat(l.value("pattern")).hasValue("a=b");
        assertThat(l.value("name")).hasValue("guest_line");
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}
