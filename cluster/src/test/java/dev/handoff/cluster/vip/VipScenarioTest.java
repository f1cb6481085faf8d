package dev.handoff.cluster.vip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scenario scripts with golden output (src/test/resources/dev/handoff/cluster/vip/*.txt). */
class VipScenarioTest {

    @ParameterizedTest
    @ValueSource(strings = {"startup.txt", "planned-move.txt", "crash-takeover.txt", "partition.txt",
            "pause.txt", "drain-node.txt", "quorum-loss.txt", "no-flapping.txt"})
    void scenarioMatchesItsGoldenOutput(String name) {
        String script = ScenarioScript.read(name);
        String actual = ScenarioScript.run(script);
        if (Boolean.getBoolean("handoff.rewrite")) {
            ScenarioScript.rewrite(name, actual);
        } else {
            assertThat(actual).isEqualTo(script);
        }
    }
}
