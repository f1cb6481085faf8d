package dev.handoff.it.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Prometheus Operator's PodMonitor (monitoring.coreos.com/v1), limited to the fields deploy/kubernetes
 * uses. The client has no model for a CRD, so this is the schema: a field not declared here, or a required one
 * missing, fails the load, as the client's generated models do for built-in kinds.
 */
record PodMonitor(String name, Map<String, String> labels, Map<String, String> matchLabels,
                  List<Endpoint> endpoints) {

    /** One {@code podMetricsEndpoints} item: a named container port, the path and the scrape interval. */
    record Endpoint(String port, String path, String interval) {
    }

    static PodMonitor fromJson(JsonObject o) {
        fields(o, Set.of("apiVersion", "kind", "metadata", "spec"), Set.of(), "PodMonitor");
        JsonObject metadata = o.getAsJsonObject("metadata");
        fields(metadata, Set.of("name"), Set.of("labels", "namespace", "annotations"), "metadata");
        JsonObject spec = o.getAsJsonObject("spec");
        fields(spec, Set.of("selector", "podMetricsEndpoints"), Set.of("namespaceSelector", "jobLabel"), "spec");
        JsonObject selector = spec.getAsJsonObject("selector");
        fields(selector, Set.of("matchLabels"), Set.of(), "spec.selector");
        List<Endpoint> endpoints = new ArrayList<>();
        for (JsonElement e : spec.getAsJsonArray("podMetricsEndpoints")) {
            JsonObject ep = e.getAsJsonObject();
            fields(ep, Set.of("port", "path"), Set.of("interval", "scheme", "scrapeTimeout"), "podMetricsEndpoints[]");
            endpoints.add(new Endpoint(ep.get("port").getAsString(), ep.get("path").getAsString(),
                    ep.has("interval") ? ep.get("interval").getAsString() : "30s"));
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("a PodMonitor without podMetricsEndpoints scrapes nothing");
        }
        return new PodMonitor(metadata.get("name").getAsString(), strings(metadata.getAsJsonObject("labels")),
                strings(selector.getAsJsonObject("matchLabels")), List.copyOf(endpoints));
    }

    private static void fields(JsonObject o, Set<String> required, Set<String> optional, String where) {
        if (o == null) {
            throw new IllegalArgumentException(where + " is missing");
        }
        for (String r : required) {
            if (!o.has(r)) {
                throw new IllegalArgumentException(where + ": required field " + r + " is missing");
            }
        }
        for (String k : o.keySet()) {
            if (!required.contains(k) && !optional.contains(k)) {
                throw new IllegalArgumentException(where + ": field " + k + " is not in the PodMonitor schema");
            }
        }
    }

    private static Map<String, String> strings(JsonObject o) {
        if (o == null) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        o.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        return out;
    }
}
