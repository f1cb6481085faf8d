package dev.handoff.server.cli;

import dev.handoff.server.admin.LocksReport;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handoff locks}: the NLM lock table of the server behind {@code --admin} (in a cluster, the shared table:
 * every node's locks), held locks and waits, the first {@code --limit} of them with the totals.
 */
@Command(name = "locks", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Show the locks held and waited for on a running server.",
                "Exit: 0 shown, 2 server not reachable."})
final class LocksCommand implements Callable<Integer> {
    @Mixin
    AdminOption admin;

    @Option(names = "--json", description = "Print the admin API's JSON on one line instead of the table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N",
            description = "Show at most N locks (default: ${DEFAULT-VALUE}; at most " + LocksReport.MAX_LIMIT + ").")
    int limit = LocksReport.DEFAULT_LIMIT;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1 || limit > LocksReport.MAX_LIMIT) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--limit must be from 1 to " + LocksReport.MAX_LIMIT);
        }
        return admin.call(spec, (client, out, err) -> {
            if (json) {
                out.println(client.locksJson(limit).strip());
            } else {
                out.print(LocksTable.render(client.locks(limit)));
            }
            out.flush();
            return AdminOption.OK;
        });
    }
}
