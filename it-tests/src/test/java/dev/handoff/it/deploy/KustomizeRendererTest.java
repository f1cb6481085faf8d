package dev.handoff.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizeRendererTest {
    private static final String HEAD = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";

    @TempDir
    Path dir;

    @BeforeEach
    void base() throws IOException {
        write("base/kustomization.yaml", HEAD + "resources: [cm.yaml, sts.yaml]\n");
        write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1'}\n");
        write("base/sts.yaml", """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: s}
                spec:
                  template:
                    spec:
                      hostNetwork: true
                      containers: [{name: main, args: [serve]}]
                """);
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static JsonObject find(List<JsonObject> objects, String kind) {
        return objects.stream().filter(o -> o.get("kind").getAsString().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void anOverlayAddsResourcesAndAppliesBothPatchKinds() throws IOException {
        write("o/kustomization.yaml", HEAD + """
                resources: [../base, svc.yaml]
                patches:
                  - path: cm.yaml
                  - path: ops.yaml
                    target: {group: apps, version: v1, kind: StatefulSet, name: s}
                """);
        write("o/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: v}\n");
        write("o/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {b: '2'}\n");
        write("o/ops.yaml", "- {op: add, path: /spec/template/spec/containers/0/args/-, value: --x}\n");
        List<JsonObject> out = KustomizeRenderer.render(dir.resolve("o"));
        assertThat(out).extracting(KustomizeRenderer::id)
                .containsExactly("v1 ConfigMap c", "apps/v1 StatefulSet s", "v1 Service v");
        assertThat(find(out, "ConfigMap").get("data").toString()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        assertThat(JsonPatch.get(find(out, "StatefulSet"), "/spec/template/spec/containers/0/args").toString())
                .isEqualTo("[\"serve\",\"--x\"]");
    }

    @Test
    void aFieldOutsideTheSubsetFailsLoudly() throws IOException {
        write("o/kustomization.yaml", HEAD + "resources: [../base]\nnamePrefix: x-\n");
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o")))
                .hasMessageContaining("field 'namePrefix' is not supported");
    }

    @Test
    void aPatchThatMatchesNothingFails() throws IOException {
        write("o/kustomization.yaml", HEAD + "resources: [../base]\npatches: [{path: p.yaml}]\n");
        write("o/p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\ndata: {b: '2'}\n");
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o"))).hasMessageContaining("matches 0 objects");
    }

    @Test
    void aJsonPatchWithoutTargetFails() throws IOException {
        write("o/kustomization.yaml", HEAD + "resources: [../base]\npatches: [{path: p.yaml}]\n");
        write("o/p.yaml", "- {op: remove, path: /spec}\n");
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o"))).hasMessageContaining("needs a target");
    }

    @Test
    void anObjectDefinedTwiceFails() throws IOException {
        write("o/kustomization.yaml", HEAD + "resources: [../base, ../base/cm.yaml]\n");
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("o"))).hasMessageContaining("defined twice");
    }

    @Test
    void duplicateYamlKeysFail() throws IOException {
        write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1', a: '2'}\n");
        assertThatThrownBy(() -> KustomizeRenderer.render(dir.resolve("base"))).hasMessageContaining("duplicate");
    }
}
