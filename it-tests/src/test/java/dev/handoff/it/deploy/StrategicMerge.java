package dev.handoff.it.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * The part of Kubernetes' strategic merge patch that overlays of whole objects use: objects merge key by key,
 * a null deletes a key, lists of objects whose schema has a merge key (containers, env, volumes, volumeMounts
 * by name) merge element by element, every other list is replaced. Directives ({@code $patch},
 * {@code $retainKeys}, ...) are refused rather than misread.
 */
final class StrategicMerge {
    /** Lists that merge by key in the Kubernetes schema (patchMergeKey), by field name. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "name");

    private StrategicMerge() {
    }

    /** Merges {@code patch} into {@code target} in place. */
    static void merge(JsonObject target, JsonObject patch) {
        for (var entry : patch.entrySet()) {
            String key = entry.getKey();
            JsonElement value = entry.getValue();
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("strategic-merge directive " + key + " is not supported here");
            }
            JsonElement old = target.get(key);
            if (value.isJsonNull()) {
                target.remove(key);
            } else if (old instanceof JsonObject o && value instanceof JsonObject p) {
                merge(o, p);
            } else if (old instanceof JsonArray o && value instanceof JsonArray p && MERGE_KEYS.containsKey(key)) {
                mergeList(o, p, MERGE_KEYS.get(key));
            } else {
                target.add(key, value.deepCopy());
            }
        }
    }

    private static void mergeList(JsonArray target, JsonArray patch, String mergeKey) {
        for (JsonElement e : patch) {
            JsonObject p = e.getAsJsonObject();
            if (!p.has(mergeKey)) {
                throw new IllegalArgumentException("a list element without its merge key " + mergeKey + ": " + p);
            }
            JsonObject match = null;
            for (JsonElement t : target) {
                if (t.getAsJsonObject().get(mergeKey).equals(p.get(mergeKey))) {
                    match = t.getAsJsonObject();
                }
            }
            if (match != null) {
                merge(match, p);
            } else {
                target.add(p.deepCopy());
            }
        }
    }
}
