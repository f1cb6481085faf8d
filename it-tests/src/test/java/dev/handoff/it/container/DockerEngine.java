package dev.handoff.it.container;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker engine the container tests run on. A fresh machine of the kind the tests run on has Docker
 * installed by {@code scripts/install-test-deps.sh} but no engine running, and no service manager to start one:
 * when {@code docker info} gets no answer, this starts {@code dockerd} on the default socket and stops it (by
 * its own process, never by name) when closed. An engine that already runs is used and left running. Without
 * an engine the test is skipped loudly, or fails under {@code CI=true} ({@link Prerequisites}).
 */
final class DockerEngine implements AutoCloseable {
    private static final Path DOCKERD = Path.of("/usr/sbin/dockerd");
    private static final Duration START = Duration.ofSeconds(60);

    private final Process started;

    private DockerEngine(Process started) {
        this.started = started;
    }

    static DockerEngine require() throws Exception {
        if (answers()) {
            return new DockerEngine(null);
        }
        Prerequisites.require(Files.isExecutable(DOCKERD), "a Docker engine (" + DOCKERD + ")",
                "apt-get install docker.io (scripts/install-test-deps.sh does it)");
        Prerequisites.requireRoot();
        Path log = Files.createTempFile("handoff-dockerd", ".log");
        Process dockerd = new ProcessBuilder(DOCKERD.toString(), "--host", "unix:///var/run/docker.sock",
                // Left alone, dockerd turns the host's FORWARD policy to DROP and loads br_netfilter for good,
                // which cuts every other test's bridged namespaces off; the test's containers need no NAT.
                "--iptables=false", "--ip6tables=false")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + START.toNanos();
        while (dockerd.isAlive() && System.nanoTime() < end) {
            if (answers()) {
                System.out.println("started dockerd (pid " + dockerd.pid() + ", log " + log + ")");
                return new DockerEngine(dockerd);
            }
            Thread.sleep(250);
        }
        stop(dockerd);
        Prerequisites.require(false, "a Docker engine that starts",
                "dockerd gave no answer within " + START.toSeconds() + " s; its log:\n" + tail(Files.readString(log)));
        throw new IllegalStateException("unreachable");
    }

    private static boolean answers() throws Exception {
        try {
            return ToolRun.run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Duration.ofSeconds(20))
                    .succeeded();
        } catch (java.io.IOException noCli) {
            return false;
        }
    }

    private static void stop(Process dockerd) throws InterruptedException {
        dockerd.destroy(); // SIGTERM: dockerd stops its containers' shims and removes its socket and pid file
        if (!dockerd.waitFor(30, TimeUnit.SECONDS)) {
            dockerd.destroyForcibly().waitFor();
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "...\n" + text.substring(text.length() - 4000);
    }

    @Override
    public void close() throws InterruptedException {
        if (started != null) {
            stop(started);
        }
    }
}
