package dev.handoff.it.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckLineTest {

    @Test
    void aPassingLineRoundTripsThroughItsText() {
        CheckLine line = new CheckLine("LOOKUP.dot", true, "\".\" is the root");

        assertThat(line.format()).isEqualTo("CHECK LOOKUP.dot PASS \".\" is the root");
        assertThat(CheckLine.parse(line.format())).contains(line);
    }

    @Test
    void aFailingLineKeepsItsDetail() {
        String text = "CHECK ERR.NOENT.lookup FAIL LOOKUP(root, n-missing): expected NFS3ERR_NOENT, got NFS3_OK";

        assertThat(CheckLine.parse(text))
                .contains(new CheckLine("ERR.NOENT.lookup", false,
                        "LOOKUP(root, n-missing): expected NFS3ERR_NOENT, got NFS3_OK"));
    }

    @Test
    void aLineWithoutDetailParses() {
        assertThat(CheckLine.parse("CHECK NULL PASS")).contains(new CheckLine("NULL", true, ""));
    }

    @Test
    void multiLineDetailIsFoldedOntoOneLine() {
        CheckLine line = new CheckLine("X", false, "threw java.io.IOException: a\n  at b\r\n  at c");

        assertThat(line.format()).isEqualTo("CHECK X FAIL threw java.io.IOException: a | at b | at c");
        assertThat(CheckLine.parse(line.format())).contains(line);
    }

    @Test
    void otherOutputIsNotACheck() {
        assertThat(CheckLine.parse("12:00:00.000 WARN  [main] Connection - Channel closed")).isEmpty();
        assertThat(CheckLine.parse("CHECK")).isEmpty();
        assertThat(CheckLine.parse("CHECK name MAYBE detail")).isEmpty();
        assertThat(CheckLine.parse("retry 1")).isEmpty();
    }

    @Test
    void aNameWithBlanksIsRefused() {
        assertThatThrownBy(() -> new CheckLine("two words", true, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckLine("", true, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
