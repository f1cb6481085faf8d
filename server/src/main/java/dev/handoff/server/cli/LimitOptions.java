package dev.handoff.server.cli;

import dev.handoff.rpc.transport.ConnectionLimits;
import dev.handoff.server.ServerLimits;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handoff serve}'s limits on what clients can make the server hold (docs/deploy.md, "Limits"). A value
 * out of range is a usage error naming the option, before anything starts.
 */
final class LimitOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "TCP connections kept at once; more are reset (default: ${DEFAULT-VALUE}).")
    int maxConnections = ServerLimits.DEFAULT.connections().total();

    @Option(names = "--max-connections-per-client", paramLabel = "N",
            description = "TCP connections kept at once from one client address (default: ${DEFAULT-VALUE}).")
    int maxConnectionsPerClient = ServerLimits.DEFAULT.connections().perClient();

    @Option(names = "--max-in-flight-per-connection", paramLabel = "N",
            description = "Calls of one connection running at once; past it the connection is not read until one "
                    + "finishes (default: ${DEFAULT-VALUE}).")
    int maxInFlightPerConnection = ServerLimits.DEFAULT.maxInFlightPerConnection();

    @Option(names = "--max-record-size", paramLabel = "BYTES",
            description = "Largest RPC record accepted; a larger one closes its connection (default: "
                    + "${DEFAULT-VALUE}).")
    int maxRecordSize = ServerLimits.DEFAULT.maxRecordSize();

    @Option(names = "--reply-cache-max-entries", paramLabel = "N",
            description = "Replies the duplicate reply cache keeps on a single server; the least recently used "
                    + "are evicted (default: ${DEFAULT-VALUE}).")
    int replyCacheMaxEntries = ServerLimits.DEFAULT.replyCacheMaxEntries();

    @Option(names = "--reply-cache-max-bytes", paramLabel = "BYTES",
            description = "Bytes of replies the duplicate reply cache keeps (in a cluster: per member, in whole "
                    + "MiB) (default: ${DEFAULT-VALUE}).")
    long replyCacheMaxBytes = ServerLimits.DEFAULT.replyCacheMaxBytes();

    @Option(names = "--max-locks-per-client", paramLabel = "N",
            description = "NLM locks and shares one client may hold; more answer DENIED_NOLOCKS (default: "
                    + "${DEFAULT-VALUE}).")
    int maxLocksPerClient = ServerLimits.DEFAULT.maxLocksPerClient();

    @Option(names = "--max-waits-per-client", paramLabel = "N",
            description = "Blocked NLM lock requests one client may have queued; more answer DENIED_NOLOCKS "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxWaitsPerClient = ServerLimits.DEFAULT.maxWaitsPerClient();

    @Option(names = "--max-pending-callbacks", paramLabel = "N",
            description = "NLM callbacks (GRANTED, _RES) under way at once; more are dropped, so clients that "
                    + "vanished cannot fill the heap (default: ${DEFAULT-VALUE}).")
    int maxPendingCallbacks = ServerLimits.DEFAULT.maxPendingCallbacks();

    /** The limits asked for; a {@link CommandLine.ParameterException} naming the option when one is out of range. */
    ServerLimits limits() {
        try {
            return new ServerLimits(new ConnectionLimits(maxConnections, maxConnectionsPerClient),
                    maxInFlightPerConnection, maxRecordSize, replyCacheMaxEntries, replyCacheMaxBytes,
                    maxLocksPerClient, maxWaitsPerClient, maxPendingCallbacks);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage().startsWith("connection limits")
                    ? "--max-connections and --max-connections-per-client must be at least 1, and the per-client "
                    + "limit at most the total: " + maxConnections + " / " + maxConnectionsPerClient
                    : e.getMessage();
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
