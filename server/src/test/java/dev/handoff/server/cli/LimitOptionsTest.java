package dev.handoff.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.transport.ConnectionLimits;
import dev.handoff.server.ServerLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code handoff serve}'s limit options: shown with their defaults, parsed, and refused out of range. */
class LimitOptionsTest {
    private final ServeCommand serve = new ServeCommand();
    private final CommandLine cli = new CommandLine(serve);

    @Test
    void withoutOptionsTheDefaultsApply() {
        cli.parseArgs();
        assertThat(serve.limitOptions.limits()).isEqualTo(ServerLimits.DEFAULT);
    }

    @Test
    void everyLimitIsAnOption() {
        cli.parseArgs("--max-connections", "5", "--max-connections-per-client", "3",
                "--max-in-flight-per-connection", "2", "--max-record-size", "4096", "--reply-cache-max-entries", "10",
                "--reply-cache-max-bytes", "16384", "--max-locks-per-client", "4", "--max-waits-per-client", "0",
                "--max-pending-callbacks", "2");
        assertThat(serve.limitOptions.limits()).isEqualTo(new ServerLimits(new ConnectionLimits(5, 3), 2, 4096, 10,
                16384, 4, 0, 2));
    }

    @Test
    void helpShowsEachLimitWithItsDefault() {
        String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertThat(help).contains("--max-connections=N", "(default: 8192)", "--max-connections-per-client=N",
                "(default: 256)", "--max-in-flight-per-connection=N", "(default: 64)", "--max-record-size=BYTES",
                "(default: 2097152)", "--reply-cache-max-entries=N", "(default: 65536)",
                "--reply-cache-max-bytes=BYTES", "(default: 67108864)", "--max-locks-per-client=N",
                "(default: 4096)", "--max-waits-per-client=N", "(default: 128)", "--max-pending-callbacks=N",
                "(default: 1024)");
    }

    @Test
    void aValueOutOfRangeIsAUsageErrorNamingTheOption() {
        for (String[] bad : new String[][] {{"--max-pending-callbacks", "0"}, {"--max-locks-per-client", "-1"},
                {"--max-record-size", "100"}, {"--reply-cache-max-bytes", "0"}, {"--max-in-flight-per-connection", "0"},
                {"--max-waits-per-client", "-1"}, {"--reply-cache-max-entries", "0"}}) {
            ServeCommand s = new ServeCommand();
            new CommandLine(s).parseArgs(bad);
            assertThatThrownBy(() -> s.limitOptions.limits()).isInstanceOf(CommandLine.ParameterException.class)
                    .hasMessageStartingWith(bad[0] + " must");
        }
        cli.parseArgs("--max-connections", "2", "--max-connections-per-client", "3");
        assertThatThrownBy(() -> serve.limitOptions.limits()).hasMessageContaining("--max-connections-per-client");
    }

    @Test
    void servingWithABadLimitExitsWithUsageCodeBeforeStarting() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err))
                .execute("--max-pending-callbacks", "0", "--state-dir", "/nonexistent/handoff-test");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--max-pending-callbacks must be at least 1");
    }

    @Test
    void aNonNumberIsRefusedByTheParser() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err))
                .execute("--max-waits-per-client", "many");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--max-waits-per-client", "many");
    }
}
