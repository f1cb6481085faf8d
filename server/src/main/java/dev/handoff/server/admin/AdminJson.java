package dev.handoff.server.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the admin API, for the server and the client. */
final class AdminJson {
    /**
     * Unknown fields are ignored so that an older {@code handoff} command still reads the answers of a newer
     * server. Thread-safe once built.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AdminJson() {
    }
}
