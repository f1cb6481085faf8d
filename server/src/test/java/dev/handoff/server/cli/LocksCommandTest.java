package dev.handoff.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code handoff locks} against a real admin API. */
class LocksCommandTest {
    private static final String NL = System.lineSeparator();

    @Test
    void printsTheTotalsAndOneRowPerLock() throws IOException {
        try (ClientsFixture api = new ClientsFixture(Map.of())) {
            api.lock("a", 1, 0, 0, false);
            api.lock("b", 7, 100, 10, false);

            assertThat(api.run(new LocksCommand())).isZero();

            assertThat(api.out.toString()).isEqualTo(
                    "2 locks on 1 files, 0 blocked" + NL
                    + "  FILE        CLIENT  SVID  RANGE   TYPE  STATE" + NL
                    + "  0000000101  a       1     0+eof   read  granted" + NL
                    + "  0000000101  b       7     100+10  read  granted" + NL);
        }
    }

    @Test
    void theLimitShowsTheFirstLocksAndSaysMoreExist() throws IOException {
        try (ClientsFixture api = new ClientsFixture(Map.of())) {
            for (int i = 0; i < 3; i++) {
                api.lock("a", 1, i * 10L, 1, true);
            }

            assertThat(api.run(new LocksCommand(), "--limit", "1")).isZero();

            assertThat(api.out.toString()).startsWith("3 locks on 1 files, 0 blocked (first 1 shown; --limit N for"
                    + " more)" + NL).contains("0+1").doesNotContain("10+1");
        }
    }

    @Test
    void jsonIsTheApisAnswerOnOneLine() throws IOException {
        try (ClientsFixture api = new ClientsFixture(Map.of())) {
            api.lock("a", 1, 0, 1, true);

            assertThat(api.run(new LocksCommand(), "--json")).isZero();

            assertThat(api.out.toString().lines()).singleElement().satisfies(l -> {
                JsonNode answer = new ObjectMapper().readTree(l);
                assertThat(answer.get("total").asInt()).isEqualTo(1);
                assertThat(answer.get("locks").get(0).get("exclusive").asBoolean()).isTrue();
            });
        }
    }

    @Test
    void aLimitOutOfBoundsIsAUsageError() throws IOException {
        try (ClientsFixture api = new ClientsFixture(Map.of())) {
            assertThat(api.run(new LocksCommand(), "--limit", "0")).isEqualTo(2);

            assertThat(api.err.toString()).contains("--limit must be from 1 to 10000");
        }
    }
}
