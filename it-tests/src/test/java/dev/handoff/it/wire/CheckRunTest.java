package dev.handoff.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckRunTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CheckRun run = new CheckRun(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void eachOutcomeIsPrintedAsItHappensAndLaterChecksStillRun() {
        run.check("A", () -> "fine");
        run.check("B", () -> {
            throw new CheckFailed("GETATTR(x): expected NFS3_OK, got NFS3ERR_STALE");
        });
        run.check("C", () -> {
            throw new IllegalStateException("boom");
        });
        run.check("D", () -> "also fine");

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "CHECK A PASS fine",
                "CHECK B FAIL GETATTR(x): expected NFS3_OK, got NFS3ERR_STALE",
                "CHECK C FAIL threw java.lang.IllegalStateException: boom",
                "CHECK D PASS also fine");
        assertThat(run.failures()).isEqualTo(2);
        assertThat(run.lines()).hasSize(4);
    }

    @Test
    void aFailureOutsideAnyCheckIsReportedAsOne() {
        run.fail("PHASE.main", new java.io.IOException("No registry entry for program: 100005"));

        assertThat(run.lines()).containsExactly(new CheckLine("PHASE.main", false,
                "threw java.io.IOException: No registry entry for program: 100005"));
    }
}
