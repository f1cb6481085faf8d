package dev.handoff.cluster.address;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A private link for the Linux tests: a bridge in a namespace of its own ({@code hub}) with two network
 * namespaces attached by veth pairs, {@code a} (a client, .2) and {@code b} (an old owner, .3), and the test's
 * own namespace attached as the new owner through the veth end named {@link #bridge}, in a random
 * {@code 10.201.N.0/24} and {@code fd00:201:N::/64}. Only these addresses are ever used; {@link #close} deletes
 * everything. Needs root and iproute2.
 *
 * <p>The bridge is not in the test's namespace: there, a host firewall (Docker sets the FORWARD policy to DROP
 * and loads br_netfilter) would filter the traffic bridged between {@code a} and {@code b}.
 */
final class NetnsFixture implements AutoCloseable {
    static final CommandRunner RUN = CommandRunner.system(Duration.ofSeconds(10));

    /** The test namespace's interface on the link (a veth end; the bridge itself is inside {@link #hub}). */
    final String bridge;
    final String hub;
    final String a;
    final String b;
    final int subnet;
    private final List<Process> processes = new ArrayList<>();

    NetnsFixture() throws IOException {
        String id = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
        subnet = ThreadLocalRandom.current().nextInt(1, 255);
        bridge = "hmbr" + id;
        hub = "hm-hub-" + id;
        a = "hm-a-" + id;
        b = "hm-b-" + id;
        try {
            sh("ip", "netns", "add", hub);
            sh("ip", "-n", hub, "link", "add", "br0", "type", "bridge");
            sh("ip", "-n", hub, "link", "set", "br0", "up");
            sh("ip", "link", "add", bridge, "type", "veth", "peer", "name", "up0", "netns", hub);
            sh("ip", "-n", hub, "link", "set", "up0", "master", "br0", "up");
            sh("ip", "link", "set", bridge, "up");
            attach(a, 2);
            attach(b, 3);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Whether the machine can run these tests: root and the ip command. */
    static boolean available() {
        try {
            return RUN.run(List.of("id", "-u")).stdout().strip().equals("0")
                    && RUN.run(List.of("ip", "netns", "list")).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    String v4(int host) {
        return "10.201." + subnet + "." + host;
    }

    String v6(int host) {
        return "fd00:201:" + Integer.toHexString(subnet) + "::" + Integer.toHexString(host);
    }

    String mac(String iface) throws IOException {
        return Files.readString(Path.of("/sys/class/net", iface, "address")).strip();
    }

    /** Runs a command, failing the test with its output when it fails. */
    static String sh(String... cmd) throws IOException {
        CommandRunner.Result r = RUN.run(List.of(cmd));
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + r.exit() + ": " + r.stderr() + r.stdout());
        }
        return r.stdout();
    }

    /** Starts {@code python3 -c script args} inside namespace {@code ns}; killed by {@link #close}. */
    Process python(String ns, String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns, "python3", "-u", "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(p);
        return p;
    }

    private void attach(String ns, int host) throws IOException {
        String port = port(host);
        sh("ip", "netns", "add", ns);
        sh("ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        sh("ip", "link", "set", port, "netns", hub);
        sh("ip", "-n", hub, "link", "set", port, "master", "br0", "up");
        sh("ip", "-n", ns, "link", "set", "lo", "up");
        sh("ip", "-n", ns, "addr", "add", v4(host) + "/24", "dev", "eth0");
        sh("ip", "-n", ns, "addr", "add", v6(host) + "/64", "dev", "eth0", "nodad");
        sh("ip", "-n", ns, "link", "set", "eth0", "up");
    }

    private String port(int host) {
        return bridge.replace("hmbr", "hm" + host + "-");
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        // The veth ends are deleted here, not left to their namespaces: a namespace with an orphaned TCP
        // socket (the killed old owner's) lives on in the kernel until that socket times out.
        for (String cmd : List.of("ip -n " + hub + " link del " + port(2), "ip -n " + hub + " link del " + port(3),
                "ip netns del " + a, "ip netns del " + b, "ip link del " + bridge, "ip netns del " + hub)) {
            try {
                RUN.run(List.of(cmd.split(" "))); // errors: already gone
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
