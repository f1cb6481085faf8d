package dev.handoff.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handoff clients}: who uses the server behind {@code --admin}: each client's mounts, its live
 * connections (by which address it came in, their age and calls in flight) and the locks it holds.
 */
@Command(name = "clients", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Show the clients of a running server: mounts, connections, locks.",
                "Exit: 0 shown, 2 server not reachable."})
final class ClientsCommand implements Callable<Integer> {
    @Mixin
    AdminOption admin;

    @Option(names = "--json", description = "Print the admin API's JSON on one line instead of the table.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return admin.call(spec, (client, out, err) -> {
            if (json) {
                out.println(client.clientsJson().strip());
            } else {
                out.print(ClientsTable.render(client.clients()));
            }
            out.flush();
            return AdminOption.OK;
        });
    }
}
