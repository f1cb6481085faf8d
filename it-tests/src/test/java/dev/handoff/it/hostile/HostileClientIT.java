package dev.handoff.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.netns.Bridge;
import dev.handoff.it.netns.NetworkNamespace;
import dev.handoff.it.serve.HandoffProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hostile clients over the wire: {@code ./handoff serve} in a network namespace of its own, and a client
 * namespace on the same bridge holding a listed, an "other" and an unlisted address, from which
 * {@link HostileChecks} sends hand-made calls (forged handles, escapes, unlisted callers on every procedure,
 * unprivileged ports, squashing, oversize credentials, NLM/NSM calls against another client's lock, the admin
 * API without its token). Each check prints a line; the test fails listing every check that did not pass.
 *
 * <pre>
 *   [server ns: eth0 10.91.0.1] --veth-- [hub: br0] --veth-- [client ns: eth0 10.91.0.2 .3 .4]
 * </pre>
 */
class HostileClientIT {
    private static final Duration CHECKS_LIMIT = Duration.ofSeconds(120);

    @Test
    void hostileClientsGetNothingTheyAreNotListedFor() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireTool("/usr/sbin/rpcinfo", "rpcbind");
        Path base = Files.createTempDirectory("handoff-hostile-it");
        Path work = Files.createTempDirectory("handoff-hostile-state");
        HostileTree tree = new HostileTree(base);
        tree.create();
        List<Checks.Line> lines = new ArrayList<>();
        String output;
        try (Bridge bridge = Bridge.create("hostile-hub");
             NetworkNamespace serverNs = NetworkNamespace.create("hostile-srv");
             NetworkNamespace clientNs = NetworkNamespace.create("hostile-cli")) {
            bridge.attach(serverNs, HostileTree.SERVER + "/24");
            bridge.attach(clientNs, HostileTree.LISTED + "/24");
            clientNs.exec("ip", "addr", "add", HostileTree.UNLISTED + "/24", "dev", Bridge.INTERFACE);
            clientNs.exec("ip", "addr", "add", HostileTree.OTHER + "/24", "dev", Bridge.INTERFACE);
            try (HandoffProcess server = serve(serverNs, tree, work)) {
                output = runChecks(clientNs, base, work);
                assertThat(server.log()).as("server log").doesNotContain("Exception in thread");
            }
        }
        boolean done = false;
        for (String line : output.split("\n")) {
            Checks.Line.parse(line).ifPresent(lines::add);
            done |= line.startsWith("DONE ");
        }
        lines.forEach(l -> System.out.println((l.passed() ? "PASS " : "FAIL ") + l.name() + "  " + l.detail()));
        List<String> failed = lines.stream().filter(l -> !l.passed()).map(l -> l.name() + ": " + l.detail())
                .toList();
        assertThat(done).as("the checks ran to their end (output in %s):%n%s", work, output).isTrue();
        assertThat(failed).as("failed checks (server log in %s)", work).isEmpty();
        assertThat(lines).as("checks run").hasSizeGreaterThan(60);
        deleteTree(base);
        deleteTree(work);
    }

    private static HandoffProcess serve(NetworkNamespace ns, HostileTree tree, Path work) throws Exception {
        HandoffProcess p = HandoffProcess.start(ns, work.resolve("server.log"),
                "--exports", tree.exportsFile().toString(), "--bind", HostileTree.SERVER,
                "--state-dir", work.resolve("state").toString(), "--grace", "0",
                "--nlm-port", Integer.toString(HostileTree.NLM_PORT),
                "--nsm-port", Integer.toString(HostileTree.NSM_PORT),
                "--admin", HostileTree.SERVER + ":" + HostileTree.ADMIN_PORT,
                "--admin-token-file", tree.tokenFile().toString());
        try {
            p.awaitReady(Duration.ofSeconds(120), () -> {
                ns.exec("rpcinfo", "-t", HostileTree.SERVER, "nfs", "3");
                ns.exec("rpcinfo", "-t", HostileTree.SERVER, "nlockmgr", "4");
            });
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** {@link HostileChecks} in the client namespace, on this JVM's JDK and class path; output through a file. */
    private static String runChecks(NetworkNamespace ns, Path base, Path work) throws Exception {
        Path out = work.resolve("checks.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Failsafe runs tests from a manifest-only jar; this property holds the real class path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = ns.command(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                HostileChecks.class.getName(), base.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(CHECKS_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
        }
        return Files.readString(out);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
