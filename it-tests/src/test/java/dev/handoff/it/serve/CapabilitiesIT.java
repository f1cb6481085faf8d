package dev.handoff.it.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.ToolRun;
import dev.handoff.it.netns.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without the capabilities it needs, serve says so and what it does instead; it never silently acts for
 * clients as itself. Capabilities are dropped with capsh, as a unit file or a container would.
 */
class CapabilitiesIT {

    private static List<String> serveWithout(NetworkNamespace ns, String caps, Path export, Path state) {
        return ns.command("capsh", "--drop=" + caps, "--", "-c", "HANDOFF_NO_BUILD=1 "
                + Prerequisites.repositoryRoot().resolve("handoff") + " serve --bind 127.0.0.1 --admin 0 --export "
                + export + " --state-dir " + state);
    }

    @Test
    void withoutDacReadSearchServeRefusesToStartAndSaysHowToGrantIt() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireTool("/usr/sbin/capsh", "libcap2-bin");
        HandoffBuild.ensureBuilt();
        Path dir = Files.createTempDirectory("handoff-caps-it");
        try (NetworkNamespace ns = NetworkNamespace.create("handoff-caps")) {
            ToolRun run = ToolRun.run(serveWithout(ns, "cap_dac_read_search", dir, dir.resolve("state")),
                    Duration.ofSeconds(60), Prerequisites.repositoryRoot());
            assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
            assertThat(run.output()).contains("CAP_DAC_READ_SEARCH is missing").contains("setcap");
        }
    }

    @Test
    void withoutSetuidServeWarnsOfDegradedModeAndStillServes() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireTool("/usr/sbin/capsh", "libcap2-bin");
        Prerequisites.requireTool("/usr/sbin/rpcinfo", "rpcbind");
        HandoffBuild.ensureBuilt();
        Path dir = Files.createTempDirectory("handoff-caps-it");
        Path log = dir.resolve("server.log");
        try (NetworkNamespace ns = NetworkNamespace.create("handoff-caps")) {
            Process p = new ProcessBuilder(serveWithout(ns, "cap_setuid,cap_setgid", dir, dir.resolve("state")))
                    .directory(Prerequisites.repositoryRoot().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(log).contains("serving NFSv3") && System.nanoTime() < end && p.isAlive()) {
                    Thread.sleep(200);
                }
                assertThat(Files.readString(log)).contains("degraded mode").contains("SETUID")
                        .contains("fail with NFS3ERR_PERM").contains("serving NFSv3");
            } finally {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
