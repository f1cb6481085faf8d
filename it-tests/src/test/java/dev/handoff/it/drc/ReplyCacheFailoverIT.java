package dev.handoff.it.drc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import dev.handoff.it.serve.HandoffBuild;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The duplicate reply cache across a crash, on the wire (RFC 1813 §4.4, DESIGN.md §3 and §5): three nodes in
 * cluster mode, a client in its own namespace that speaks MOUNT and NFS from a fixed source port, and per
 * non-idempotent procedure one {@link FailoverRound}: the owner of the VIP runs the call, dies before the client
 * reads the reply, and the node that takes the VIP over must answer the retransmission with the first reply.
 * A control call with a new xid shows that a rerun would have failed, and the new owner's reply-cache hit counter
 * shows that the reply was replayed (for CREATE EXCLUSIVE a rerun with the same verifier would also say OK).
 * Each round prints its takeover time: from the kill until the VIP accepted the client's connection again.
 */
class ReplyCacheFailoverIT {
    private static final int SOURCE_PORT = 870;

    @Test
    void retransmissionsAfterTheOwnerCrashedGetTheFirstReplyFromTheNewOwner() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireTool("/usr/sbin/rpcinfo", "rpcbind");
        Prerequisites.requireTool("/usr/bin/curl", "curl");
        HandoffBuild.ensureBuilt();
        Path base = Files.createTempDirectory("handoff-drc-it");
        List<FailoverRound.Outcome> outcomes = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        long started = System.nanoTime();
        try (DrcCluster cluster = DrcCluster.create(base)) {
            cluster.startAll();
            System.out.println("cluster up after " + (System.nanoTime() - started) / 1_000_000 + " ms, VIP on "
                    + DrcCluster.name(cluster.awaitVipOwner(Duration.ofSeconds(60))));
            try (ProbeProcess probe = ProbeProcess.start(cluster.client(), DrcCluster.CLIENT, SOURCE_PORT,
                    DrcCluster.VIP, base.resolve("probe.err"))) {
                try {
                    rounds(cluster, probe, softly, outcomes);
                } catch (Exception | AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\nprobe:\n" + probe.transcript() + "\n"
                            + cluster.logs(), e);
                } finally {
                    outcomes.forEach(o -> System.out.println("DRC failover " + o.describe()));
                }
            }
        }
        System.out.println("ReplyCacheFailoverIT took " + (System.nanoTime() - started) / 1_000_000 + " ms; logs in "
                + base);
        softly.assertAll();
        deleteTree(base);
    }

    private static void deleteTree(Path base) throws Exception {
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void rounds(DrcCluster cluster, ProbeProcess probe, SoftAssertions softly,
                               List<FailoverRound.Outcome> outcomes) throws Exception {
        Path export = cluster.export();
        ProbeReply mnt = probe.mount(export.toString());
        assertThat(mnt.status()).as("MNT %s", export).isZero();
        String root = mnt.handle();
        long rootId = probe.call("GETATTR", root).object().fileid();
        ReplyChecks checks = new ReplyChecks(softly, rootId);

        assertThat(probe.call("CREATE", root, "victim").status()).as("CREATE victim").isZero();
        FailoverRound.Outcome remove = FailoverRound.run(cluster, probe, "REMOVE",
                () -> !Files.exists(export.resolve("victim")), "REMOVE", root, "victim");
        outcomes.add(remove);
        checks.sameXid(remove).ok(remove).replayed(remove).directory(remove, 0);
        ProbeReply again = probe.call("REMOVE", root, "victim");
        softly.assertThat(again.status()).as("control: REMOVE victim with a new xid runs again and says NOENT")
                .isEqualTo(ProbeReply.NFS3ERR_NOENT);
        cluster.restart(remove.oldOwner());

        assertThat(probe.call("CREATE", root, "before").status()).as("CREATE before").isZero();
        FailoverRound.Outcome rename = FailoverRound.run(cluster, probe, "RENAME",
                () -> Files.exists(export.resolve("after")) && !Files.exists(export.resolve("before")),
                "RENAME", root, "before", root, "after");
        outcomes.add(rename);
        checks.sameXid(rename).ok(rename).replayed(rename).directory(rename, 0).directory(rename, 1);
        cluster.restart(rename.oldOwner());

        String verifier = HexFormat.of().formatHex(
                ByteBuffer.allocate(8).putLong(ThreadLocalRandom.current().nextLong()).array());
        FailoverRound.Outcome create = FailoverRound.run(cluster, probe, "CREATE EXCLUSIVE",
                () -> Files.exists(export.resolve("exclusive")), "CREATE_EXCLUSIVE", root, "exclusive", verifier);
        outcomes.add(create);
        checks.sameXid(create).ok(create).replayed(create).directory(create, 0)
                .sameHandle(create, probe.call("LOOKUP", root, "exclusive"), ProbeReply.Attributes.REGULAR);
        cluster.restart(create.oldOwner());

        FailoverRound.Outcome mkdir = FailoverRound.run(cluster, probe, "MKDIR",
                () -> Files.isDirectory(export.resolve("made")), "MKDIR", root, "made");
        outcomes.add(mkdir);
        checks.sameXid(mkdir).ok(mkdir).replayed(mkdir).directory(mkdir, 0)
                .sameHandle(mkdir, probe.call("LOOKUP", root, "made"), ProbeReply.Attributes.DIRECTORY);
    }
}
