package dev.handoff.server.cli;

import dev.handoff.server.admin.AdminClient;
import dev.handoff.server.admin.AdminEndpoint;
import dev.handoff.server.admin.AdminUnavailableException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --admin}, shared by the verbs that talk to a running server through its admin API, and the exit codes
 * they share: 0 done, 1 the server refused or the change did not happen in time, 2 no admin API answered (an
 * unusable {@code --admin} included).
 */
final class AdminOption {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int UNREACHABLE = 2;

    @Option(names = "--admin", paramLabel = "HOST:PORT", defaultValue = "${env:HANDOFF_ADMIN:-" + AdminEndpoint.DEFAULT
            + "}", description = "Admin API of the server (default: ${DEFAULT-VALUE}; env HANDOFF_ADMIN).")
    String admin;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            defaultValue = "${env:HANDOFF_ADMIN_TOKEN_FILE}",
            description = "Token of an admin API that listens beyond loopback (env HANDOFF_ADMIN_TOKEN_FILE).")
    java.nio.file.Path tokenFile;

    /** One verb's work against the API; its result is the exit code. */
    interface Request {
        int run(AdminClient client, PrintWriter out, PrintWriter err) throws IOException;
    }

    /** The client, or null after printing why the option is unusable. */
    AdminClient client(PrintWriter err) {
        java.util.Optional<dev.handoff.server.admin.AdminToken> token;
        try {
            token = tokenFile == null ? java.util.Optional.empty()
                    : java.util.Optional.of(dev.handoff.server.admin.AdminToken.read(tokenFile));
        } catch (IOException e) {
            err.println("handoff: --admin-token-file: " + e.getMessage());
            return null;
        }
        try {
            return AdminEndpoint.parse(admin).map(e -> new AdminClient(e, token)).orElseGet(() -> {
                err.println("handoff: --admin " + admin + " names no endpoint (port 0 means off)");
                return null;
            });
        } catch (IllegalArgumentException e) {
            err.println("handoff: --admin: " + e.getMessage());
            return null;
        }
    }

    /** Runs {@code request}; an unreachable server or a foreign answer is exit code 2 with a hint. */
    int call(CommandLine.Model.CommandSpec spec, Request request) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AdminClient client = client(err);
        if (client == null) {
            return UNREACHABLE;
        }
        try {
            return request.run(client, out, err);
        } catch (AdminUnavailableException e) {
            err.println(unreachable(e));
            return UNREACHABLE;
        } catch (IOException e) {
            err.println("handoff: " + e.getMessage() + ". Does --admin " + admin + " name a Handoff server's"
                    + " admin API?");
            return UNREACHABLE;
        }
    }

    static String unreachable(AdminUnavailableException e) {
        return "handoff: " + e.getMessage() + "." + System.lineSeparator()
                + "Is the server running? Start it with 'handoff serve', or pass --admin HOST:PORT of its admin API.";
    }
}
