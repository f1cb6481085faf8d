package dev.handoff.server.cli;

import dev.handoff.cluster.failover.ClusterControl.Outcome;
import dev.handoff.cluster.failover.ClusterStatus;
import dev.handoff.cluster.failover.HandoffReport;
import dev.handoff.server.admin.AdminClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code handoff vip move VIP NODE}: a planned handoff of one VIP, followed until it is served on NODE. */
@Command(name = "vip", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Move a VIP of a running cluster (through a node's admin API).",
        subcommands = {VipCommand.Move.class})
final class VipCommand implements Runnable {
    static final String HINT = "see 'handoff status'; the target must be a live, undrained member";

    @Spec
    CommandLine.Model.CommandSpec spec;

    Pacing pacing = Pacing.system();
    ZoneId zone = ZoneId.systemDefault();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "move", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
            description = {"Hand VIP over to NODE and wait until NODE serves it; prints each state the VIP passes",
                    "through and the stage timings of the handoff.",
                    "Exit: 0 served on NODE, 1 refused or not done in time, 2 server not reachable."})
    static final class Move implements Callable<Integer> {
        @ParentCommand
        VipCommand parent;
        @Mixin
        AdminOption admin;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "VIP", description = "The VIP as configured (see 'handoff status').")
        String vip;

        @Parameters(index = "1", paramLabel = "NODE", description = "The member to serve it.")
        String node;

        @Option(names = "--wait", paramLabel = "SECS", defaultValue = "30",
                description = "Give up waiting after SECS seconds (default: ${DEFAULT-VALUE}); the move itself "
                        + "goes on.")
        double waitSeconds;

        @Override
        public Integer call() {
            return admin.call(spec, (client, out, err) -> {
                Outcome outcome = client.move(vip, node);
                if (!outcome.accepted()) {
                    err.println("handoff: moving " + vip + " to " + node + " refused: " + outcome.message());
                    err.println(HINT);
                    return AdminOption.FAILED;
                }
                return follow(client, out, err);
            });
        }

        /** Polls until the row names NODE and SERVING, printing a line whenever the row's standing changes. */
        private int follow(AdminClient client, PrintWriter out, PrintWriter err) throws IOException {
            Pacing pacing = parent.pacing;
            Instant start = pacing.clock().instant();
            Duration wait = Pacing.seconds(waitSeconds);
            String last = null;
            while (true) {
                ClusterStatus status = client.status();
                Optional<ClusterStatus.Vip> row = status.vips().stream().filter(v -> vip.equals(v.vip())).findFirst();
                if (row.isPresent() && node.equals(row.get().owner()) && "SERVING".equals(row.get().state())) {
                    out.println(vip + ": SERVING on " + node + " (epoch " + row.get().epoch() + ") after "
                            + pacing.since(start).toMillis() + " ms");
                    reportsOfMove(client, row.get().epoch(), pacing)
                            .forEach(r -> out.print(StatusTable.report(r, parent.zone)));
                    return AdminOption.OK;
                }
                String where = row.map(StatusTable::where).orElse("not in the VIP table");
                if (!where.equals(last)) {
                    out.println(vip + ": " + where);
                    out.flush();
                    last = where;
                }
                if (pacing.since(start).compareTo(wait) >= 0) {
                    err.println("handoff: " + vip + " is not SERVING on " + node + " after " + Pacing.show(waitSeconds)
                            + " s (now " + where + "); " + HINT);
                    return AdminOption.FAILED;
                }
                try {
                    pacing.pause().sleep(Pacing.POLL);
                } catch (InterruptedException e) {
                    err.println("handoff: stopped waiting; the move goes on (see 'handoff status')");
                    return AdminOption.FAILED;
                }
            }
        }

        /**
         * Each end files its report when its part is done, a moment after the row changed: waits up to a second
         * for both (the old owner's handoff and the new owner's acquire), then prints what there is.
         */
        private List<HandoffReport> reportsOfMove(AdminClient client, long epoch, Pacing pacing) throws IOException {
            Instant start = pacing.clock().instant();
            List<HandoffReport> found = reports(client.status(), epoch);
            while (found.stream().filter(r -> r.epoch() == epoch).count() < 2
                    && pacing.since(start).compareTo(Duration.ofSeconds(1)) < 0) {
                try {
                    pacing.pause().sleep(Pacing.POLL);
                } catch (InterruptedException e) {
                    break;
                }
                found = reports(client.status(), epoch);
            }
            return found;
        }

        /**
         * The reports of this move: those of the VIP under the epoch it is now served with (the old owner's
         * handoff and the new owner's acquire, oldest first), or else the VIP's newest report.
         */
        private List<HandoffReport> reports(ClusterStatus status, long epoch) {
            List<HandoffReport> ofVip = status.recent().stream().filter(r -> vip.equals(r.vip())).toList();
            List<HandoffReport> ofMove = ofVip.stream().filter(r -> r.epoch() == epoch).toList().reversed();
            return ofMove.isEmpty() ? ofVip.stream().limit(1).toList() : ofMove;
        }
    }
}
