package dev.handoff.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code handoff clients} against a real admin API. */
class ClientsCommandTest {
    private static final String NL = System.lineSeparator();

    @Test
    void printsOneRowPerClientThenItsLocks() throws IOException {
        try (ClientsFixture api = new ClientsFixture(Map.of("client-a", InetAddress.getByName("192.0.2.7")))) {
            api.mounts.add("192.0.2.7", "/srv/share");
            api.mounts.add("192.0.2.8", "/srv/other");
            api.lock("client-a", 42, 0, 100, true);

            assertThat(api.run(new ClientsCommand())).isZero();

            assertThat(api.out.toString()).isEqualTo(
                    "CLIENT     NAMES     MOUNTS      CONNS  IN-FLIGHT  LOCKS" + NL
                    + "192.0.2.7  client-a  /srv/share  0      0          1" + NL
                    + "192.0.2.8  -         /srv/other  0      0          0" + NL
                    + NL
                    + "192.0.2.7:" + NL
                    + "  FILE        CLIENT    SVID  RANGE  TYPE   STATE" + NL
                    + "  0000000101  client-a  42    0+100  write  granted" + NL);
        }
    }

    @Test
    void jsonIsTheApisAnswerOnOneLine() throws IOException {
        try (ClientsFixture api = new ClientsFixture(Map.of())) {
            api.mounts.add("192.0.2.7", "/srv/share");

            assertThat(api.run(new ClientsCommand(), "--json")).isZero();

            JsonNode answer = new ObjectMapper().readTree(api.out.toString().lines().findFirst().orElseThrow());
            assertThat(answer.get("clients").get(0).get("mounts").get(0).asText()).isEqualTo("/srv/share");
            assertThat(api.out.toString().lines()).hasSize(1);
        }
    }

    @Test
    void noClientsSaysSo() throws IOException {
        try (ClientsFixture api = new ClientsFixture(Map.of())) {
            assertThat(api.run(new ClientsCommand())).isZero();

            assertThat(api.out.toString()).isEqualTo("no clients: nothing mounted, connected or locked" + NL);
        }
    }

    @Test
    void nothingListeningExitsTwo() throws IOException {
        ClientsCommand command = new ClientsCommand();
        int closed = AdminFixture.closedPort();
        try (ClientsFixture api = new ClientsFixture(Map.of())) {
            int code = new picocli.CommandLine(command).setErr(new java.io.PrintWriter(api.err, true))
                    .execute("--admin", "127.0.0.1:" + closed);

            assertThat(code).isEqualTo(AdminOption.UNREACHABLE);
            assertThat(api.err.toString()).contains("Is the server running?");
        }
    }
}
