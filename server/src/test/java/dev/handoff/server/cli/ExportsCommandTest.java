package dev.handoff.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code handoff exports} against an admin API on an ephemeral loopback port. */
class ExportsCommandTest {
    @TempDir
    Path dir;
    private Path file;
    private AdminHttpServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("exports");
        Files.writeString(file, "/srv 10.0.0.0/8(rw)\n");
        ExportsAdmin admin = new ExportsAdmin(new Exports(HostResolver.NONE, List.of()), List.of(file));
        admin.reload();
        server = AdminHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), admin);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private int run(String... args) {
        return new CommandLine(new ExportsCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    private String admin() {
        return "127.0.0.1:" + server.address().getPort();
    }

    @Test
    void reloadOfAGoodFileExitsZeroAndPrintsWarningsWithFileAndLine() throws IOException {
        Files.writeString(file, "/srv 10.0.0.0/8(rw)\n/pub\n");

        assertThat(run("reload", "--admin", admin())).isZero();

        assertThat(out.toString()).isEqualTo("exports reloaded: 2 export(s) in force" + System.lineSeparator());
        assertThat(err.toString()).startsWith(file + ":2: warning: ");
    }

    @Test
    void reloadOfABadFileExitsOneAndPrintsEachErrorWithFileAndLine() throws IOException {
        Files.writeString(file, "/srv 10.0.0.0/8(rw)\n/pub *(rw,nonsense)\n/x 300.1.2.3(rw)\n");

        assertThat(run("reload", "--admin", admin())).isEqualTo(ExportsCommand.INVALID_EXPORTS);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).anyMatch(l -> l.startsWith(file + ":2: error: "))
                .anyMatch(l -> l.startsWith(file + ":3: error: "))
                .last().isEqualTo("exports not reloaded: 2 error(s); the server keeps its previous 1 export(s)");
    }

    @Test
    void listPrintsOneExportsLinePerExport() {
        assertThat(run("list", "--admin", admin())).isZero();
        assertThat(out.toString()).isEqualTo("/srv 10.0.0.0/8(rw)" + System.lineSeparator());
    }

    @Test
    void anUnreachableServerExitsTwoAndSaysHowToReachOne() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        assertThat(run("reload", "--admin", "127.0.0.1:" + closedPort)).isEqualTo(ExportsCommand.UNREACHABLE);

        assertThat(err.toString()).contains("127.0.0.1:" + closedPort).contains("handoff serve")
                .contains("--admin");
    }

    @Test
    void aBadAdminOptionOrSomethingElseListeningIsReportedAsUnreachable() throws IOException {
        assertThat(run("list", "--admin", "0")).isEqualTo(ExportsCommand.UNREACHABLE);
        assertThat(err.toString()).contains("port 0 means off");
        try (ServerSocket notHttp = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            // Closes every connection at once (the HTTP client retries a GET once on a new connection).
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        notHttp.accept().close();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            assertThat(run("list", "--admin", "127.0.0.1:" + notHttp.getLocalPort()))
                    .isEqualTo(ExportsCommand.UNREACHABLE);
        }
        assertThat(err.toString()).contains("Handoff server's admin API");
    }

    @Test
    void withoutASubcommandTheUsageIsPrinted() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("reload").contains("list");
    }
}
