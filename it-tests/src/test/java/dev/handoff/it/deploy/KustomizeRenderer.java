package dev.handoff.it.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization directory as {@code kubectl kustomize} would for the subset in {@link Kustomization}:
 * resources in order (a directory is rendered first), then each patch. A patch file holding a list is a JSON
 * 6902 patch applied to its target; one holding an object is a strategic-merge patch applied to the object of
 * the same apiVersion, kind and name. A patch that matches nothing, or two objects with one identity, fails.
 */
final class KustomizeRenderer {
    private KustomizeRenderer() {
    }

    static List<JsonObject> render(Path dir) throws IOException {
        Kustomization k = Kustomization.read(dir);
        List<JsonObject> objects = new ArrayList<>();
        for (String resource : k.resources()) {
            Path p = dir.resolve(resource).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(render(p));
            } else {
                for (JsonElement doc : Yaml.documents(p)) {
                    if (!doc.isJsonObject()) {
                        throw new IllegalArgumentException(p + ": a resource document must be an object");
                    }
                    objects.add(doc.getAsJsonObject());
                }
            }
        }
        checkUnique(objects, dir);
        for (Kustomization.Patch patch : k.patches()) {
            Path p = dir.resolve(patch.path());
            List<JsonElement> docs = Yaml.documents(p);
            if (docs.size() != 1) {
                throw new IllegalArgumentException(p + ": one patch document expected");
            }
            JsonElement body = docs.getFirst();
            if (body instanceof JsonArray ops) {
                Kustomization.Target target = patch.target().orElseThrow(() ->
                        new IllegalArgumentException(p + ": a JSON 6902 patch needs a target"));
                JsonPatch.apply(only(objects, target::matches, p), ops);
            } else {
                JsonObject smp = body.getAsJsonObject();
                JsonObject match = only(objects, o -> id(o).equals(id(smp))
                        && patch.target().map(t -> t.matches(o)).orElse(true), p);
                StrategicMerge.merge(match, smp);
            }
        }
        return objects;
    }

    private static JsonObject only(List<JsonObject> objects, java.util.function.Predicate<JsonObject> test, Path p) {
        List<JsonObject> hits = objects.stream().filter(test).toList();
        if (hits.size() != 1) {
            throw new IllegalArgumentException(p + ": the patch matches " + hits.size() + " objects, not one");
        }
        return hits.getFirst();
    }

    /** apiVersion, kind and name: what kustomize keys resources by (no namespaces are used here). */
    static String id(JsonObject o) {
        for (String key : List.of("apiVersion", "kind", "metadata")) {
            if (!o.has(key)) {
                throw new IllegalArgumentException("an object without " + key + ": " + o);
            }
        }
        return o.get("apiVersion").getAsString() + " " + o.get("kind").getAsString() + " "
                + o.getAsJsonObject("metadata").get("name").getAsString();
    }

    private static void checkUnique(List<JsonObject> objects, Path dir) {
        Set<String> seen = new HashSet<>();
        for (JsonObject o : objects) {
            if (!seen.add(id(o))) {
                throw new IllegalArgumentException(dir + ": " + id(o) + " is defined twice");
            }
        }
    }
}
