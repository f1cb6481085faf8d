package dev.handoff.it.drc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.it.netns.Bridge;
import dev.handoff.it.netns.NetworkNamespace;
import dev.handoff.it.serve.HandoffProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Three {@code ./handoff serve} nodes in cluster mode, each in its own network namespace, and a client namespace,
 * all on one bridge (10.55.0.0/24), sharing one export directory and one handle key; one VIP floats among them.
 * A crash is {@code kill -9} of the node's server followed by its link going down: a machine that died answers
 * neither ARP nor TCP, and nobody removes the VIP it held, so it must not keep answering for it.
 */
public final class DrcCluster implements AutoCloseable {
    public static final String VIP = "10.55.0.100";
    public static final String CLIENT = "10.55.0.10";
    public static final int SIZE = 3;
    private static final Duration START = Duration.ofSeconds(180);
    private static final String ADMIN_STATUS = "http://127.0.0.1:9049/v1/status";
    private static final String METRICS = "127.0.0.1:9108";

    private final ObjectMapper json = new ObjectMapper();
    private final Path base;
    private final Bridge bridge;
    private final List<NetworkNamespace> namespaces = new ArrayList<>();
    private final HandoffProcess[] servers = new HandoffProcess[SIZE];
    private final int[] starts = new int[SIZE];
    private NetworkNamespace client;

    private DrcCluster(Path base, Bridge bridge) {
        this.base = base;
        this.bridge = bridge;
    }

    public static DrcCluster create(Path base) throws Exception {
        DrcCluster c = new DrcCluster(base, Bridge.create("handoff-drc-hub"));
        try {
            for (int i = 0; i < SIZE; i++) {
                NetworkNamespace ns = NetworkNamespace.create("handoff-drc-n" + (i + 1));
                c.namespaces.add(ns);
                c.bridge.attach(ns, address(i) + "/24");
            }
            c.client = NetworkNamespace.create("handoff-drc-client");
            c.bridge.attach(c.client, CLIENT + "/24");
            Path export = Files.createDirectory(base.resolve("export"));
            Files.setPosixFilePermissions(export, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(c.exportsFile(), export + " *(rw,no_root_squash,insecure)\n");
            // Made here, so that three servers starting together cannot each make a different one.
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.write(Files.createFile(c.handleKey(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), key);
        } catch (Exception e) {
            c.close();
            throw e;
        }
        return c;
    }

    static String address(int node) {
        return "10.55.0." + (node + 1);
    }

    public static String name(int node) {
        return "n" + (node + 1);
    }

    public Path export() {
        return base.resolve("export");
    }

    public NetworkNamespace client() {
        return client;
    }

    private Path handleKey() {
        return base.resolve("handle.key");
    }

    private Path exportsFile() {
        return base.resolve("exports");
    }

    /** Starts every node at once, and waits until each serves and sees the others. */
    public void startAll() throws Exception {
        for (int i = 0; i < SIZE; i++) {
            launch(i);
        }
        for (int i = 0; i < SIZE; i++) {
            awaitServing(i);
        }
        for (int i = 0; i < SIZE; i++) {
            awaitMembers(i, SIZE);
        }
    }

    private void start(int node) throws Exception {
        launch(node);
        awaitServing(node);
    }

    private void launch(int node) throws Exception {
        starts[node]++;
        List<String> args = new ArrayList<>(List.of("--exports", exportsFile().toString(),
                "--bind", address(node), "--state-dir", base.resolve("state-" + name(node)).toString(),
                "--node", name(node), "--cluster", String.join(",", address(0), address(1), address(2)),
                "--vip", VIP + "/24", "--vip-interface", Bridge.INTERFACE, "--address-mode", "linux",
                "--handle-key", handleKey().toString(), "--metrics", METRICS));
        servers[node] = HandoffProcess.start(namespaces.get(node),
                base.resolve("server-" + name(node) + "-" + starts[node] + ".log"), args.toArray(String[]::new));
    }

    /** Waits until {@code node} answers NFS on its own address (a member serves once it has quorum). */
    private void awaitServing(int node) throws Exception {
        NetworkNamespace ns = namespaces.get(node);
        servers[node].awaitReady(START, () -> ns.exec("rpcinfo", "-t", address(node), "nfs", "3"));
    }

    /** Waits until {@code node} sees {@code size} members and a quorum. */
    void awaitMembers(int node, int size) throws Exception {
        servers[node].awaitReady(Duration.ofSeconds(60), () -> {
            JsonNode status = status(node);
            if (!status.path("quorum").asBoolean() || status.path("members").size() != size) {
                throw new IllegalStateException(name(node) + " sees " + status);
            }
        });
    }

    JsonNode status(int node) throws Exception {
        return json.readTree(namespaces.get(node).exec("curl", "-sf", "--max-time", "5", ADMIN_STATUS));
    }

    /** Retransmissions {@code node}'s server answered from the reply cache since it started. */
    long cacheHits(int node) throws Exception {
        String scrape = namespaces.get(node).exec("curl", "-sf", "--max-time", "5", "http://" + METRICS + "/metrics");
        return scrape.lines().filter(l -> l.startsWith("handoff_drc_hits"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Polls until exactly one node holds the VIP on its interface; returns it. */
    public int awaitVipOwner(Duration limit) throws Exception {
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

    List<Integer> vipHolders() throws Exception {
        List<Integer> holders = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            if (servers[i] != null && Bridge.holds(namespaces.get(i), VIP)) {
                holders.add(i);
            }
        }
        return holders;
    }

    /**
     * kill -9 of the server alone: the node's kernel and link stay up, and the VIP's address with them until its
     * kernel lifetime runs out (the server holds it on a lifetime shorter than the lease, so nobody needs to
     * remove it). Returns when the process is gone.
     */
    void crash(int node) throws Exception {
        long pid = servers[node].pid();
        NetworkNamespace.run(List.of("kill", "-9", Long.toString(pid)));
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        servers[node].close();
        servers[node] = null;
    }

    /** Whether {@code node}'s interface has the VIP, whether or not its server runs. */
    boolean holdsVip(int node) throws Exception {
        return Bridge.holds(namespaces.get(node), VIP);
    }

    /** Brings a crashed node back, and waits until it rejoined. */
    void restart(int node) throws Exception {
        start(node);
        for (int i = 0; i < SIZE; i++) {
            awaitMembers(i, SIZE);
        }
    }

    /** Runs {@code ./handoff ARGS} inside {@code node}'s namespace (talking to its loopback admin API). */
    public String cli(int node, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env", "HANDOFF_NO_BUILD=1",
                dev.handoff.it.Prerequisites.repositoryRoot().resolve("handoff").toString()));
        cmd.addAll(List.of(args));
        return namespaces.get(node).exec(cmd.toArray(String[]::new));
    }

    /** {@code node}'s Prometheus scrape. */
    public String scrape(int node) throws Exception {
        return namespaces.get(node).exec("curl", "-sf", "--max-time", "5", "http://" + METRICS + "/metrics");
    }

    /** The process id of {@code node}'s server: the JVM itself, since the launcher execs it. */
    public long pid(int node) {
        return servers[node].pid();
    }

    /** {@code node}'s server log so far (of its latest start). */
    String log(int node) throws Exception {
        return servers[node].log();
    }

    /** Every server's log, for a failure message. */
    public String logs() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(base)) {
            for (Path log : files.filter(p -> p.getFileName().toString().startsWith("server-")).sorted().toList()) {
                all.append("==== ").append(log.getFileName()).append('\n').append(tail(Files.readString(log)));
            }
        }
        return all.toString();
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "...\n" + text.substring(text.length() - 6000);
    }

    @Override
    public void close() throws Exception {
        for (HandoffProcess server : servers) {
            if (server != null) {
                server.close();
            }
        }
        for (NetworkNamespace ns : namespaces) {
            ns.close();
        }
        if (client != null) {
            client.close();
        }
        bridge.close();
    }
}
