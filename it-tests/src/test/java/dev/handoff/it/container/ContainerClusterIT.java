package dev.handoff.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.it.Prerequisites;
import dev.handoff.it.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The container image runs a cluster: three {@code handoff:local} members on a Docker network form a quorum,
 * the VIP serves NFS to the host (libnfs, over the test's network only), moves on {@code handoff vip move} run
 * inside a member, and is taken over when its owner's container is killed, serving the same file through the
 * same shared export and handle key. Prints how long each step took.
 */
class ContainerClusterIT {
    private static final String NFS_CP = "/usr/bin/nfs-cp";
    private static final String NFS_CAT = "/usr/bin/nfs-cat";
    private static final String CONTENT = "written through the VIP before any move\n";

    @Test
    void imageRunsAClusterWhoseVipMovesOnRequestAndSurvivesItsOwnersContainerKilled() throws Exception {
        Prerequisites.requireTool(NFS_CP, "libnfs-utils");
        Prerequisites.requireTool(NFS_CAT, "libnfs-utils");
        try (DockerEngine _ = DockerEngine.require()) {
            HandoffImage.ensureBuilt();
            Path base = Files.createTempDirectory("handoff-container-it");
            try (ContainerCluster cluster = ContainerCluster.create(base)) {
                long t0 = System.nanoTime();
                cluster.startAll();
                System.out.println("three members ready (quorum) after " + millis(t0) + " ms");
                try {
                    exercise(cluster, base);
                } catch (AssertionError | Exception e) {
                    throw new AssertionError(e.getMessage() + "\n" + cluster.logs(), e);
                }
            }
        }
    }

    private static void exercise(ContainerCluster cluster, Path base) throws Exception {
        for (int node = 0; node < ContainerCluster.SIZE; node++) {
            JsonNode status = cluster.status(node);
            assertThat(status.path("quorum").asBoolean()).as("%s: %s", ContainerCluster.name(node), status).isTrue();
            assertThat(status.path("members")).as("%s: %s", ContainerCluster.name(node), status)
                    .hasSize(ContainerCluster.SIZE);
        }
        int owner = cluster.awaitVipOwner(Duration.ofSeconds(60));

        Path local = Files.writeString(base.resolve("hello.txt"), CONTENT);
        ToolRun copied = ToolRun.run(List.of(NFS_CP, local.toString(), url("hello.txt")), Duration.ofSeconds(60));
        assertThat(copied.succeeded()).as(copied.describe()).isTrue();
        assertThat(Files.readString(base.resolve("export/hello.txt"))).isEqualTo(CONTENT);
        assertThat(readThroughVip()).isEqualTo(CONTENT);

        int target = (owner + 1) % ContainerCluster.SIZE;
        int bystander = (owner + 2) % ContainerCluster.SIZE;
        long t1 = System.nanoTime();
        // Asked inside a member that is neither end of the move.
        String moved = cluster.cli(bystander, "vip", "move", ContainerCluster.VIP, ContainerCluster.name(target),
                "--wait", "20");
        System.out.println("vip move " + ContainerCluster.name(owner) + " -> " + ContainerCluster.name(target)
                + " took " + millis(t1) + " ms:\n" + moved);
        assertThat(moved).contains("SERVING on " + ContainerCluster.name(target));
        assertThat(cluster.awaitVipOwner(Duration.ofSeconds(10))).isEqualTo(target);
        assertThat(readThroughVip()).isEqualTo(CONTENT);

        long t2 = System.nanoTime();
        cluster.kill(target);
        int survivor = cluster.awaitVipOwner(Duration.ofSeconds(90));
        System.out.println("owner " + ContainerCluster.name(target) + " killed; " + ContainerCluster.name(survivor)
                + " holds the VIP after " + millis(t2) + " ms");
        assertThat(survivor).isNotEqualTo(target);
        // Same export, same key: the handle the file had before the kill resolves on the new owner.
        assertThat(readThroughVip()).isEqualTo(CONTENT);
        System.out.println("served again through the VIP " + millis(t2) + " ms after the kill");
        JsonNode status = cluster.status(survivor);
        assertThat(status.path("quorum").asBoolean()).as("%s", status).isTrue();
        assertThat(status.path("members")).as("%s", status).hasSize(ContainerCluster.SIZE - 1);
    }

    /** The file through the VIP with libnfs, from the host into the test's Docker network. */
    private static String readThroughVip() throws Exception {
        ToolRun cat = ToolRun.run(List.of(NFS_CAT, url("hello.txt")), Duration.ofSeconds(60));
        assertThat(cat.succeeded()).as(cat.describe()).isTrue();
        return cat.output();
    }

    private static String url(String file) {
        return "nfs://" + ContainerCluster.VIP + "/srv/share/" + file + "?version=3";
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
