package dev.handoff.it.cluster;

import dev.handoff.it.kernel.KernelClient;
import dev.handoff.it.kernel.KernelClientResult;
import dev.handoff.it.kernel.KernelClientRun;
import dev.handoff.it.kernel.KernelClientRunBuilder;
import dev.handoff.it.nfs3.KernelExports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A three-node Handoff cluster under the kernel-client kit: nodes node1..node3 at 10.0.3.1-3, each its own
 * network namespace, all serving the same host directory (so file handles match across nodes) with one shared
 * handle key, and one VIP that the servers place themselves ({@code VIP_NODE=none}); guests wait for it, then
 * mount it.
 *
 * <p>System properties add options to every node's {@code handoff serve}: {@code handoff.cluster.handoffOrder}
 * ({@code --handoff-order}: tickle, reset-first or fin, to compare teardown orders) and
 * {@code handoff.cluster.serveOptions} (anything else, e.g. {@code --lease-ms 3000}).
 */
public final class HandoffCluster {
    public static final int NODES = 3;
    public static final String VIP = "10.0.3.100";
    /** A second floating address, for runs that serve two ({@link #run(String, KernelExports, String...)}). */
    public static final String VIP2 = "10.0.3.101";
    static final String MEMBERS = "10.0.3.1,10.0.3.2,10.0.3.3";

    private HandoffCluster() {
    }

    /**
     * A run of the cluster serving {@code exports}: guests mount its no_root_squash export through the VIP; every
     * node also serves {@code moreVips} (the servers place each of them).
     */
    public static KernelClientRunBuilder run(String name, KernelExports exports, String... moreVips) {
        KernelClientRunBuilder b = KernelClientRun.builder("cluster-" + name)
                .nodes(NODES).vip(VIP)
                .env("VIP_NODE", "none")
                .env("EXPORT_DIR", exports.root().toString())
                .env("EXPORT", exports.noRootSquash().toString())
                .guestEnv("WAIT_VIP_S", "120");
        for (int n = 1; n <= NODES; n++) {
            b.serverCommand(n, serverCommand(exports.exportsFile(), n, moreVips));
        }
        return b;
    }

    /**
     * Node 1 makes the shared handle key (the server creates it when missing); nodes 2 and 3 start once it
     * exists, so that three servers starting together cannot each make a different one.
     */
    static String serverCommand(Path exportsFile, int node, String... moreVips) {
        String waitForKey = node == 1 ? "" : "for _ in $(seq 300); do [ -s \"$OUT_DIR/handle.key\" ] && break; "
                + "sleep 0.1; done; ";
        return waitForKey + "HANDOFF_NO_BUILD=1 ./handoff serve --exports '" + exportsFile + "'"
                + " --node \"$NODE_NAME\" --bind \"$NODE_IP\" --cluster " + MEMBERS
                + " --vip " + VIP + Arrays.stream(moreVips).map(v -> " --vip " + v).collect(Collectors.joining())
                + " --vip-interface eth0 --state-dir \"$NODE_DIR/state\""
                + " --handle-key \"$OUT_DIR/handle.key\"" + extraOptions() + " &";
    }

    /** {@code handoff.cluster.handoffOrder} (tickle, reset-first, fin) and {@code handoff.cluster.serveOptions}. */
    private static String extraOptions() {
        String order = System.getProperty("handoff.cluster.handoffOrder", "");
        String more = System.getProperty("handoff.cluster.serveOptions", "");
        return (order.isBlank() ? "" : " --handoff-order " + order) + (more.isBlank() ? "" : " " + more);
    }

    /** A host script of the kit (it-tests/kernel-client/host/NAME), as an absolute path. */
    public static String hostScript(String name) {
        return KernelClient.kitDir().resolve("host").resolve(name).toString();
    }

    /** The summary, then the end of every node's server log and of the host script's log. */
    public static String report(KernelClientResult r) {
        StringBuilder b = new StringBuilder(r.describe());
        for (int n = 1; n <= NODES; n++) {
            tail(b, r.outDir().resolve("node" + n + "/server.log"), 30);
        }
        tail(b, r.outDir().resolve("host-script.log"), 40);
        return b.toString();
    }

    private static void tail(StringBuilder b, Path file, int count) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            lines = List.of("(" + e.getMessage() + ")");
        }
        b.append(file.getParent().getFileName()).append('/').append(file.getFileName())
                .append(" (last ").append(count).append(" lines):\n");
        lines.subList(Math.max(0, lines.size() - count), lines.size()).forEach(l -> b.append("  ").append(l).append('\n'));
    }
}
