package dev.handoff.server.cli;

import dev.handoff.server.admin.AdminClient;
import dev.handoff.server.admin.AdminUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handoff status}: the cluster as the node behind {@code --admin} sees it (members, VIP rows, recent
 * handoffs with their stage timings). With {@code --watch} it prints the table again every few seconds, so a
 * move can be followed as it happens; a server that stops answering in between is reported and asked again.
 */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Show the cluster as a running server sees it: members, VIPs, recent handoffs.",
                "Exit: 0 shown, 2 server not reachable."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    AdminOption admin;

    @Option(names = "--json", description = "Print the admin API's JSON (one line per poll) instead of the table.")
    boolean json;

    @Option(names = "--watch", paramLabel = "SECS",
            description = "Print again every SECS seconds until interrupted (Ctrl-C).")
    Double watchSeconds;

    @Spec
    CommandLine.Model.CommandSpec spec;

    Pacing pacing = Pacing.system();
    ZoneId zone = ZoneId.systemDefault();

    @Override
    public Integer call() {
        if (watchSeconds != null && !(watchSeconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--watch needs a number of seconds above 0");
        }
        // The first answer decides: a wrong --admin or a stopped server is exit 2 even with --watch.
        return admin.call(spec, (client, out, err) -> {
            print(client, out);
            if (watchSeconds == null) {
                return AdminOption.OK;
            }
            return watch(client, out, err, Pacing.seconds(watchSeconds));
        });
    }

    /** Ends when interrupted (Ctrl-C, or a test); an answer that is not the admin API's ends it as exit 2. */
    private int watch(AdminClient client, PrintWriter out, PrintWriter err, Duration every) throws IOException {
        while (true) {
            try {
                pacing.pause().sleep(every);
            } catch (InterruptedException e) {
                return AdminOption.OK; // the watch was asked to end: that is its normal way out
            }
            if (!json) {
                out.println();
            }
            try {
                print(client, out);
            } catch (AdminUnavailableException e) {
                // A node restarting during a move is worth watching through, not a reason to stop.
                err.println("handoff: " + e.getMessage() + "; asking again in "
                        + Pacing.show(watchSeconds) + " s");
            }
        }
    }

    private void print(AdminClient client, PrintWriter out) throws IOException {
        if (json) {
            out.println(client.statusJson().strip());
        } else {
            out.print(StatusTable.render(client.status(), zone));
        }
        out.flush();
    }
}
