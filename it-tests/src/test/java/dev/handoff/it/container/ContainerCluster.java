package dev.handoff.it.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Capability;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;

/**
 * Three members of one cluster, each a {@code handoff:local} container with a fixed address on a Docker
 * network this creates (172.30.77.0/24), sharing one export (a host directory bind-mounted at /srv/share) and
 * one handle key; one VIP of that subnet floats among them on their eth0. The containers get exactly the
 * capabilities the image documents ({@code --cap-drop ALL} plus six) and its seccomp profile, and run as its
 * non-root user. A crash is {@code docker kill} (SIGKILL to the server, and the container's network namespace
 * with its addresses goes away with it, as a dead machine's would).
 */
final class ContainerCluster implements AutoCloseable {
    static final String SUBNET = "172.30.77.0/24";
    static final String VIP = "172.30.77.100";
    static final int SIZE = 3;
    /** The image's user (deploy/container/Dockerfile): the handle key is given to it. */
    static final int IMAGE_UID = 10001;
    static final List<Capability> CAPABILITIES = List.of(Capability.NET_ADMIN, Capability.NET_RAW,
            Capability.NET_BIND_SERVICE, Capability.DAC_READ_SEARCH, Capability.SETUID, Capability.SETGID);
    private static final Duration START = Duration.ofMinutes(3);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Network network;
    private final List<GenericContainer<?>> nodes = new ArrayList<>();
    private final boolean[] killed = new boolean[SIZE];

    private ContainerCluster(Network network) {
        this.network = network;
    }

    static String address(int node) {
        return "172.30.77." + (11 + node);
    }

    static String name(int node) {
        return "n" + (node + 1);
    }

    /** {@code handoff serve}'s arguments for {@code node}: the same cluster, VIP, exports and key on each. */
    static List<String> serveArguments(int node) {
        return List.of("serve", "--node", name(node), "--bind", address(node),
                "--cluster", String.join(",", address(0), address(1), address(2)),
                "--vip", VIP + "/24", "--vip-interface", "eth0", "--address-mode", "linux",
                "--exports", "/etc/handoff/exports", "--handle-key", "/etc/handoff/handle.key",
                "--state-dir", "/var/lib/handoff", "--metrics", "0.0.0.0:9108");
    }

    /** Prepares the shared files under {@code base} and the containers; nothing runs until {@link #startAll}. */
    static ContainerCluster create(Path base) throws Exception {
        Path export = Files.createDirectory(base.resolve("export"));
        Files.setPosixFilePermissions(export, PosixFilePermissions.fromString("rwxrwxrwx"));
        // root_squash (the default, as in deploy/kubernetes): the host's libnfs runs as root and is served as
        // nobody. A non-root server cannot serve uid 0 as itself for long (deploy/container/README.md).
        Path exports = Files.writeString(base.resolve("exports"), "/srv/share *(rw,insecure)\n");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path key = Files.write(base.resolve("handle.key"), secret);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        Files.setAttribute(key, "unix:uid", IMAGE_UID);
        String seccomp = "seccomp=" + Files.readString(HandoffImage.seccompProfile());

        String id = UUID.randomUUID().toString().substring(0, 8);
        Network network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withName("handoff-it-" + id)
                .withIpam(new com.github.dockerjava.api.model.Network.Ipam().withConfig(
                        new com.github.dockerjava.api.model.Network.Ipam.Config().withSubnet(SUBNET))))
                .build();
        ContainerCluster c = new ContainerCluster(network);
        for (int i = 0; i < SIZE; i++) {
            String ip = address(i);
            String hostname = name(i);
            GenericContainer<?> node = new GenericContainer<>(HandoffImage.NAME)
                    .withImagePullPolicy(image -> false)
                    .withNetwork(network)
                    .withFileSystemBind(export.toString(), "/srv/share", BindMode.READ_WRITE)
                    .withFileSystemBind(exports.toString(), "/etc/handoff/exports", BindMode.READ_ONLY)
                    .withFileSystemBind(key.toString(), "/etc/handoff/handle.key", BindMode.READ_ONLY)
                    .withCommand(serveArguments(i).toArray(String[]::new))
                    .withCreateContainerCmdModifier(cmd -> {
                        cmd.withName("handoff-it-" + id + "-" + hostname).withHostName(hostname).withIpv4Address(ip);
                        cmd.getHostConfig().withCapDrop(Capability.ALL)
                                .withCapAdd(CAPABILITIES.toArray(Capability[]::new))
                                .withSecurityOpts(List.of(seccomp));
                    })
                    // A member serves once it has quorum: wait for it only when all three run (startAll).
                    .waitingFor(Wait.forLogMessage(".*serving NFSv3.*", 1).withStartupTimeout(START));
            c.nodes.add(node);
        }
        return c;
    }

    /** Starts the three together and waits until each is ready (/ready: exports, listeners, quorum). */
    void startAll() throws Exception {
        Startables.deepStart(nodes).join();
        for (int i = 0; i < SIZE; i++) {
            awaitReady(i);
        }
    }

    /** Polls {@code node}'s /ready from the host, over the test's network. */
    private void awaitReady(int node) throws Exception {
        URI ready = URI.create("http://" + address(node) + ":9108/ready");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name(node) + " never ready: " + last);
    }

    /** {@code handoff status --json} inside {@code node}. */
    JsonNode status(int node) throws Exception {
        return json.readTree(cli(node, "status", "--json"));
    }

    /** Runs {@code /opt/handoff/handoff ARGS} inside {@code node} as the image's user; throws unless it exits 0. */
    String cli(int node, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/opt/handoff/handoff"));
        cmd.addAll(List.of(args));
        ExecResult r = nodes.get(node).execInContainer(cmd.toArray(String[]::new));
        if (r.getExitCode() != 0) {
            throw new IOException(String.join(" ", cmd) + " in " + name(node) + " -> exit " + r.getExitCode()
                    + "\n" + r.getStdout() + r.getStderr());
        }
        return r.getStdout();
    }

    /** The nodes whose eth0 holds the VIP now (a killed one holds nothing: its namespace is gone). */
    List<Integer> vipHolders() throws Exception {
        List<Integer> holders = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            if (!killed[i]) {
                ExecResult r = nodes.get(i).execInContainer("ip", "-o", "-4", "addr", "show", "dev", "eth0");
                if (r.getStdout().contains(" " + VIP + "/")) {
                    holders.add(i);
                }
            }
        }
        return holders;
    }

    /** Polls until exactly one node holds the VIP; returns it. */
    int awaitVipOwner(Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        List<Integer> holders = List.of();
        while (System.nanoTime() < end) {
            holders = vipHolders();
            if (holders.size() == 1) {
                return holders.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the VIP is held by nodes " + holders + " after " + limit);
    }

    /** {@code docker kill}: SIGKILL, and the container's addresses vanish with its network namespace. */
    void kill(int node) {
        GenericContainer<?> c = nodes.get(node);
        c.getDockerClient().killContainerCmd(c.getContainerId()).exec();
        killed[node] = true;
    }

    /** Every member's output, for a failure message. */
    String logs() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < SIZE; i++) {
            GenericContainer<?> c = nodes.get(i);
            String log;
            try {
                log = c.getContainerId() == null ? "(not started)" : c.getLogs();
            } catch (RuntimeException gone) {
                log = "(no log: " + gone.getMessage() + ")";
            }
            all.append("==== ").append(name(i)).append('\n')
                    .append(log.length() <= 6000 ? log : "...\n" + log.substring(log.length() - 6000));
        }
        return all.toString();
    }

    @Override
    public void close() {
        for (GenericContainer<?> c : nodes) {
            c.stop();
        }
        network.close();
    }
}
