package dev.handoff.it.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireStateTest {

    @Test
    void handlesNumbersAndTextSurviveTheFileBetweenPhases(@TempDir Path dir) throws Exception {
        WireState state = new WireState();
        state.putHandle("root", new byte[] {1, (byte) 0xFF, 0});
        state.putLong("verifier", -4_242_424_242L);
        state.putString("big.firstPage", "./../f00000");
        state.save(dir.resolve("state"));

        WireState back = WireState.load(dir.resolve("state"));

        assertThat(back.handle("root")).containsExactly(1, (byte) 0xFF, 0);
        assertThat(back.getLong("verifier")).isEqualTo(-4_242_424_242L);
        assertThat(back.getString("big.firstPage")).isEqualTo("./../f00000");
        assertThat(back.has("missing")).isFalse();
    }

    @Test
    void aValueTheEarlierPhaseNeverHandedOverIsNamedInTheError() {
        assertThatThrownBy(() -> new WireState().handle("gone.root")).hasMessageContaining("gone.root");
    }
}
