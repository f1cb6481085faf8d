package dev.handoff.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.handoff.cluster.address.IpPrefix;
import dev.handoff.it.Prerequisites;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/kubernetes rendered (base and each overlay), loaded strictly, and cross-checked: what each object names
 * exists, and what the pod runs is a command line {@code handoff} accepts, with the ports, paths and probes it
 * actually serves.
 */
class KubernetesManifestsTest {
    private static final Path KUBERNETES = Prerequisites.repositoryRoot().resolve("deploy/kubernetes");

    private static Manifests render(String dir) throws IOException {
        return Manifests.render(KUBERNETES.resolve(dir));
    }

    private static V1PodSpec pod(Manifests m) {
        return m.statefulSet("handoff").getSpec().getTemplate().getSpec();
    }

    private static V1Container container(Manifests m) {
        assertThat(pod(m).getContainers()).extracting(V1Container::getName).containsExactly("handoff");
        return pod(m).getContainers().getFirst();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/bare-metal-vip", "overlays/external-address"})
    void everyObjectLoadsStrictlyAndNamesWhatExists(String dir) throws IOException {
        Manifests m = render(dir);
        V1StatefulSet sts = m.statefulSet("handoff");
        Map<String, String> podLabels = sts.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(sts.getSpec().getSelector().getMatchLabels());
        m.budgets().forEach(b -> assertThat(podLabels).containsAllEntriesOf(b.getSpec().getSelector().getMatchLabels()));
        m.services().forEach(s -> assertThat(podLabels).containsAllEntriesOf(s.getSpec().getSelector()));
        m.podMonitors().forEach(p -> assertThat(podLabels).containsAllEntriesOf(p.matchLabels()));
        var affinity = pod(m).getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        assertThat(affinity).singleElement().satisfies(term -> {
            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(podLabels).containsAllEntriesOf(term.getLabelSelector().getMatchLabels());
        });
        assertThat(m.budgets()).singleElement().satisfies(b ->
                assertThat(b.getSpec().getMaxUnavailable().getIntValue()).isEqualTo(1));

        V1Container c = container(m);
        assertThat(c.getImage()).isEqualTo("handoff:local");
        List<String> names = pod(m).getVolumes().stream().map(V1Volume::getName).toList();
        assertThat(c.getVolumeMounts()).extracting(V1VolumeMount::getName).allSatisfy(n -> assertThat(names).contains(n));
        for (V1Volume v : pod(m).getVolumes()) {
            if (v.getConfigMap() != null) {
                m.configMap(v.getConfigMap().getName());
            }
            if (v.getPersistentVolumeClaim() != null) {
                assertThat(m.claim(v.getPersistentVolumeClaim().getClaimName()).getSpec().getAccessModes())
                        .containsExactly("ReadWriteMany");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/bare-metal-vip", "overlays/external-address"})
    void theContainerArgumentsParseAsHandoffServe(String dir, @org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        Manifests m = render(dir);
        ServeArgs args = ServeArgs.of(m, tmp);
        var parsed = HandoffCli.parse(args.words()).subcommand();
        assertThat(parsed.commandSpec().name()).isEqualTo("serve");
        assertThat(args.value("--cluster-size")).isEqualTo(m.statefulSet("handoff").getSpec().getReplicas().toString());
        assertThat(args.value("--node")).isEqualTo("handoff-0");
    }

    @Test
    void membersFindEachOtherThroughTheHeadlessService() throws IOException {
        Manifests m = render("base");
        V1StatefulSet sts = m.statefulSet("handoff");
        var svc = m.service(sts.getSpec().getServiceName());
        assertThat(svc.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(svc.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).hasToString(HandoffCli.serveDefault("--cluster-port"));
            assertThat(containerPort(container(m), p.getTargetPort().getStrValue()).getContainerPort())
                    .isEqualTo(p.getPort());
        });
        assertThat(rawArg(container(m), "--cluster-dns"))
                .isEqualTo(svc.getMetadata().getName() + ".$(POD_NAMESPACE).svc.cluster.local");
        assertThat(env(container(m), "POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.namespace");
        assertThat(env(container(m), "NODE").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
    }

    @Test
    void podManagementIsParallelBecauseReadyNeedsQuorum() throws IOException {
        // OrderedReady would create handoff-1 only once handoff-0 is ready, and handoff-0 is ready only with a
        // quorum of two: the cluster would never form.
        Manifests m = render("base");
        assertThat(m.statefulSet("handoff").getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(m.statefulSet("handoff").getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/bare-metal-vip", "overlays/external-address"})
    void containerPortsAreTheServersDefaultsAndProbesHitTheMetricsPort(String dir) throws IOException {
        Manifests m = render(dir);
        V1Container c = container(m);
        for (String option : List.of("--nfs-port", "--mount-port", "--nlm-port", "--nsm-port", "--rpcbind-port")) {
            int port = Integer.parseInt(HandoffCli.serveDefault(option));
            assertThat(c.getPorts()).as(option).filteredOn(p -> p.getContainerPort() == port)
                    .extracting(V1ContainerPort::getProtocol).containsExactlyInAnyOrder("TCP", "UDP");
        }
        int cluster = Integer.parseInt(HandoffCli.serveDefault("--cluster-port"));
        assertThat(containerPort(c, "cluster").getContainerPort()).isEqualTo(cluster);
        int metrics = Integer.parseInt(rawArg(c, "--metrics").replaceFirst(".*:", ""));
        assertThat(rawArg(c, "--metrics")).startsWith("0.0.0.0:");
        assertThat(containerPort(c, "metrics").getContainerPort()).isEqualTo(metrics);
        assertProbe(c, c.getStartupProbe(), "/live", metrics);
        assertProbe(c, c.getLivenessProbe(), "/live", metrics);
        assertProbe(c, c.getReadinessProbe(), "/ready", metrics);
        Map<String, String> annotations = m.statefulSet("handoff").getSpec().getTemplate().getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", Integer.toString(metrics))
                .containsEntry("prometheus.io/path", "/metrics");
        assertThat(m.podMonitors()).singleElement().satisfies(p -> assertThat(p.endpoints()).singleElement()
                .satisfies(e -> {
                    assertThat(containerPort(c, e.port()).getContainerPort()).isEqualTo(metrics);
                    assertThat(e.path()).isEqualTo("/metrics");
                }));
    }

    @Test
    void theHandleKeyComesFromTheDocumentedSecret() throws IOException {
        Manifests m = render("base");
        V1Volume key = pod(m).getVolumes().stream().filter(v -> v.getSecret() != null).findFirst().orElseThrow();
        assertThat(key.getSecret().getSecretName()).isEqualTo("handoff-handle-key");
        assertThat(key.getSecret().getOptional()).isFalse();
        V1VolumeMount mount = mount(container(m), key.getName());
        String item = key.getSecret().getItems().getFirst().getPath();
        assertThat(rawArg(container(m), "--handle-key")).isEqualTo(mount.getMountPath() + "/" + item);
        assertThat(Files.readString(Prerequisites.repositoryRoot().resolve("docs/deploy.md")))
                .contains("create secret generic handoff-handle-key --from-file=" + item);
    }

    @Test
    void theExportIsTheSharedVolumeAndStateIsPerMember() throws IOException {
        Manifests m = render("base");
        V1Container c = container(m);
        String claimVolume = pod(m).getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null)
                .findFirst().orElseThrow().getName();
        String exports = m.configMap("handoff-config").getData().get("exports");
        List<String> exported = exports.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+")[0]).toList();
        assertThat(exported).isNotEmpty().allSatisfy(path -> assertThat(c.getVolumeMounts())
                .anySatisfy(vm -> {
                    assertThat(vm.getName()).isEqualTo(claimVolume);
                    assertThat(vm.getMountPath()).isEqualTo(path);
                }));
        V1VolumeMount state = c.getVolumeMounts().stream()
                .filter(vm -> vm.getMountPath().equals(rawArg(c, "--state-dir"))).findFirst().orElseThrow();
        assertThat(state.getSubPathExpr()).contains("$(NODE)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/bare-metal-vip", "overlays/external-address"})
    void hooksRunRealVerbsAndTheGracePeriodCoversTheDrain(String dir) throws IOException {
        Manifests m = render(dir);
        V1Container c = container(m);
        List<String> drain = Hooks.handoffWords(c.getLifecycle().getPreStop().getExec().getCommand());
        assertThat(drain.subList(0, 3)).containsExactly("node", "drain", "$NODE");
        var parsed = HandoffCli.parse(Hooks.substitute(drain, Map.of("NODE", "handoff-0")));
        var drainCommand = parsed.subcommand().subcommand();
        assertThat(drainCommand.commandSpec().name()).isEqualTo("drain");
        double timeout = ((Number) drainCommand.matchedOption("--timeout").getValue()).doubleValue();
        // After the drain, SIGTERM hands off whatever is left for up to 10 s, then the server stops.
        assertThat(pod(m).getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo((long) Math.ceil(timeout) + 10L + 15L);

        List<String> undrain = Hooks.handoffWords(c.getLifecycle().getPostStart().getExec().getCommand());
        assertThat(undrain.subList(0, 3)).containsExactly("node", "undrain", "$NODE");
        assertThat(HandoffCli.parse(Hooks.substitute(undrain, Map.of("NODE", "handoff-0"))).subcommand().subcommand()
                .commandSpec().name()).isEqualTo("undrain");
    }

    @Test
    void theBuiltLauncherKnowsTheHookVerbs() throws Exception {
        for (String verb : List.of("drain", "undrain")) {
            var run = HandoffCli.launcherHelp("node", verb);
            assertThat(run.succeeded()).as(run.describe()).isTrue();
            assertThat(run.output()).contains("Usage: handoff node " + verb);
        }
        assertThat(HandoffCli.optionsIn(HandoffCli.launcherHelp("node", "drain").output())).contains("--timeout");
    }

    @Test
    void bareMetalVipRunsOnTheNodeNetworkAndMovesAddressesItself() throws IOException {
        Manifests m = render("overlays/bare-metal-vip");
        assertThat(pod(m).getHostNetwork()).isTrue();
        assertThat(pod(m).getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
        V1Container c = container(m);
        assertThat(rawArg(c, "--address-mode")).isEqualTo("linux");
        assertThat(c.getSecurityContext().getCapabilities().getAdd()).containsExactlyInAnyOrder(
                "NET_ADMIN", "NET_RAW", "NET_BIND_SERVICE", "DAC_READ_SEARCH", "SETUID", "SETGID");
        List<String> vips = m.configMap("handoff-config").getData().get("vips.args").lines()
                .filter(l -> l.startsWith("--vip=")).toList();
        assertThat(vips).hasSize(3);
        int replicas = m.statefulSet("handoff").getSpec().getReplicas();
        for (String vip : vips) {
            // The same parser serve uses: a VIP with a bad address or prefix fails here, not at a pod's start.
            assertThat(IpPrefix.parse(vip.substring("--vip=".length(), vip.indexOf('@'))).prefixLength()).isEqualTo(24);
            for (String node : vip.substring(vip.indexOf('@') + 1).split(",")) {
                assertThat(Integer.parseInt(node.replace("handoff-", ""))).as(vip).isBetween(0, replicas - 1);
            }
        }
    }

    @Test
    void externalAddressRunsOnThePodNetworkBehindALoadBalancer() throws IOException {
        Manifests m = render("overlays/external-address");
        assertThat(pod(m).getHostNetwork()).isFalse();
        assertThat(pod(m).getDnsPolicy()).isEqualTo("ClusterFirst");
        V1Container c = container(m);
        assertThat(rawArg(c, "--address-mode")).isEqualTo("manual");
        assertThat(c.getSecurityContext().getCapabilities().getAdd()).doesNotContain("NET_ADMIN", "NET_RAW");
        assertThat(m.configMap("handoff-config").getData().get("vips.args")).doesNotContain("--vip");
        var lb = m.service("handoff");
        assertThat(lb.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(lb.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
        assertThat(lb.getSpec().getPorts()).hasSize(10).allSatisfy(p -> {
            V1ContainerPort target = containerPort(c, p.getTargetPort().getStrValue());
            assertThat(target.getContainerPort()).isEqualTo(p.getPort());
            assertThat(target.getProtocol()).isEqualTo(p.getProtocol());
        });
        assertThat(render("base").findService("handoff")).isEmpty();
    }

    @Test
    void strictLoadingRejectsUnknownAndMissingFields() throws IOException {
        List<JsonObject> objects = KustomizeRenderer.render(KUBERNETES.resolve("base"));
        JsonObject sts = objects.stream().filter(o -> o.get("kind").getAsString().equals("StatefulSet")).findFirst()
                .orElseThrow();
        JsonObject misspelt = sts.deepCopy();
        misspelt.getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("spec")
                .addProperty("hostNetwrok", true);
        assertThatThrownBy(() -> Manifests.load(List.of(misspelt))).hasMessageContaining("hostNetwrok");
        JsonObject nameless = sts.deepCopy();
        nameless.getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("spec")
                .getAsJsonArray("containers").get(0).getAsJsonObject().remove("name");
        assertThatThrownBy(() -> Manifests.load(List.of(nameless))).hasMessageContaining("name");
        JsonObject unknownKind = sts.deepCopy();
        unknownKind.addProperty("kind", "Deployment");
        assertThatThrownBy(() -> Manifests.load(List.of(unknownKind))).hasMessageContaining("no strict model");
    }

    private static void assertProbe(V1Container c, V1Probe probe, String path, int metrics) {
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(containerPort(c, probe.getHttpGet().getPort().getStrValue()).getContainerPort()).isEqualTo(metrics);
    }

    static V1ContainerPort containerPort(V1Container c, String name) {
        return c.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    private static V1VolumeMount mount(V1Container c, String volume) {
        return c.getVolumeMounts().stream().filter(v -> v.getName().equals(volume)).findFirst().orElseThrow();
    }

    static V1EnvVar env(V1Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    /** The value of {@code --option=value} as written in the manifest (no substitution). */
    static String rawArg(V1Container c, String option) {
        return c.getArgs().stream().filter(a -> a.startsWith(option + "=")).map(a -> a.substring(option.length() + 1))
                .reduce((a, b) -> {
                    throw new AssertionError(option + " given twice");
                }).orElseThrow(() -> new AssertionError("no " + option + " in " + c.getArgs()));
    }
}
