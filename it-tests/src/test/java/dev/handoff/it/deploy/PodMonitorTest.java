package dev.handoff.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class PodMonitorTest {
    private static final String GOOD = """
            {"apiVersion":"monitoring.coreos.com/v1","kind":"PodMonitor","metadata":{"name":"m"},
             "spec":{"selector":{"matchLabels":{"app":"h"}},"podMetricsEndpoints":[{"port":"metrics","path":"/metrics"}]}}
            """;

    private static JsonObject good() {
        return JsonParser.parseString(GOOD).getAsJsonObject();
    }

    @Test
    void readsTheFieldsTheManifestsUse() {
        PodMonitor m = PodMonitor.fromJson(good());
        assertThat(m.matchLabels()).containsEntry("app", "h");
        assertThat(m.endpoints()).containsExactly(new PodMonitor.Endpoint("metrics", "/metrics", "30s"));
    }

    @Test
    void anUnknownFieldFails() {
        JsonObject o = good();
        o.getAsJsonObject("spec").getAsJsonArray("podMetricsEndpoints").get(0).getAsJsonObject()
                .addProperty("targetPort", 9108);
        assertThatThrownBy(() -> PodMonitor.fromJson(o)).hasMessageContaining("targetPort");
    }

    @Test
    void aMissingRequiredFieldFails() {
        JsonObject o = good();
        o.getAsJsonObject("spec").remove("selector");
        assertThatThrownBy(() -> PodMonitor.fromJson(o)).hasMessageContaining("required field selector");
    }
}
