package dev.handoff.cluster.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command lines and the error texts of iproute2, without root: {@code ip} is replaced by a script. */
class LinuxAddressManagerTest {
    private final List<List<String>> ran = new ArrayList<>();

    private LinuxAddressManager answering(int exit, String stdout, String stderr) {
        return new LinuxAddressManager("eth1", cmd -> {
            ran.add(cmd);
            return new CommandRunner.Result(exit, stdout, stderr);
        }, new Announcer(1, Duration.ZERO));
    }

    @Test
    void addsIpv4AsGivenAndIpv6WithoutDuplicateDetection() throws Exception {
        LinuxAddressManager m = answering(0, "", "");
        m.add(IpPrefix.parse("10.0.0.5"));
        m.add(IpPrefix.parse("fd00::5/64"));
        assertThat(ran).containsExactly(List.of("ip", "addr", "add", "10.0.0.5/32", "dev", "eth1"),
                List.of("ip", "addr", "add", "fd00:0:0:0:0:0:0:5/64", "dev", "eth1", "nodad"));
    }

    @Test
    void holdSetsBothLifetimesInWholeSecondsOrForever() throws Exception {
        LinuxAddressManager m = answering(0, "", "");
        m.hold(IpPrefix.parse("10.0.0.5"), Duration.ofMillis(2900));
        m.hold(IpPrefix.parse("10.0.0.5"), AddressManager.FOREVER);
        assertThat(ran).containsExactly(
                List.of("ip", "addr", "replace", "10.0.0.5/32", "dev", "eth1", "valid_lft", "2", "preferred_lft", "2"),
                List.of("ip", "addr", "replace", "10.0.0.5/32", "dev", "eth1", "valid_lft", "forever",
                        "preferred_lft", "forever"));
    }

    @Test
    void addingAnAddressAlreadyThereSucceeds() throws Exception {
        answering(2, "", "Error: ipv4: Address already assigned.\n").add(IpPrefix.parse("10.0.0.5"));
        answering(2, "", "RTNETLINK answers: File exists\n").add(IpPrefix.parse("10.0.0.5"));
    }

    @Test
    void removingAnAddressNotThereSucceeds() throws Exception {
        answering(2, "", "Error: ipv4: Address not found.\n").remove(IpPrefix.parse("10.0.0.5"));
        answering(2, "", "Error: ipv6: address not found.\n").remove(IpPrefix.parse("fd00::5"));
        answering(2, "", "RTNETLINK answers: Cannot assign requested address\n").remove(IpPrefix.parse("10.0.0.5"));
        assertThat(ran.getFirst()).containsExactly("ip", "addr", "del", "10.0.0.5/32", "dev", "eth1");
    }

    @Test
    void withoutNetAdminTheErrorSaysWhatToGrant() {
        assertThatThrownBy(() -> answering(2, "", "RTNETLINK answers: Operation not permitted\n")
                .add(IpPrefix.parse("10.0.0.5")))
                .isInstanceOf(AddressException.class)
                .hasMessageContaining("cannot add 10.0.0.5/32 to eth1: not permitted")
                .hasMessageContaining("CAP_NET_ADMIN");
    }

    @Test
    void aMissingInterfaceIsNamed() {
        assertThatThrownBy(() -> answering(1, "", "Cannot find device \"eth1\"\n").remove(IpPrefix.parse("10.0.0.5")))
                .isInstanceOf(AddressException.class).hasMessageContaining("no interface named eth1");
    }

    @Test
    void otherFailuresCarryTheExitAndText() {
        assertThatThrownBy(() -> answering(2, "", "Error: something new\n").add(IpPrefix.parse("10.0.0.5")))
                .isInstanceOf(AddressException.class).hasMessageEndingWith("ip exited with 2: Error: something new");
    }

    @Test
    void aMissingIpCommandSaysWhichPackage() {
        LinuxAddressManager m = new LinuxAddressManager("eth1", cmd -> {
            throw new IOException("Cannot run program \"ip\": error=2, No such file or directory");
        }, new Announcer(1, Duration.ZERO));
        assertThatThrownBy(() -> m.add(IpPrefix.parse("10.0.0.5")))
                .isInstanceOf(AddressException.class).hasMessageContaining("iproute2");
    }

    @Test
    void isUpFindsTheAddressInTheOneLineListing() throws Exception {
        LinuxAddressManager m = answering(0, """
                6: eth1    inet 10.0.0.7/24 brd 10.0.0.255 scope global eth1\\       valid_lft forever
                6: eth1    inet 10.0.0.5/32 scope global eth1\\       valid_lft forever preferred_lft forever
                6: eth1    inet6 fd00::5/128 scope global nodad \\       valid_lft forever preferred_lft forever
                """, "");
        assertThat(m.isUp(InetAddress.getByName("10.0.0.5"))).isTrue();
        assertThat(m.isUp(InetAddress.getByName("fd00::5"))).isTrue();
        assertThat(m.isUp(InetAddress.getByName("10.0.0.6"))).isFalse();
        assertThat(ran.getFirst()).containsExactly("ip", "-o", "addr", "show", "dev", "eth1");
    }
}
