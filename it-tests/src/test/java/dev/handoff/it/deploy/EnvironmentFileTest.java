package dev.handoff.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentFileTest {

    @Test
    void readsQuotedAndBareValuesAndSkipsComments() {
        Map<String, String> env = EnvironmentFile.parse("# c\nA=\"--x=1 --y=2\"\n\nB=plain\n", "t");
        assertThat(env).containsExactly(Map.entry("A", "--x=1 --y=2"), Map.entry("B", "plain"));
    }

    @Test
    void dollarWordSplitsAndBracedStaysOneWord() {
        Map<String, String> env = Map.of("A", "--x=1  --y=2", "B", "n 1");
        assertThat(EnvironmentFile.expand("/bin/h serve $A --n=${B} $UNSET", env))
                .containsExactly("/bin/h", "serve", "--x=1", "--y=2", "--n=n 1");
    }

    @Test
    void syntaxOutsideTheSubsetIsRefused() {
        assertThatThrownBy(() -> EnvironmentFile.parse("A='single'\n", "f")).hasMessageContaining("f:1");
        assertThatThrownBy(() -> EnvironmentFile.parse("A=\"x \\\n y\"\n", "f")).hasMessageContaining("f:1");
    }
}
