package dev.handoff.cluster.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks made before any socket is opened, against a fake {@code /sys/class/net}. */
class AnnouncerTest {
    @TempDir
    Path sys;

    @Test
    void anUnknownInterfaceFailsWithItsName() throws Exception {
        SendResult r = new Announcer(1, Duration.ZERO, sys).announce("eth9", InetAddress.getByName("10.0.0.5"));
        assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class,
                f -> assertThat(f.reason()).contains("hardware address of eth9"));
    }

    @Test
    void aNameThatLeavesTheDirectoryIsRefused() throws Exception {
        SendResult r = new Announcer(1, Duration.ZERO, sys).announce("../x", InetAddress.getByName("10.0.0.5"));
        assertThat(r).isInstanceOfSatisfying(SendResult.Failed.class,
                f -> assertThat(f.reason()).contains("not an interface name"));
    }

    @Test
    void anInterfaceWithoutAnEthernetAddressIsSkipped() throws Exception {
        Path ib = Files.createDirectories(sys.resolve("ib0"));
        Files.writeString(ib.resolve("address"), "80:00:00:48:fe:80:00:00:00:00:00:00:00:02:c9:03:00:0a:bc:01\n");
        Files.writeString(ib.resolve("ifindex"), "4\n");
        SendResult r = new Announcer(1, Duration.ZERO, sys).announce("ib0", InetAddress.getByName("10.0.0.5"));
        assertThat(r).isInstanceOf(SendResult.Skipped.class);
    }

    @Test
    void theRepeatCountIsBounded() {
        assertThatThrownBy(() -> new Announcer(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
