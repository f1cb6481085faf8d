package dev.handoff.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.admin.ClientView;
import dev.handoff.server.admin.ClientsReport;
import dev.handoff.server.admin.ConnectionView;
import dev.handoff.server.admin.LockView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of {@code handoff clients}, pinned. */
class ClientsTableTest {
    private static final String NL = System.lineSeparator();

    @Test
    void connectionsShowWhichAddressTheyCameInByTheirAgeAndCallsInFlight() {
        ClientView c = new ClientView("192.0.2.7", List.of("client-a"), List.of("/srv/a", "/srv/b"),
                List.of(new ConnectionView("TCP", "10.0.3.100:2049", "192.0.2.7:812", 75.4, 2, false),
                        new ConnectionView("TCP", "10.0.3.100:20048", "192.0.2.7:700", 3.2, 0, true)),
                7, List.of(new LockView("0101", "client-a", 3, "0+eof", true, LockView.BLOCKED)));

        assertThat(ClientsTable.render(new ClientsReport(List.of(c), null))).isEqualTo(
                "CLIENT     NAMES     MOUNTS         CONNS  IN-FLIGHT  LOCKS" + NL
                + "192.0.2.7  client-a  /srv/a,/srv/b  2      2          7" + NL
                + NL
                + "192.0.2.7:" + NL
                + "  LOCAL             REMOTE         AGE    IN-FLIGHT" + NL
                + "  10.0.3.100:2049   192.0.2.7:812  1m15s  2" + NL
                + "  10.0.3.100:20048  192.0.2.7:700  3.2s   0          draining" + NL
                + "  FILE  CLIENT    SVID  RANGE  TYPE   STATE" + NL
                + "  0101  client-a  3     0+eof  write  blocked" + NL
                + "  ... 6 more (handoff locks)" + NL);
    }

    @Test
    void anUnreadableLockTableIsSaidFirst() {
        assertThat(ClientsTable.render(new ClientsReport(List.of(), "lock table unavailable: no quorum")))
                .isEqualTo("locks not shown: lock table unavailable: no quorum" + NL
                        + "no clients: nothing mounted, connected or locked" + NL);
    }

    @Test
    void agesAreShortAtEveryScale() {
        assertThat(ClientsTable.age(0.04)).isEqualTo("0.0s");
        assertThat(ClientsTable.age(59.9)).isEqualTo("59.9s");
        assertThat(ClientsTable.age(3599)).isEqualTo("59m59s");
        assertThat(ClientsTable.age(5 * 3600 + 12 * 60 + 9)).isEqualTo("5h12m");
    }
}
