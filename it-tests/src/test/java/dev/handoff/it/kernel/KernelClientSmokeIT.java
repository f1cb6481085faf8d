package dev.handoff.it.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, end to end, before any Handoff NFS procedure exists: a real Debian kernel boots under
 * qemu, joins the bridge through its tap device, and reaches a node namespace whose "server" is only rpcbind
 * (servers/rpcbind.sh, started from the repository root, as {@code ./handoff serve} will be).
 */
class KernelClientSmokeIT {
    private static final String RPCBIND_ONLY = "it-tests/kernel-client/servers/rpcbind.sh";

    @BeforeEach
    void kernelClientAvailable() {
        KernelClient.assumeAvailable();
    }

    @Test
    void guestBootsAndReachesTheNodesPortmapperOverTheBridge() {
        KernelClientResult r = KernelClientRun.builder("smoke-reach")
                .serverCommand(RPCBIND_ONLY).readyPort(111)
                .guest(GuestSpec.of("reach").withEnv("REACH_PINGS", "2"))
                .hostScript("kc_wait_boot 0 && kc_event smoke_booted")
                .timeout(Duration.ofSeconds(120))
                .build().run();

        assertThat(r.passed()).as(r::describe).isTrue();
        assertThat(r.nodes()).singleElement().satisfies(n -> {
            assertThat(n.value("status")).hasValue("up");
            assertThat(n.value("port111")).hasValue("yes");
        });
        GuestResult g = r.guest(0);
        assertThat(g.verdict()).isEqualTo(Verdict.PASS);
        assertThat(g.test("reach").passed()).as(r::describe).isTrue();
        assertThat(g.bootSeconds()).isPresent();
        assertThat(g.metric("reach_pings")).as("guest variable reached the guest").hasValue(2);
        assertThat(g.metrics("reach_ping_ms")).singleElement().satisfies(ms -> assertThat(ms).isPositive());
        assertThat(r.event("smoke_booted")).as("host script ran and saw the boot").isPresent();
        assertThat(r.hostScriptRc()).hasValue(0);
    }

    @Test
    void failingGuestTestMakesTheGuestAndTheRunFail() {
        KernelClientResult r = KernelClientRun.builder("smoke-fail")
                .serverCommand(RPCBIND_ONLY).readyPort(111)
                .guest("reach", "no-such-test")
                .timeout(Duration.ofSeconds(120))
                .build().run();

        assertThat(r.exitCode()).as(r::describe).isEqualTo(1);
        assertThat(r.status()).isEqualTo("FAIL");
        GuestResult g = r.guest(0);
        assertThat(g.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(g.qemuExit()).isEqualTo(3);
        assertThat(g.test("reach").passed()).isTrue();
        assertThat(g.test("no-such-test").rc()).isEqualTo(127);
    }

    @Test
    void serverThatNeverListensIsAnErrorAndNoGuestBoots() {
        KernelClientResult r = KernelClientRun.builder("smoke-no-server")
                .serverCommand("echo 'not starting anything'").readyPort(111)
                .serverStartTimeout(Duration.ofSeconds(2))
                .guest("reach")
                .timeout(Duration.ofSeconds(60))
                .build().run();

        assertThat(r.exitCode()).as(r::describe).isEqualTo(2);
        assertThat(r.status()).isEqualTo("ERROR");
        assertThat(r.guests()).isEmpty();
        assertThat(r.nodes()).singleElement().satisfies(n -> assertThat(n.value("status")).hasValue("failed"));
    }
}
