package dev.handoff.it.drc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeReplyTest {
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void aReplySurvivesTheJsonLineBetweenProbeAndTest() throws Exception {
        ProbeReply.Attributes dir = new ProbeReply.Attributes(2, 0755, 4096, 77, 12L, 13L);
        ProbeReply reply = new ProbeReply("RENAME", 4_000_000_000L, 0, null, null,
                List.of(new ProbeReply.Wcc(new ProbeReply.Before(4096, 10, 11), dir), new ProbeReply.Wcc(null, dir)),
                null);
        String line = json.writeValueAsString(reply);
        assertThat(line).doesNotContain("\n");
        assertThat(json.readValue(line, ProbeReply.class)).isEqualTo(reply);
    }
}
