package dev.handoff.server.cli;

import dev.handoff.cluster.failover.ClusterControl;
import dev.handoff.server.admin.AdminHttpServer;
import dev.handoff.server.admin.ExportsAdmin;
import dev.handoff.server.exports.Exports;
import dev.handoff.server.exports.HostResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import picocli.CommandLine;

/** A real admin API on an ephemeral loopback port in front of a {@link ClusterControl}, and a command runner. */
final class AdminFixture implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final AdminHttpServer server;

    AdminFixture(ClusterControl control) throws IOException {
        ExportsAdmin exports = new ExportsAdmin(new Exports(HostResolver.NONE, List.of()), List.of());
        server = AdminHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), exports, control);
    }

    String admin() {
        return "127.0.0.1:" + server.address().getPort();
    }

    /** Runs {@code command} with {@code args} and {@code --admin} pointing here; the exit code. */
    int run(Object command, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--admin";
        all[args.length + 1] = admin();
        return runBare(command, all);
    }

    /** Runs {@code command} with exactly {@code args}. */
    int runBare(Object command, String... args) {
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    /** A loopback port nothing listens on (bound, then closed). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
