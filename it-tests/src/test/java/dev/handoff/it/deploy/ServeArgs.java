package dev.handoff.it.deploy;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line the kubelet would start for pod handoff-0: {@code $(VAR)} references replaced from the
 * container's env (downward-API fields get sample values), and each {@code @FILE} argument pointed at a copy of
 * the ConfigMap key mounted at that path, so that picocli reads what the pod would read.
 */
record ServeArgs(List<String> words) {
    static final String LAUNCHER = "/opt/handoff/handoff";
    private static final Pattern REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Map<String, String> FIELDS = Map.of(
            "metadata.name", "handoff-0", "metadata.namespace", "handoff", "status.podIP", "192.0.2.11");

    static ServeArgs of(Manifests m, Path tmp) throws IOException {
        V1PodSpec pod = m.statefulSet("handoff").getSpec().getTemplate().getSpec();
        V1Container c = pod.getContainers().getFirst();
        if (!c.getCommand().equals(List.of(LAUNCHER))) {
            throw new AssertionError("the container runs " + c.getCommand() + ", not " + LAUNCHER);
        }
        List<String> words = new ArrayList<>();
        for (String arg : c.getArgs()) {
            String expanded = expand(arg, c);
            words.add(expanded.startsWith("@") ? "@" + copyOfMounted(expanded.substring(1), m, pod, c, tmp) : expanded);
        }
        return new ServeArgs(List.copyOf(words));
    }

    /** The value of the last {@code --option=value}. */
    String value(String option) {
        return words.stream().filter(w -> w.startsWith(option + "=")).reduce((a, b) -> b)
                .map(w -> w.substring(option.length() + 1)).orElseThrow(() -> new AssertionError("no " + option));
    }

    private static String expand(String arg, V1Container c) {
        Matcher m = REF.matcher(arg);
        return m.replaceAll(r -> Matcher.quoteReplacement(envValue(c, r.group(1))));
    }

    private static String envValue(V1Container c, String name) {
        V1EnvVar e = c.getEnv().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("$(" + name + ") names no env of the container; the kubelet "
                        + "would pass it on literally"));
        if (e.getValue() != null) {
            return e.getValue();
        }
        String field = e.getValueFrom().getFieldRef().getFieldPath();
        if (!FIELDS.containsKey(field)) {
            throw new AssertionError("no sample value for the downward-API field " + field);
        }
        return FIELDS.get(field);
    }

    private static Path copyOfMounted(String file, Manifests m, V1PodSpec pod, V1Container c, Path tmp)
            throws IOException {
        for (V1VolumeMount vm : c.getVolumeMounts()) {
            if (file.startsWith(vm.getMountPath() + "/")) {
                V1Volume v = pod.getVolumes().stream().filter(x -> x.getName().equals(vm.getName())).findFirst()
                        .orElseThrow();
                if (v.getConfigMap() == null) {
                    throw new AssertionError(file + " is on volume " + v.getName() + ", not a ConfigMap");
                }
                String key = file.substring(vm.getMountPath().length() + 1);
                String data = m.configMap(v.getConfigMap().getName()).getData().get(key);
                if (data == null) {
                    throw new AssertionError("ConfigMap " + v.getConfigMap().getName() + " has no key " + key);
                }
                Path copy = Files.createTempFile(tmp, "args", ".txt");
                Files.writeString(copy, data);
                return copy;
            }
        }
        throw new AssertionError(file + " is on no volume mount");
    }
}
