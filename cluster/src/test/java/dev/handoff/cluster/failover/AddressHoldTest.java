package dev.handoff.cluster.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.cluster.address.LinuxAddressManager;
import dev.handoff.cluster.vip.VipConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kernel lifetime a VIP's address gets: it must end, late kernel and all, before anyone may take over. */
class AddressHoldTest {
    private static final Duration MARGIN = VipConfig.defaults().margin();

    @Test
    void rightAfterARenewalTheAddressGetsTwoSecondsOfTheDefaultLease() {
        assertThat(VipController.addressHold(Duration.ofMillis(2950), MARGIN)).isEqualTo(Duration.ofSeconds(2));
        assertThat(VipController.addressHold(Duration.ofMillis(2200), MARGIN)).isEqualTo(Duration.ofSeconds(1));
        assertThat(VipController.addressHold(Duration.ofMillis(1200), MARGIN)).isZero();
    }

    @Test
    void noLifetimeReachesPastTheLeaseAndMarginWithTheKernelsLateness() {
        for (long ms = 0; ms <= 4000; ms += 10) {
            Duration left = Duration.ofMillis(ms);
            Duration hold = VipController.addressHold(left, MARGIN);
            if (!hold.isZero()) { // zero: no address at all
                assertThat(hold.plus(LinuxAddressManager.EXPIRY_LATENESS)).as("lease left %s", left)
                        .isLessThanOrEqualTo(left.plus(MARGIN));
            }
        }
    }

    @Test
    void theDefaultsLeaveRoomForALifetimeAndTheTestTimingsDoNot() {
        assertThat(VipController.kernelCanExpire(VipConfig.defaults())).isTrue();
        VipConfig quick = new VipConfig(Duration.ofMillis(1500), Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofMillis(1000), Duration.ZERO, Duration.ofSeconds(30), Map.of());
        assertThat(VipController.kernelCanExpire(quick)).isFalse();
    }
}
