package dev.handoff.it.nfs3;

import dev.handoff.it.serve.HandoffBuild;
import dev.handoff.it.ToolRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.it.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user of Debian's libnfs tools does with {@code ./handoff serve --export DIR}: list the exports, copy a
 * large file in and back out, list the directory, and keep copying while the server is killed and restarted.
 * One server serves every test; the restart test comes last because it replaces that server. The tools run as
 * root, and {@code --export} squashes root: their calls arrive as nobody (65534).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class LibnfsIT {
    private static final Logger log = LoggerFactory.getLogger(LibnfsIT.class);
    private static final String SERVER = "127.0.0.1";
    private static final long BIG = 256L << 20;
    private static final long NOBODY = 65534;

    private ServedExport served;
    private Path export;
    private Libnfs libnfs;

    @BeforeAll
    void startServer() throws Exception {
        Prerequisites.requireRoot();
        Libnfs.requireTools();
        Prerequisites.requireTool("/usr/sbin/showmount", "nfs-common");
        Prerequisites.requireTool("/usr/sbin/rpcinfo", "rpcbind");
        HandoffBuild.ensureBuilt();
        served = ServedExport.start(SERVER);
        export = served.export();
        libnfs = new Libnfs(served.ns(), SERVER, Map.of("version", "3"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (served != null) {
            served.close();
        }
    }

    @Test
    @Order(1)
    void showmountListsTheExportForEveryone() throws Exception {
        ToolRun r = ToolRun.run(served.ns().command("showmount", "-e", SERVER), Duration.ofSeconds(30));

        assertThat(r.succeeded()).as(() -> r.describe() + served.logTail()).isTrue();
        assertThat(r.output()).as(r::describe)
                .containsPattern("(?m)^" + Pattern.quote(export.toString()) + "\\s+(\\*|\\(everyone\\))\\s*$");
    }

    @Test
    @Order(2)
    void nfsCpCopiesA256MibRandomFileInAndBackOutByteIdentical() throws Exception {
        Path source = served.dir().resolve("big.src");
        String sha = TestFiles.writeRandom(source, BIG, 1);

        ToolRun in = libnfs.cp(source.toString(), libnfs.url(export, "big.bin"));
        assertThat(in.succeeded()).as(() -> in.describe() + served.logTail()).isTrue();
        Files.delete(source);
        Path stored = export.resolve("big.bin");
        assertThat(Files.size(stored)).as("size on the server's disk").isEqualTo(BIG);
        assertThat(TestFiles.sha256(stored)).as("sha256 on the server's disk").isEqualTo(sha);

        Path back = served.dir().resolve("big.back");
        ToolRun out = libnfs.cp(libnfs.url(export, "big.bin"), back.toString());
        assertThat(out.succeeded()).as(() -> out.describe() + served.logTail()).isTrue();
        assertThat(TestFiles.sha256(back)).as("sha256 of the copy read back").isEqualTo(sha);
        Files.delete(back);
        log.info("nfs-cp 256 MiB: in {} ms ({} MiB/s), out {} ms ({} MiB/s)", in.took().toMillis(),
                mibPerSecond(in.took()), out.took().toMillis(), mibPerSecond(out.took()));
    }

    @Test
    @Order(3)
    void nfsLsListsFilesWithTheirSizeModeAndSquashedOwner() throws Exception {
        Path source = served.dir().resolve("small.src");
        TestFiles.writeRandom(source, 12_345, 2);
        ToolRun in = libnfs.cp(source.toString(), libnfs.url(export, "small.bin"));
        assertThat(in.succeeded()).as(() -> in.describe() + served.logTail()).isTrue();
        Path sub = Files.createDirectory(export.resolve("sub"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-x---"));

        List<NfsLsEntry> entries = libnfs.list(libnfs.url(export, ""));

        NfsLsEntry small = entry(entries, "small.bin");
        assertThat(small.type()).isEqualTo('-');
        assertThat(small.size()).isEqualTo(12_345);
        // nfs-cp creates with mode 0660 (a GUARDED CREATE); the server applies no umask of its own
        assertThat(small.octalMode()).isEqualTo("660");
        // root_squash: root's CREATE ran as nobody, who owns the file
        assertThat(small.uid()).as("owner").isEqualTo(NOBODY);
        assertThat(small.gid()).as("group").isEqualTo(NOBODY);
        assertThat(small.links()).isEqualTo(1);
        Path stored = export.resolve("small.bin");
        assertThat(((Number) Files.getAttribute(stored, "unix:uid")).longValue()).as("owner on disk").isEqualTo(NOBODY);
        assertThat(((Number) Files.getAttribute(stored, "unix:mode")).intValue() & 07777).as("mode on disk")
                .isEqualTo(0660);

        NfsLsEntry subEntry = entry(entries, "sub");
        assertThat(subEntry.type()).isEqualTo('d');
        assertThat(subEntry.octalMode()).isEqualTo("750");
        assertThat(subEntry.uid()).as("made by root on the server").isZero();
        if (Files.exists(export.resolve("big.bin"))) {     // copied in by the test before
            NfsLsEntry big = entry(entries, "big.bin");
            assertThat(big.size()).isEqualTo(BIG);
            assertThat(big.octalMode()).isEqualTo("660");
            assertThat(big.uid()).isEqualTo(NOBODY);
        }
    }

    /**
     * libnfs keeps its connection's file handles across a reconnect and resends the READs in flight: the copy
     * completes only if the restarted server still honours the handles the killed one gave out.
     */
    @Test
    @Order(4)
    void aCopyOutCarriesOnWithItsFileHandlesAfterTheServerIsKilledAndRestarted() throws Exception {
        Path note = served.dir().resolve("note.txt");
        Files.writeString(note, "written before the restart\n");
        ToolRun before = libnfs.cp(note.toString(), libnfs.url(export, "note.txt"));
        assertThat(before.succeeded()).as(() -> before.describe() + served.logTail()).isTrue();
        Path big = export.resolve("restart.bin");
        String sha = TestFiles.writeRandom(big, BIG, 3);
        Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("rw-r--r--"));
        Path back = served.dir().resolve("restart.back");
        Path cpLog = served.dir().resolve("nfs-cp.log");

        Process cp = libnfs.startCp(libnfs.url(export, "restart.bin"), back.toString(), cpLog);
        // early in the copy: on loopback the whole 256 MiB takes a third of a second
        long copiedAtKill = awaitSize(back, cp, 16L << 20);
        assertThat(cp.isAlive()).as(() -> "nfs-cp still copying when the server is to be killed (" + copiedAtKill
                + " bytes copied)\n" + readQuietly(cpLog) + served.logTail()).isTrue();
        long killedAt = System.nanoTime();
        served.kill();
        Thread.sleep(1000);
        served.restart();
        long downMs = (System.nanoTime() - killedAt) / 1_000_000;
        boolean finished = cp.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            cp.destroyForcibly().waitFor();
        }

        assertThat(finished).as(() -> "nfs-cp still running 5 min after the restart\n" + readQuietly(cpLog)
                + served.logTail()).isTrue();
        assertThat(cp.exitValue()).as(() -> "nfs-cp's exit code\n" + readQuietly(cpLog) + served.logTail()).isZero();
        assertThat(TestFiles.sha256(back)).as("sha256 of the copy made across the restart").isEqualTo(sha);
        log.info("server killed with {} MiB of 256 copied, back after {} ms; copy completed", copiedAtKill >> 20,
                downMs);

        // and a fresh mount (new process, new MNT) reads what was written before the restart
        ToolRun cat = libnfs.cat(libnfs.url(export, "note.txt"));
        assertThat(cat.succeeded()).as(() -> cat.describe() + served.logTail()).isTrue();
        assertThat(cat.output()).isEqualTo("written before the restart\n");
        assertThat(entry(libnfs.list(libnfs.url(export, "")), "restart.bin").size()).isEqualTo(BIG);
    }

    /** Waits until {@code file} holds at least {@code bytes} (or the copy ended); returns its size then. */
    private static long awaitSize(Path file, Process copy, long bytes) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size >= bytes || !copy.isAlive()) {
                return size;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the copy did not reach " + bytes + " bytes in 2 minutes");
    }

    private static NfsLsEntry entry(List<NfsLsEntry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("nfs-ls did not list " + name + ": " + entries));
    }

    private static long mibPerSecond(Duration took) {
        return Math.round(256 / Math.max(took.toMillis() / 1000.0, 0.001));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }
}
