package dev.handoff.cluster.address;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Adds and removes VIPs on one named interface with iproute2's {@code ip} command (Debian package
 * {@code iproute2}; needs CAP_NET_ADMIN), and announces them through an {@link Announcer}.
 *
 * <p>Why the command and not netlink through FFM: an address change happens once per move, the command's few
 * milliseconds are far below a client's reconnect, and its error texts are stable and readable; netlink
 * would be several hundred lines of message layout for no measurable gain.
 *
 * <p>IPv6 addresses are added with {@code nodad}: duplicate address detection would keep the address
 * tentative (unusable) for about a second, and a second holder is excluded by the VIP table's fencing.
 */
public final class LinuxAddressManager implements AddressManager {
    static final String GRANT_NET_ADMIN = "grant CAP_NET_ADMIN (systemd: AmbientCapabilities=CAP_NET_ADMIN; "
            + "Kubernetes: securityContext.capabilities.add: [NET_ADMIN]) or use the manual address manager";

    /**
     * How late the kernel drops an IPv4 address whose lifetime ran out: its lifetime check runs at most once a
     * second, and rounds its next run up to a whole second when that is within a quarter of one
     * (net/ipv4/devinet.c, check_lifetime), so an address may stay up to about 1.25 s past its end.
     * {@code LinuxNetworkTest} measures it.
     */
    public static final Duration EXPIRY_LATENESS = Duration.ofMillis(1250);

    private final String iface;
    private final CommandRunner runner;
    private final Announcer announcer;

    public LinuxAddressManager(String iface, CommandRunner runner, Announcer announcer) {
        this.iface = Objects.requireNonNull(iface, "iface");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.announcer = Objects.requireNonNull(announcer, "announcer");
    }

    @Override
    public void add(IpPrefix address) throws AddressException {
        List<String> cmd = new ArrayList<>(List.of("ip", "addr", "add", address.toString(), "dev", iface));
        if (address.ipv6()) {
            cmd.add("nodad");
        }
        CommandRunner.Result r = run(cmd);
        // "Address already assigned" (iproute2 6.x) or "File exists" (EEXIST, older): already there.
        if (r.exit() != 0 && !mentions(r, "already assigned", "file exists")) {
            throw failure("add " + address + " to " + iface, r);
        }
    }

    /** {@code ip addr replace ... valid_lft N preferred_lft N}: adds, or renews the lifetime of, the address. */
    @Override
    public void hold(IpPrefix address, Duration lifetime) throws AddressException {
        // The kernel takes 0xffffffff seconds as "forever".
        String seconds = lifetime.compareTo(FOREVER) >= 0 ? "forever"
                : Long.toString(Math.max(1, lifetime.toSeconds()));
        List<String> cmd = new ArrayList<>(List.of("ip", "addr", "replace", address.toString(), "dev", iface,
                "valid_lft", seconds, "preferred_lft", seconds));
        if (address.ipv6()) {
            cmd.add("nodad");
        }
        CommandRunner.Result r = run(cmd);
        if (r.exit() != 0) {
            throw failure("hold " + address + " on " + iface + " for " + seconds
                        + (seconds.equals("forever") ? "" : " s"), r);
        }
    }

    @Override
    public void remove(IpPrefix address) throws AddressException {
        CommandRunner.Result r = run(List.of("ip", "addr", "del", address.toString(), "dev", iface));
        // "Address not found" (iproute2 6.x) or "Cannot assign requested address" (EADDRNOTAVAIL, older).
        if (r.exit() != 0 && !mentions(r, "address not found", "cannot assign requested address")) {
            throw failure("remove " + address + " from " + iface, r);
        }
    }

    @Override
    public boolean isUp(InetAddress address) throws AddressException {
        CommandRunner.Result r = run(List.of("ip", "-o", "addr", "show", "dev", iface));
        if (r.exit() != 0) {
            throw failure("list the addresses of " + iface, r);
        }
        // One line per address: "6: eth0    inet 10.0.0.5/32 scope global eth0\ ..."
        for (String line : r.stdout().split("\n")) {
            String[] words = line.trim().split("\\s+");
            for (int i = 0; i + 1 < words.length; i++) {
                if ((words[i].equals("inet") || words[i].equals("inet6")) && sameAddress(words[i + 1], address)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public SendResult announce(InetAddress address) {
        return announcer.announce(iface, address);
    }

    private static boolean sameAddress(String withPrefix, InetAddress address) {
        try {
            return IpPrefix.parse(withPrefix).address().equals(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private CommandRunner.Result run(List<String> cmd) throws AddressException {
        try {
            return runner.run(cmd);
        } catch (IOException e) {
            throw new AddressException("could not run " + String.join(" ", cmd) + ": " + e.getMessage()
                    + " (the Linux address manager needs iproute2's ip command on the PATH)", e);
        }
    }

    private static boolean mentions(CommandRunner.Result r, String... texts) {
        String err = r.stderr().toLowerCase(Locale.ROOT);
        for (String t : texts) {
            if (err.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private AddressException failure(String what, CommandRunner.Result r) {
        String err = r.stderr().strip();
        if (mentions(r, "operation not permitted")) {
            return new AddressException("cannot " + what + ": not permitted (" + err + "); " + GRANT_NET_ADMIN);
        }
        if (mentions(r, "cannot find device", "does not exist")) {
            return new AddressException("cannot " + what + ": no interface named " + iface
                    + " on this node (check the configured interface)");
        }
        return new AddressException("cannot " + what + ": ip exited with " + r.exit() + ": " + err);
    }
}
