package dev.handoff.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** deploy/systemd: the units pass systemd's own checker, and the sample configuration is a valid command line. */
class SystemdUnitTest {
    private static final Path ROOT = Prerequisites.repositoryRoot();
    private static final Path SYSTEMD = ROOT.resolve("deploy/systemd");
    private static final Path SAMPLE = SYSTEMD.resolve("etc-handoff");
    private static final List<String> UNITS = List.of("handoff.service", "handoff-witness.service");

    @Test
    void unitsPassSystemdAnalyzeVerify(@TempDir Path tmp) throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(analyze)) {
            System.err.println("*** SKIPPED: " + analyze + " is missing (apt-get install systemd); the units are not "
                    + "verified");
        }
        Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze missing");
        // verify checks that ExecStart's program exists: point the copies at this checkout's launcher.
        for (String unit : UNITS) {
            Files.writeString(tmp.resolve(unit), Files.readString(SYSTEMD.resolve(unit))
                    .replace(ServeArgs.LAUNCHER, ROOT.resolve("handoff").toString()));
        }
        List<String> command = new java.util.ArrayList<>(List.of(analyze.toString(), "verify"));
        UNITS.forEach(u -> command.add(tmp.resolve(u).toString()));
        ToolRun run = ToolRun.run(command, Duration.ofSeconds(60), tmp);
        assertThat(run.exitCode()).as(run.describe()).isZero();
        // Unknown keys and bad values are only warnings (exit 0): any line about our units fails the test.
        assertThat(run.output().lines().filter(l -> l.contains("handoff"))).as(run.describe()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"handoff.service, node1.env, serve", "handoff.service, node2.env, serve",
            "handoff-witness.service, witness.env, witness"})
    void theSampleConfigurationParsesAsTheUnitsCommandLine(String unit, String nodeEnv, String verb) throws IOException {
        List<String> words = execStart(unit, nodeEnv);
        assertThat(words.getFirst()).isEqualTo(ServeArgs.LAUNCHER);
        var parsed = HandoffCli.parse(words.subList(1, words.size())).subcommand();
        assertThat(parsed.commandSpec().name()).isEqualTo(verb);
        assertThat(parsed.matchedOptionValue("--node", "")).isEqualTo(nodeEnv.replace(".env", ""));
    }

    @Test
    void everySampleOptionIsListedByTheBuiltServeHelp() throws Exception {
        Set<String> listed = HandoffCli.optionsIn(HandoffCli.launcherHelp("serve").output());
        assertThat(listed).contains("--cluster-dns", "--address-mode", "--metrics");
        for (String env : List.of("node1.env", "node2.env")) {
            List<String> options = execStart("handoff.service", env).stream().filter(w -> w.startsWith("--"))
                    .map(w -> w.replaceFirst("=.*", "")).toList();
            assertThat(listed).as(env).containsAll(options);
        }
        Set<String> witness = HandoffCli.optionsIn(HandoffCli.launcherHelp("witness").output());
        assertThat(witness).containsAll(execStart("handoff-witness.service", "witness.env").stream()
                .filter(w -> w.startsWith("--")).map(w -> w.replaceFirst("=.*", "")).toList());
    }

    @Test
    void bothNodesShareTheClusterFileAndTheWitnessCountsForQuorum() throws IOException {
        Map<String, String> cluster = read("cluster.env");
        String members = cluster.get("HANDOFF_CLUSTER_ARGS").replaceFirst(".*--cluster=(\\S+).*", "$1");
        for (String env : List.of("node1.env", "node2.env", "witness.env")) {
            String bind = read(env).get("HANDOFF_NODE_ARGS").replaceFirst(".*--bind=(\\S+).*", "$1");
            assertThat(members.split(",")).as(env).contains(bind);
        }
        assertThat(members.split(",")).hasSize(3);
    }

    /** ExecStart of {@code unit} with its EnvironmentFile= lines read from the sample directory. */
    private static List<String> execStart(String unit, String nodeEnv) throws IOException {
        String text = Files.readString(SYSTEMD.resolve(unit));
        Map<String, String> env = new HashMap<>();
        String exec = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("EnvironmentFile=")) {
                String file = Path.of(line.substring("EnvironmentFile=".length())).getFileName().toString();
                env.putAll(read(file.equals("node.env") ? nodeEnv : file));
            } else if (line.startsWith("ExecStart=")) {
                exec = line.substring("ExecStart=".length());
            }
        }
        assertThat(exec).as(unit + " ExecStart").isNotNull();
        return EnvironmentFile.expand(exec, env);
    }

    private static Map<String, String> read(String file) throws IOException {
        return EnvironmentFile.parse(Files.readString(SAMPLE.resolve(file)), file);
    }
}
