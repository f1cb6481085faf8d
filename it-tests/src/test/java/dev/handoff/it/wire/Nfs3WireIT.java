package dev.handoff.it.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.netns.NetworkNamespace;
import dev.handoff.it.serve.HandoffProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every NFSv3 procedure and every reachable error, through an independent client (com.emc.ecs:nfs-client),
 * against {@code ./handoff serve --exports FILE} in a fresh network namespace: the checks of
 * {@link Nfs3WireChecks} run there before a restart of the server, after it, and after an exports reload that
 * removes one export. Each check is printed; the test fails listing every check that did not pass.
 */
class Nfs3WireIT {
    private static final Logger log = LoggerFactory.getLogger(Nfs3WireIT.class);
    private static final String SERVER = "127.0.0.1";
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(2);

    @Test
    void everyProcedureAndErrorAnswersOverTheWireAsRfc1813Says() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireTool("/usr/sbin/rpcinfo", "rpcbind");
        WireProcesses.buildServer();
        Path base = Files.createTempDirectory("handoff-wire-it");
        WireTree tree = new WireTree(base);
        Map<String, Long> millis = new LinkedHashMap<>();
        List<CheckLine> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        HandoffProcess server = null;
        try (NetworkNamespace ns = NetworkNamespace.create("handoff-wire")) {
            tree.create();
            server = timed(millis, "start", () -> serve(ns, tree, 1));
            timed(millis, "checks main", () -> phase(ns, tree, "main", lines, problems));

            HandoffProcess stopping = server;
            server = null;
            server = timed(millis, "restart", () -> {
                assertThat(stopping.interrupt(Duration.ofSeconds(15))).as("exit code after SIGINT").isZero();
                return serve(ns, tree, 2);
            });
            timed(millis, "checks after-restart", () -> phase(ns, tree, "after-restart", lines, problems));

            timed(millis, "reload", () -> {
                Files.writeString(tree.exportsFile(), tree.exports(false));
                return ns.exec(Prerequisites.repositoryRoot().resolve("handoff").toString(), "exports", "reload");
            });
            timed(millis, "checks after-reload", () -> phase(ns, tree, "after-reload", lines, problems));
        } finally {
            if (server != null) {
                server.close();
            }
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        String timing = "Nfs3WireIT took " + total + " ms: " + millis.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
        lines.forEach(l -> System.out.println(l.format()));
        log.info("{} checks, {} failed; {}", lines.size(), lines.stream().filter(l -> !l.passed()).count(), timing);

        List<String> failed = lines.stream().filter(l -> !l.passed()).map(CheckLine::format).toList();
        assertThat(problems).as("the checks program itself (server logs in %s)", base).isEmpty();
        assertThat(failed).as("failed checks (server logs in %s)", base).isEmpty();
        assertThat(lines).as("checks run").hasSizeGreaterThan(100);
        deleteTree(base);
    }

    private HandoffProcess serve(NetworkNamespace ns, WireTree tree, int n) throws Exception {
        HandoffProcess p = HandoffProcess.start(ns, tree.base().resolve("server-" + n + ".log"),
                "--exports", tree.exportsFile().toString(), "--bind", SERVER,
                "--state-dir", tree.base().resolve("state").toString());
        try {
            p.awaitReady(Duration.ofSeconds(120), () -> {
                ns.exec("rpcinfo", "-t", SERVER, "nfs", "3");
                ns.exec("rpcinfo", "-t", SERVER, "mountd", "3");
            });
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
        return p;
    }

    /** Runs one phase of the checks; a phase that did not reach its end is a problem of its own. */
    private static Void phase(NetworkNamespace ns, WireTree tree, String phase, List<CheckLine> lines,
                              List<String> problems) throws Exception {
        WireProcesses.Result r = WireProcesses.runChecks(ns, tree, phase, SERVER, PHASE_LIMIT);
        lines.addAll(r.checks());
        if (!r.completed()) {
            problems.add("phase " + phase + " did not complete (exit " + r.exitCode() + "):\n" + r.output());
        }
        return null;
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T timed(Map<String, Long> millis, String name, Step<T> step) throws Exception {
        long t0 = System.nanoTime();
        try {
            return step.run();
        } finally {
            millis.put(name, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static void deleteTree(Path base) throws Exception {
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
