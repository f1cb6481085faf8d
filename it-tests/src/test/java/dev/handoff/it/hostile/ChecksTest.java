package dev.handoff.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void eachCheckPrintsOneLineThatParsesBack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Checks checks = new Checks(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        checks.check("a.passes", () -> "fine\nreally");
        checks.check("b.fails", () -> {
            throw new CheckFailed("wanted ACCES");
        });
        checks.check("c.throws", () -> {
            throw new IllegalStateException("boom");
        });

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(Checks.Line.parse(lines[0])).contains(new Checks.Line("a.passes", true, "fine really"));
        assertThat(Checks.Line.parse(lines[1])).contains(new Checks.Line("b.fails", false, "wanted ACCES"));
        assertThat(Checks.Line.parse(lines[2]).orElseThrow().passed()).isFalse();
        assertThat(checks.run()).isEqualTo(3);
        assertThat(checks.failed()).isEqualTo(2);
    }

    @Test
    void handleVariantsDifferFromTheHandleAndCoverEveryByte() {
        Opaque fh = Opaque.ofHex("01000000020a" + "11".repeat(10) + "22".repeat(16));

        Map<String, Opaque> v = HandleChecks.variants(fh);

        assertThat(v.values()).doesNotContain(fh);
        assertThat(v).containsKeys("flip0", "flip" + (fh.length() - 1), "bit5", "cut0", "extended", "zero");
        assertThat(v.get("long128").length()).isEqualTo(128);
        assertThat(HandleChecks.resigned(fh).length()).isEqualTo(fh.length());
        assertThat(HandleChecks.resigned(fh)).isNotEqualTo(fh);
    }
}
