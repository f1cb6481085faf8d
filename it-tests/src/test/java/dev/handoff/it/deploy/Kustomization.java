package dev.handoff.it.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code kustomization.yaml} limited to what deploy/kubernetes uses: {@code resources} (files or directories
 * holding a kustomization) and {@code patches} (a file, with a {@code target} for JSON 6902 patches). Any other
 * field fails loudly, so a manifest never relies on a feature this renderer would silently skip.
 */
record Kustomization(List<String> resources, List<Patch> patches) {
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches");
    private static final Set<String> PATCH_FIELDS = Set.of("path", "target");
    private static final Set<String> TARGET_FIELDS = Set.of("group", "version", "kind", "name");

    /** A patch file; {@code target} selects the object of a JSON 6902 patch. */
    record Patch(String path, Optional<Target> target) {
    }

    record Target(String group, String version, String kind, String name) {
        boolean matches(JsonObject object) {
            String apiVersion = group.isEmpty() ? version : group + "/" + version;
            return object.get("apiVersion").getAsString().equals(apiVersion)
                    && object.get("kind").getAsString().equals(kind)
                    && object.getAsJsonObject("metadata").get("name").getAsString().equals(name);
        }
    }

    static Kustomization read(Path dir) throws IOException {
        Path file = dir.resolve("kustomization.yaml");
        List<JsonElement> docs = Yaml.documents(file);
        if (docs.size() != 1 || !docs.getFirst().isJsonObject()) {
            throw new IllegalArgumentException(file + ": one mapping expected");
        }
        JsonObject k = docs.getFirst().getAsJsonObject();
        onlyFields(k, FIELDS, file);
        if (!"Kustomization".equals(text(k, "kind")) || !"kustomize.config.k8s.io/v1beta1".equals(text(k, "apiVersion"))) {
            throw new IllegalArgumentException(file + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        List<String> resources = new ArrayList<>();
        if (k.has("resources")) {
            k.getAsJsonArray("resources").forEach(r -> resources.add(r.getAsString()));
        }
        List<Patch> patches = new ArrayList<>();
        if (k.has("patches")) {
            for (JsonElement e : k.getAsJsonArray("patches")) {
                JsonObject p = e.getAsJsonObject();
                onlyFields(p, PATCH_FIELDS, file);
                Optional<Target> target = Optional.empty();
                if (p.has("target")) {
                    JsonObject t = p.getAsJsonObject("target");
                    onlyFields(t, TARGET_FIELDS, file);
                    target = Optional.of(new Target(textOr(t, "group"), text(t, "version"), text(t, "kind"),
                            text(t, "name")));
                }
                patches.add(new Patch(text(p, "path"), target));
            }
        }
        return new Kustomization(List.copyOf(resources), List.copyOf(patches));
    }

    private static void onlyFields(JsonObject o, Set<String> allowed, Path file) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(file + ": field '" + key + "' is not supported by this renderer "
                        + "(it implements " + allowed + ")");
            }
        }
    }

    private static String text(JsonObject o, String key) {
        if (!o.has(key)) {
            throw new IllegalArgumentException("missing field " + key + " in " + o);
        }
        return o.get(key).getAsString();
    }

    private static String textOr(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsString() : "";
    }
}
