package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.local.ExportFixture.OTHER;
import static dev.handoff.server.vfs.local.ExportFixture.ROOT;
import static dev.handoff.server.vfs.local.ExportFixture.USER;
import static dev.handoff.server.vfs.local.ExportFixture.assertErrno;
import static dev.handoff.server.vfs.local.ExportFixture.mode;
import static dev.handoff.server.vfs.local.ExportFixture.name;
import static dev.handoff.server.vfs.local.ExportFixture.owner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.linux.Errno;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.FsStats;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.TimeChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalVfsSetattrTest extends ExportTestCase {
    private static final Instant PAST = Instant.parse("2001-02-03T04:05:06.789Z");

    @BeforeEach
    void makeHome() throws Exception {
        export.directory("home", 0755, USER.uid());
    }

    @Test
    void theOwnerChangesTheModeAndGetsTheNewAttributesBack() throws Exception {
        Inode f = export.file("home/f", "", 0644, USER.uid());

        Attributes after = vfs.setattr(USER, f, mode(04710));

        assertThat(after.mode()).isEqualTo(04710);
        assertThat(export.modeOf("home/f")).isEqualTo(04710);
    }

    @Test
    void onlyTheOwnerChangesTheMode() throws Exception {
        Inode f = export.file("home/f", "", 0666, OTHER.uid());

        assertErrno(Errno.EPERM, () -> vfs.setattr(USER, f, mode(0777)));
        assertThat(export.modeOf("home/f")).isEqualTo(0666);
    }

    @Test
    void aSymlinksModeIsIgnoredAndItsTargetIsNeverChanged() throws Exception {
        Inode target = export.file("home/target", "", 0600, USER.uid());
        Files.createSymbolicLink(export.dir.resolve("home/link"), Path.of("target"));
        Inode link = export.lookup("home/link");

        vfs.setattr(ROOT, link, mode(0777));

        assertThat(vfs.getattr(target).mode()).isEqualTo(0600);
    }

    @Test
    void rootGivesAFileAwayButAUserMayNot() throws Exception {
        Inode f = export.file("home/f", "", 0644, USER.uid());

        assertErrno(Errno.EPERM, () -> vfs.setattr(USER, f, owner(OTHER.uid(), OTHER.gid())));
        Attributes given = vfs.setattr(ROOT, f, owner(OTHER.uid(), OTHER.gid()));

        assertThat(given.uid()).isEqualTo(OTHER.uid());
        assertThat(given.gid()).isEqualTo(OTHER.gid());
        assertThat(vfs.setattr(ROOT, f, new SetAttributes(null, null, 77, null, null, null)).uid())
                .isEqualTo(OTHER.uid());
    }

    @Test
    void aSymlinkCanBeChownedItselfWithoutTouchingItsTarget() throws Exception {
        export.file("home/target", "", 0600, USER.uid());
        Files.createSymbolicLink(export.dir.resolve("home/link"), Path.of("target"));
        Inode link = export.lookup("home/link");

        assertThat(vfs.setattr(ROOT, link, owner(4321, 4321)).uid()).isEqualTo(4321);
        assertThat(export.uidOf("home/target")).isEqualTo(USER.uid());
    }

    @Test
    void sizeTruncatesAndExtends() throws Exception {
        Inode f = export.file("home/f", "0123456789", 0644, USER.uid());

        assertThat(vfs.setattr(USER, f, size(4)).size()).isEqualTo(4);
        assertThat(Files.readString(export.dir.resolve("home/f"))).isEqualTo("0123");
        assertThat(vfs.setattr(USER, f, size(8192)).size()).isEqualTo(8192);
    }

    @Test
    void truncationNeedsWriteAccessUnlessTheCallerOwnsTheFile() throws Exception {
        Inode others = export.file("home/others", "keep", 0644, OTHER.uid());
        Inode own = export.file("home/own", "drop", 0444, USER.uid());

        assertErrno(Errno.EACCES, () -> vfs.setattr(USER, others, size(0)));
        assertThat(vfs.setattr(USER, own, size(0)).size()).isZero();
        assertErrno(Errno.EISDIR, () -> vfs.setattr(USER, export.lookup("home"), size(0)));
    }

    @Test
    void timesAreSetExplicitlyToTheNanosecondOrToNowOrKept() throws Exception {
        Inode f = export.file("home/f", "", 0644, USER.uid());

        Attributes explicit = vfs.setattr(USER, f, times(new TimeChange.To(PAST), new TimeChange.To(PAST)));
        assertThat(explicit.atime()).isEqualTo(PAST);
        assertThat(explicit.mtime()).isEqualTo(PAST);

        Instant before = Instant.now().minusSeconds(5);
        Attributes touched = vfs.setattr(USER, f, times(TimeChange.KEEP, TimeChange.NOW));
        assertThat(touched.atime()).isEqualTo(PAST);
        assertThat(touched.mtime()).isAfter(before);
    }

    @Test
    void aWriterWhoIsNotTheOwnerMayTouchButNotSetExplicitTimes() throws Exception {
        Inode f = export.file("home/shared", "", 0666, OTHER.uid());

        vfs.setattr(USER, f, times(TimeChange.NOW, TimeChange.NOW));
        assertErrno(Errno.EPERM, () -> vfs.setattr(USER, f, times(new TimeChange.To(PAST), TimeChange.KEEP)));
    }

    @Test
    void anEmptyChangeChangesNothing() throws Exception {
        Inode f = export.file("home/f", "x", 0640, OTHER.uid());
        Attributes before = vfs.getattr(f);

        assertThat(vfs.setattr(USER, f, SetAttributes.NONE)).isEqualTo(before);
    }

    @Test
    void fsstatReportsTheFileSystemsSpace() throws Exception {
        FsStats stats = vfs.fsstat(export.root());

        assertThat(stats.totalBytes()).isEqualTo(Files.getFileStore(export.dir).getTotalSpace());
        assertThat(stats.freeBytes()).isBetween(stats.availableBytes(), stats.totalBytes());
        assertThat(stats.totalFiles()).isPositive();
        assertThat(stats.freeFiles()).isBetween(stats.availableFiles(), stats.totalFiles());
        assertThat(vfs.fsstat(vfs.lookup(ROOT, export.root(), name("home"))).totalBytes())
                .isEqualTo(stats.totalBytes());
    }

    private static SetAttributes size(long size) {
        return new SetAttributes(null, null, null, size, null, null);
    }

    private static SetAttributes times(TimeChange atime, TimeChange mtime) {
        return new SetAttributes(null, null, null, null, atime, mtime);
    }
}
