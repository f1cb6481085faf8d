package dev.handoff.it.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GuestSpecTest {

    @Test
    void wordListsTestsInOrderAndTheServerAfterAnAt() {
        assertThat(GuestSpec.of("quick", "locking").word()).isEqualTo("quick,locking");
        assertThat(GuestSpec.of("holder").withServer("10.0.3.2").word()).isEqualTo("holder@10.0.3.2");
    }

    @Test
    void envKeepsInsertionOrder() {
        GuestSpec g = GuestSpec.of("continuous-io").withEnv("IO_DURATION", "20").withEnv("IO_MOUNT_OPTS", "soft,timeo=20");

        assertThat(g.env()).containsExactly(java.util.Map.entry("IO_DURATION", "20"),
                java.util.Map.entry("IO_MOUNT_OPTS", "soft,timeo=20"));
    }

    @Test
    void rejectsWhatTheRunnerWouldMisread() {
        assertThatThrownBy(GuestSpec::of).hasMessageContaining("at least one test");
        assertThatThrownBy(() -> GuestSpec.of("quick locking")).hasMessageContaining("test name");
        assertThatThrownBy(() -> GuestSpec.of("quick").withServer("node1")).hasMessageContaining("server address");
        assertThatThrownBy(() -> GuestSpec.of("quick").withEnv("A", "two words")).hasMessageContaining("value");
        assertThatThrownBy(() -> GuestSpec.of("quick").withEnv("A", "*")).hasMessageContaining("value");
        assertThatThrownBy(() -> GuestSpec.of("quick").withEnv("1A", "x")).hasMessageContaining("variable name");
    }
}
