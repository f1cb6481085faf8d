package dev.handoff.server.cli;

import dev.handoff.cluster.failover.ClusterControl.Outcome;
import dev.handoff.cluster.failover.ClusterStatus;
import dev.handoff.server.admin.AdminClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code handoff node drain|undrain NODE}: empties a node of its VIPs before maintenance (or a Kubernetes
 * preStop hook) and lets it take VIPs again afterwards. A drain waits until the node serves and releases no VIP;
 * a VIP already ACQUIRING elsewhere counts as gone, since the node has let go of it.
 */
@Command(name = "node", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Drain or undrain a member of a running cluster (through a node's admin API).",
        subcommands = {NodeCommand.Drain.class, NodeCommand.Undrain.class})
final class NodeCommand implements Runnable {
    static final String HINT = "see 'handoff status'; each VIP needs a live, undrained member to move to";
    /** The states in which a node still holds a VIP: serving it, or draining it for a move. */
    private static final Set<String> HOLDING = Set.of("SERVING", "RELEASING");

    @Spec
    CommandLine.Model.CommandSpec spec;

    Pacing pacing = Pacing.system();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "drain", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
            description = {"Mark NODE draining and wait until its VIPs have moved to other members;",
                    "it takes none back until undrained (the mark survives its restart).",
                    "Exit: 0 drained, 1 refused or not done in time, 2 server not reachable."})
    static final class Drain implements Callable<Integer> {
        @ParentCommand
        NodeCommand parent;
        @Mixin
        AdminOption admin;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NODE", description = "The member to drain.")
        String node;

        @Option(names = "--timeout", paramLabel = "SECS", defaultValue = "120",
                description = "Give up waiting after SECS seconds (default: ${DEFAULT-VALUE}); the node stays "
                        + "draining.")
        double timeoutSeconds;

        @Override
        public Integer call() {
            return admin.call(spec, (client, out, err) -> {
                Outcome outcome = client.drain(node);
                if (!outcome.accepted()) {
                    err.println("handoff: draining " + node + " refused: " + outcome.message());
                    err.println("see 'handoff status'; NODE must be a member of the cluster");
                    return AdminOption.FAILED;
                }
                return follow(client, out, err);
            });
        }

        /** Polls until no row holds NODE, printing the node's VIPs at first and each one as it leaves. */
        private int follow(AdminClient client, PrintWriter out, PrintWriter err) throws IOException {
            Pacing pacing = parent.pacing;
            Instant start = pacing.clock().instant();
            Duration timeout = Pacing.seconds(timeoutSeconds);
            Map<String, ClusterStatus.Vip> held = null;
            while (true) {
                ClusterStatus status = client.status();
                Map<String, ClusterStatus.Vip> now = new LinkedHashMap<>();
                for (ClusterStatus.Vip v : status.vips()) {
                    if (node.equals(v.owner()) && HOLDING.contains(v.state())) {
                        now.put(v.vip(), v);
                    }
                }
                if (held == null) {
                    out.println(node + ": draining; " + (now.isEmpty() ? "it holds no VIP"
                            : "it holds " + String.join(", ", now.keySet())));
                } else {
                    for (ClusterStatus.Vip v : status.vips()) {
                        if (held.containsKey(v.vip()) && !now.containsKey(v.vip())) {
                            out.println(v.vip() + ": left " + node + " (" + StatusTable.where(v) + ")");
                        }
                    }
                }
                out.flush();
                held = now;
                if (now.isEmpty()) {
                    out.println(node + ": drained after " + pacing.since(start).toMillis() + " ms");
                    return AdminOption.OK;
                }
                if (pacing.since(start).compareTo(timeout) >= 0) {
                    err.println("handoff: " + node + " still holds " + String.join(", ",
                            now.values().stream().map(v -> v.vip() + " (" + StatusTable.where(v) + ")").toList())
                            + " after " + Pacing.show(timeoutSeconds) + " s; it stays draining; " + HINT);
                    return AdminOption.FAILED;
                }
                try {
                    pacing.pause().sleep(Pacing.POLL);
                } catch (InterruptedException e) {
                    err.println("handoff: stopped waiting; " + node + " stays draining (see 'handoff status')");
                    return AdminOption.FAILED;
                }
            }
        }
    }

    @Command(name = "undrain", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"Let NODE take VIPs again (VIPs that moved away stay where they are).",
                    "Exit: 0 done, 1 refused, 2 server not reachable."})
    static final class Undrain implements Callable<Integer> {
        @Mixin
        AdminOption admin;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NODE", description = "The member to undrain.")
        String node;

        @Override
        public Integer call() {
            return admin.call(spec, (client, out, err) -> {
                Outcome outcome = client.undrain(node);
                if (!outcome.accepted()) {
                    err.println("handoff: undraining " + node + " refused: " + outcome.message());
                    err.println("see 'handoff status'; NODE must be a member of the cluster");
                    return AdminOption.FAILED;
                }
                String detail = outcome.message() == null || outcome.message().isEmpty() ? ""
                        : " (" + outcome.message() + ")";
                out.println(node + ": no longer draining" + detail);
                return AdminOption.OK;
            });
        }
    }
}
