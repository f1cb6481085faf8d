package dev.handoff.it.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KernelClientRunBuilderTest {
    private static final Path KIT = Path.of("/repo/it-tests/kernel-client");
    private static final Path OUT = Path.of("/tmp/out/x");

    private static KernelClientRunBuilder builder() {
        return KernelClientRun.builder("t").kitDir(KIT).outDir(OUT).workingDir(Path.of("/repo"));
    }

    @Test
    void minimalRunPassesOutputDirTimeoutNodesAndGuestWords() {
        KernelClientRun run = builder().serverCommand("./handoff serve &").guest("quick", "locking")
                .timeout(Duration.ofSeconds(90)).build();

        assertThat(run.command()).containsExactly("/repo/it-tests/kernel-client/run.sh", "-o", "/tmp/out/x",
                "--timeout", "90", "-n", "1", "--", "quick,locking");
        assertThat(run.environment()).containsEntry("SERVER_CMD", "./handoff serve &")
                .containsEntry("SERVER_START_TIMEOUT", "60")
                .containsKey("KC_CACHE")
                .doesNotContainKeys("GUEST_ENV", "HOST_SCRIPT", "SERVER_READY_PORT");
        assertThat(run.outDir()).isEqualTo(OUT);
    }

    @Test
    void fullRunMapsEveryOptionToTheRunner() {
        KernelClientRun run = builder()
                .serverCommand("serve-a &").serverCommand(2, "serve-b &").nodes(2).vip("10.0.3.100")
                .guest(GuestSpec.of("continuous-io").withEnv("IO_DURATION", "15"))
                .guest(GuestSpec.of("quick").withServer("10.0.3.2"))
                .guestEnv("LOCK_GRANT_MAX_S", "5").hostScript("kc_wait_boot && kc_vip_move 1 2")
                .testsDir(Path.of("/extra/tests")).readyPort(111).env("VIP_MOVE_MODE", "reset")
                .build();

        assertThat(run.command()).containsExactly("/repo/it-tests/kernel-client/run.sh", "-o", "/tmp/out/x",
                "--timeout", "300", "-n", "2", "--vip", "10.0.3.100", "-H", "kc_wait_boot && kc_vip_move 1 2",
                "-t", "/extra/tests", "--", "continuous-io", "quick@10.0.3.2");
        assertThat(run.environment()).containsEntry("SERVER_CMD", "serve-a &")
                .containsEntry("SERVER_CMD_2", "serve-b &")
                .containsEntry("GUEST_ENV", "LOCK_GRANT_MAX_S=5")
                .containsEntry("GUEST_ENV_0", "IO_DURATION=15")
                .doesNotContainKey("GUEST_ENV_1")
                .containsEntry("SERVER_READY_PORT", "111")
                .containsEntry("VIP_MOVE_MODE", "reset");
    }

    @Test
    void perNodeCommandsAloneMustCoverEveryNode() {
        assertThatThrownBy(() -> builder().serverCommand(1, "a &").nodes(2).guest("quick").build())
                .hasMessageContaining("node 2 has no server command");

        KernelClientRun run = builder().serverCommand(1, "a &").serverCommand(2, "b &").nodes(2).guest("quick").build();
        assertThat(run.environment()).containsEntry("SERVER_CMD", "a &").containsEntry("SERVER_CMD_1", "a &");
    }

    @Test
    void refusesIncompleteOrImpossibleRuns() {
        assertThatThrownBy(() -> builder().guest("quick").build()).hasMessageContaining("server command");
        assertThatThrownBy(() -> builder().serverCommand("x").build()).hasMessageContaining("guest");
        assertThatThrownBy(() -> builder().nodes(5)).hasMessageContaining("1..4");
        assertThatThrownBy(() -> builder().vip("10.0.3")).hasMessageContaining("IPv4");
        assertThatThrownBy(() -> builder().env("lower", "x")).hasMessageContaining("variable name");
        assertThatThrownBy(() -> builder().guest("a").guest("b").guest("c").guest("d").guest("e"))
                .hasMessageContaining("at most 4");
        assertThatThrownBy(() -> KernelClientRun.builder("a b")).hasMessageContaining("run name");
    }
}
