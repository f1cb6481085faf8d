package dev.handoff.it.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML documents as JSON trees, the way kubectl sees them: every document of a file, duplicate keys refused
 * (kubectl refuses them too, and a silently lost key is exactly what a strict check is for).
 */
final class Yaml {
    private Yaml() {
    }

    static List<JsonElement> documents(Path file) throws IOException {
        return documents(Files.readString(file), file.toString());
    }

    static List<JsonElement> documents(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        var yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options));
        List<JsonElement> out = new ArrayList<>();
        try {
            for (Object document : yaml.loadAll(text)) {
                if (document != null) {
                    out.add(toJson(document, source));
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static JsonElement toJson(Object value, String source) {
        return switch (value) {
            case null -> JsonNull.INSTANCE;
            case Map<?, ?> map -> {
                JsonObject o = new JsonObject();
                map.forEach((k, v) -> {
                    if (!(k instanceof String key)) {
                        throw new IllegalArgumentException(source + ": a key that is not a string: " + k);
                    }
                    o.add(key, toJson(v, source));
                });
                yield o;
            }
            case List<?> list -> {
                JsonArray a = new JsonArray();
                list.forEach(v -> a.add(toJson(v, source)));
                yield a;
            }
            case String s -> new JsonPrimitive(s);
            case Boolean b -> new JsonPrimitive(b);
            case Number n -> new JsonPrimitive(n);
            // Timestamps, binary and the like have no place in these manifests.
            default -> throw new IllegalArgumentException(source + ": unexpected YAML value of "
                    + value.getClass().getSimpleName() + ": " + value);
        };
    }
}
