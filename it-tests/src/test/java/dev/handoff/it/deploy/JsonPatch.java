package dev.handoff.it.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Patch (RFC 6902) operations add, remove, replace and test, addressed by JSON Pointer (RFC 6901), as
 * kustomize applies them to a target object. A failed operation (missing path, failed test) fails the render,
 * as it fails {@code kustomize build}.
 */
final class JsonPatch {
    private JsonPatch() {
    }

    /** Applies every operation of {@code ops} to {@code target} in place, in order. */
    static void apply(JsonObject target, JsonArray ops) {
        for (JsonElement e : ops) {
            JsonObject op = e.getAsJsonObject();
            String name = op.get("op").getAsString();
            String path = op.get("path").getAsString();
            switch (name) {
                case "add" -> add(target, path, value(op));
                case "remove" -> remove(target, path);
                case "replace" -> {
                    remove(target, path);
                    add(target, path, value(op));
                }
                case "test" -> {
                    JsonElement found = get(target, path);
                    if (!found.equals(value(op))) {
                        throw new IllegalArgumentException("test " + path + ": expected " + value(op) + ", found "
                                + found);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported JSON patch op " + name
                        + " (this renderer has add, remove, replace, test)");
            }
        }
    }

    private static JsonElement value(JsonObject op) {
        if (!op.has("value")) {
            throw new IllegalArgumentException(op.get("op").getAsString() + " " + op.get("path") + " has no value");
        }
        return op.get("value").deepCopy();
    }

    static JsonElement get(JsonElement root, String path) {
        JsonElement at = root;
        for (String token : tokens(path)) {
            at = child(at, token, path);
        }
        return at;
    }

    private static void add(JsonElement root, String path, JsonElement value) {
        List<String> t = tokens(path);
        JsonElement parent = get(root, pointer(t.subList(0, t.size() - 1)));
        String last = t.getLast();
        if (parent instanceof JsonObject o) {
            o.add(last, value);
        } else if (parent instanceof JsonArray a) {
            if (last.equals("-")) {
                a.add(value);
            } else {
                a.asList().add(index(last, a.size() + 1, path), value);
            }
        } else {
            throw new IllegalArgumentException(path + ": parent is neither object nor array");
        }
    }

    private static void remove(JsonElement root, String path) {
        List<String> t = tokens(path);
        JsonElement parent = get(root, pointer(t.subList(0, t.size() - 1)));
        String last = t.getLast();
        child(parent, last, path);   // must exist
        if (parent instanceof JsonObject o) {
            o.remove(last);
        } else {
            ((JsonArray) parent).remove(index(last, ((JsonArray) parent).size(), path));
        }
    }

    private static JsonElement child(JsonElement at, String token, String path) {
        if (at instanceof JsonObject o && o.has(token)) {
            return o.get(token);
        }
        if (at instanceof JsonArray a) {
            return a.get(index(token, a.size(), path));
        }
        throw new IllegalArgumentException(path + ": no member " + token);
    }

    private static int index(String token, int bound, String path) {
        if (!token.matches("0|[1-9][0-9]*") || Integer.parseInt(token) >= bound) {
            throw new IllegalArgumentException(path + ": bad array index " + token);
        }
        return Integer.parseInt(token);
    }

    /** RFC 6901 §3-4: "/a~1b/~0c" is ["a/b", "~c"]. */
    static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with /: " + pointer);
        }
        List<String> out = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            out.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    private static String pointer(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        tokens.forEach(t -> b.append('/').append(t.replace("~", "~0").replace("/", "~1")));
        return b.toString();
    }
}
