package dev.handoff.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.ToolRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules in deploy/prometheus: Debian's promtool (the one that ships with the Prometheus
 * release the rules are written for) accepts them, and their unit tests pass: every alert fires on the series
 * that should raise it and stays silent on a healthy node. Skipped loudly without promtool, failed in CI.
 */
class AlertRulesTest {
    private static final String PROMTOOL = "/usr/bin/promtool";
    private static final Path RULES = Prerequisites.repositoryRoot().resolve("deploy/prometheus");

    @BeforeEach
    void needPromtool() {
        Prerequisites.requireTool(PROMTOOL, "prometheus");
    }

    @Test
    void theRulesPassPromtoolCheckRules() throws Exception {
        ToolRun r = ToolRun.run(List.of(PROMTOOL, "check", "rules", "handoff-alerts.yml"), Duration.ofSeconds(60),
                RULES);

        assertThat(r.succeeded()).as(r::describe).isTrue();
        assertThat(r.output()).as(r::describe).contains("SUCCESS: 8 rules found");
    }

    @Test
    void everyAlertFiresAndStaysSilentAsItsUnitTestsExpect() throws Exception {
        ToolRun r = ToolRun.run(List.of(PROMTOOL, "test", "rules", "handoff-alerts.test.yml"), Duration.ofSeconds(60),
                RULES);

        assertThat(r.succeeded()).as(r::describe).isTrue();
        assertThat(r.output()).as(r::describe).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasAUnitTest() throws Exception {
        String tests = java.nio.file.Files.readString(RULES.resolve("handoff-alerts.test.yml"));
        String rules = java.nio.file.Files.readString(RULES.resolve("handoff-alerts.yml"));

        List<String> alerts = rules.lines().map(String::strip).filter(l -> l.startsWith("- alert: "))
                .map(l -> l.substring("- alert: ".length())).toList();

        assertThat(alerts).hasSize(8);
        assertThat(alerts).allSatisfy(a -> assertThat(tests).contains("alertname: " + a + "\n"));
    }
}
