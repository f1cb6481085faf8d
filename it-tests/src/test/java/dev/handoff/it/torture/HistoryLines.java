package dev.handoff.it.torture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * History files: one JSON object a line, {@code {"t_invoke":..,"t_complete":..,"client":..,"op":..,"args":{..},
 * "result":{..}}}. Values of args and result are read as text whatever their JSON type, so that a guest's shell
 * may print numbers bare. A line that does not parse (a guest cut off mid-line) is skipped and counted.
 */
final class HistoryLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryLines() {
    }

    static String format(HistoryEntry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("t_invoke", e.tInvoke());
        n.put("t_complete", e.tComplete());
        n.put("client", e.client());
        n.put("op", e.op());
        e.args().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(a -> n.withObject("/args").put(a.getKey(), a.getValue()));
        e.result().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(a -> n.withObject("/result").put(a.getKey(), a.getValue()));
        return n.toString();
    }

    /** The entry of one line, or null when the line is not a history entry. */
    static HistoryEntry parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line.strip());
        } catch (IOException e) {
            return null;
        }
        if (n == null || !n.isObject() || !n.has("t_invoke") || !n.has("op")) {
            return null;
        }
        return new HistoryEntry(n.path("t_invoke").asLong(), n.path("t_complete").asLong(HistoryEntry.NO_REPLY),
                n.path("client").asText(), n.path("op").asText(), texts(n.path("args")), texts(n.path("result")));
    }

    static List<HistoryEntry> read(Path file) {
        List<HistoryEntry> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                HistoryEntry e = parse(line);
                if (e != null) {
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(p -> out.put(p.getKey(), p.getValue().asText()));
        return out;
    }
}
