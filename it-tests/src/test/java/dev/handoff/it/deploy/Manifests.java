package dev.handoff.it.deploy;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rendered kustomization loaded strictly into the Kubernetes client's models: each model's {@code fromJson}
 * rejects a field its schema does not have and a required field that is missing (so does {@link PodMonitor}
 * for the one CRD). A kind not listed here fails: whatever is deployed is checked.
 */
record Manifests(List<V1StatefulSet> statefulSets, List<V1Service> services, List<V1ConfigMap> configMaps,
                 List<V1PersistentVolumeClaim> claims, List<V1PodDisruptionBudget> budgets,
                 List<PodMonitor> podMonitors) {

    static Manifests render(Path kustomizationDir) throws IOException {
        return load(KustomizeRenderer.render(kustomizationDir));
    }

    static Manifests load(List<JsonObject> objects) throws IOException {
        var m = new Manifests(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        for (JsonObject o : objects) {
            String json = o.toString();
            String type = o.get("apiVersion").getAsString() + " " + o.get("kind").getAsString();
            try {
                switch (type) {
                    case "apps/v1 StatefulSet" -> m.statefulSets.add(V1StatefulSet.fromJson(json));
                    case "v1 Service" -> m.services.add(V1Service.fromJson(json));
                    case "v1 ConfigMap" -> m.configMaps.add(V1ConfigMap.fromJson(json));
                    case "v1 PersistentVolumeClaim" -> m.claims.add(V1PersistentVolumeClaim.fromJson(json));
                    case "policy/v1 PodDisruptionBudget" -> m.budgets.add(V1PodDisruptionBudget.fromJson(json));
                    case "monitoring.coreos.com/v1 PodMonitor" -> m.podMonitors.add(PodMonitor.fromJson(o));
                    default -> throw new IllegalArgumentException("no strict model for " + type
                            + "; add one to Manifests before deploying it");
                }
            } catch (IOException | RuntimeException e) {
                throw new IOException(KustomizeRenderer.id(o) + ": " + e.getMessage(), e);
            }
        }
        return m;
    }

    V1StatefulSet statefulSet(String name) {
        return named(statefulSets, s -> s.getMetadata().getName(), name, "StatefulSet");
    }

    V1Service service(String name) {
        return named(services, s -> s.getMetadata().getName(), name, "Service");
    }

    Optional<V1Service> findService(String name) {
        return services.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
    }

    V1ConfigMap configMap(String name) {
        return named(configMaps, c -> c.getMetadata().getName(), name, "ConfigMap");
    }

    V1PersistentVolumeClaim claim(String name) {
        return named(claims, c -> c.getMetadata().getName(), name, "PersistentVolumeClaim");
    }

    private static <T> T named(List<T> list, Function<T, String> name, String wanted, String kind) {
        return list.stream().filter(t -> name.apply(t).equals(wanted)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + wanted + " among "
                        + list.stream().map(name).toList()));
    }
}
