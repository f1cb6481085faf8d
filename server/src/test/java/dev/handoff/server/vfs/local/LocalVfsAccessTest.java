package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.AccessBits.DELETE;
import static dev.handoff.server.vfs.AccessBits.EXECUTE;
import static dev.handoff.server.vfs.AccessBits.EXTEND;
import static dev.handoff.server.vfs.AccessBits.LOOKUP;
import static dev.handoff.server.vfs.AccessBits.MODIFY;
import static dev.handoff.server.vfs.AccessBits.READ;
import static dev.handoff.server.vfs.local.ExportFixture.OTHER;
import static dev.handoff.server.vfs.local.ExportFixture.ROOT;
import static dev.handoff.server.vfs.local.ExportFixture.USER;
import static dev.handoff.server.vfs.local.ExportFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.handoff.server.exports.Identity;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ThreadIdentity;
import dev.handoff.server.vfs.Inode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalVfsAccessTest extends ExportTestCase {
    private static final int ALL = READ | LOOKUP | MODIFY | EXTEND | DELETE | EXECUTE;
    private static final int FILE_BITS = READ | MODIFY | EXTEND | EXECUTE;
    private static final int DIRECTORY_BITS = READ | LOOKUP | MODIFY | EXTEND | DELETE | EXECUTE;

    @Test
    void theOwnerOfA0644FileMayReadAndWriteButNotExecuteIt() throws Exception {
        Inode f = export.file("f", "", 0644, USER.uid());

        assertThat(vfs.access(USER, f, ALL)).isEqualTo(READ | MODIFY | EXTEND);
        assertThat(vfs.access(OTHER, f, ALL)).isEqualTo(READ);
    }

    @Test
    void rootMayDoAnythingButExecuteAFileWithoutExecuteBits() throws Exception {
        Inode f = export.file("f", "", 0000, USER.uid());
        Inode script = export.file("script", "", 0100, USER.uid());

        assertThat(vfs.access(ROOT, f, ALL)).isEqualTo(READ | MODIFY | EXTEND);
        assertThat(vfs.access(ROOT, script, ALL)).isEqualTo(FILE_BITS);
    }

    @Test
    void groupMembershipComesFromTheCallersGroups() throws Exception {
        Inode f = export.file("f", "", 0060, OTHER.uid()); // group OTHER.gid() may read and write

        Identity member = new Identity(USER.uid(), USER.gid(), List.of(USER.gid(), OTHER.gid()));
        assertThat(vfs.access(member, f, ALL)).isEqualTo(READ | MODIFY | EXTEND);
        assertThat(vfs.access(USER, f, ALL)).isZero();
        Identity primary = new Identity(USER.uid(), OTHER.gid(), List.of());
        assertThat(vfs.access(primary, f, READ)).isEqualTo(READ);
    }

    @Test
    void onDirectoriesWriteMeansModifyExtendAndDeleteAndSearchMeansLookup() throws Exception {
        Inode open = export.directory("open", 0777, OTHER.uid());
        Inode searchOnly = export.directory("search", 0711, OTHER.uid());
        Inode listOnly = export.directory("list", 0744, OTHER.uid());

        assertThat(vfs.access(USER, open, ALL)).isEqualTo(DIRECTORY_BITS);
        assertThat(vfs.access(USER, searchOnly, ALL)).isEqualTo(LOOKUP | EXECUTE);
        assertThat(vfs.access(USER, listOnly, ALL)).isEqualTo(READ);
    }

    @Test
    void onlyRequestedBitsAreAnswered() throws Exception {
        Inode f = export.file("f", "", 0777, USER.uid());

        assertThat(vfs.access(USER, f, READ)).isEqualTo(READ);
        assertThat(vfs.access(USER, f, LOOKUP | DELETE)).isZero();
        assertThat(vfs.access(USER, f, 0)).isZero();
    }

    @Test
    void aVirtualThreadIsRefusedRatherThanServedWithTheServersIdentity() throws Exception {
        Inode f = export.file("f", "", 0600, OTHER.uid());
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread.ofVirtual().start(() -> failure.set(catchThrowable(() -> vfs.access(USER, f, ALL)))).join();

        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("platform thread");
    }

    @Test
    void theThreadIsBackToTheServersIdentityAfterEveryCall() throws Exception {
        Inode f = export.file("f", "", 0600, OTHER.uid());

        vfs.access(USER, f, ALL);
        assertErrno(Errno.EACCES, () -> vfs.read(USER, f, 0, ByteBuffer.allocateDirect(1)));

        assertThat(ThreadIdentity.currentFsuid()).isZero();
        assertThat(ThreadIdentity.currentFsgid()).isZero();
    }
}
