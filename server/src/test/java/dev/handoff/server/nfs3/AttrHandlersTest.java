package dev.handoff.server.nfs3;

import static dev.handoff.server.nfs3.Nfs3Fixture.ALICE;
import static dev.handoff.server.nfs3.Nfs3Fixture.BOB;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_ACCESS;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_GETATTR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_SETATTR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.nfs3.xdr.AccessArgs;
import dev.handoff.server.nfs3.xdr.AccessResult;
import dev.handoff.server.nfs3.xdr.Fattr3;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.FileType3;
import dev.handoff.server.nfs3.xdr.GetattrArgs;
import dev.handoff.server.nfs3.xdr.GetattrResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.NfsTime3;
import dev.handoff.server.nfs3.xdr.Sattr3;
import dev.handoff.server.nfs3.xdr.SetTime3;
import dev.handoff.server.nfs3.xdr.SetattrArgs;
import dev.handoff.server.nfs3.xdr.SetattrResult;
import dev.handoff.server.vfs.AccessBits;
import dev.handoff.server.vfs.Inode;
import org.junit.jupiter.api.Test;

/** GETATTR, SETATTR (with its ctime guard) and ACCESS, against the fake file system. */
class AttrHandlersTest {
    private final Nfs3Fixture fx = new Nfs3Fixture();

    private Inode aliceFile(String content) throws Exception {
        return fx.vfs.file(fx.vfs.root(), "a.txt", content, 0640, 1000, 1000);
    }

    @Test
    void getattrReportsTheFileWithTheExportIdAsFsid() throws Exception {
        Inode file = aliceFile("hello");

        GetattrResult result = fx.call(NFSPROC3_GETATTR, new GetattrArgs(fx.handle(file)));

        Fattr3 a = ((GetattrResult.Ok) result).attributes();
        assertThat(a.type()).isEqualTo(FileType3.NF3REG);
        assertThat(a.mode()).isEqualTo(0640);
        assertThat(a.size()).isEqualTo(5);
        assertThat(a.uid()).isEqualTo(1000);
        assertThat(a.fsid()).isEqualTo(Nfs3Fixture.RW);
        assertThat(a.fileid()).isEqualTo(fx.vfs.getattr(file).fileId());
    }

    @Test
    void setattrChangesTheModeAndReportsAttributesBeforeAndAfter() throws Exception {
        FileHandle3 file = fx.handle(aliceFile("hello"));
        Fattr3 was = ((GetattrResult.Ok) fx.call(NFSPROC3_GETATTR, new GetattrArgs(file))).attributes();

        SetattrResult result = fx.call(NFSPROC3_SETATTR, new SetattrArgs(file, Sattr3.NONE.withMode(0600), null));

        assertThat(result).isInstanceOf(SetattrResult.Ok.class);
        assertThat(result.objWcc().before().attributes()).isEqualTo(was.toWccAttr());
        Fattr3 after = result.objWcc().after().attributes();
        assertThat(after.mode()).isEqualTo(0600);
        assertThat(after.ctime()).isNotEqualTo(was.ctime());
    }

    @Test
    void setattrTruncatesAndSetsClientTimes() throws Exception {
        FileHandle3 file = fx.handle(aliceFile("hello"));
        NfsTime3 when = new NfsTime3(1_600_000_000L, 5);

        SetattrResult result = fx.call(NFSPROC3_SETATTR, new SetattrArgs(file, Sattr3.NONE.withSize(2L)
                .withTimes(new SetTime3.ClientTime(when), SetTime3.ServerTime.INSTANCE), null));

        Fattr3 after = result.objWcc().after().attributes();
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.atime()).isEqualTo(when);
    }

    @Test
    void aGuardThatMatchesTheCtimeLetsTheChangeThrough() throws Exception {
        FileHandle3 file = fx.handle(aliceFile("hello"));
        Fattr3 was = ((GetattrResult.Ok) fx.call(NFSPROC3_GETATTR, new GetattrArgs(file))).attributes();

        SetattrResult result = fx.call(NFSPROC3_SETATTR,
                new SetattrArgs(file, Sattr3.NONE.withMode(0600), was.ctime()));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3_OK);
    }

    @Test
    void aGuardThatDiffersIsNotSyncAndChangesNothing() throws Exception {
        Inode inode = aliceFile("hello");
        FileHandle3 file = fx.handle(inode);
        Fattr3 was = ((GetattrResult.Ok) fx.call(NFSPROC3_GETATTR, new GetattrArgs(file))).attributes();
        NfsTime3 stale = new NfsTime3(was.ctime().seconds(), was.ctime().nseconds() - 1);

        SetattrResult result = fx.call(NFSPROC3_SETATTR, new SetattrArgs(file, Sattr3.NONE.withMode(0600), stale));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_NOT_SYNC);
        assertThat(result.objWcc().before().attributes()).isEqualTo(was.toWccAttr());
        assertThat(result.objWcc().after().attributes()).isEqualTo(was);
        assertThat(fx.vfs.getattr(inode).mode()).isEqualTo(0640);
    }

    @Test
    void chmodByAnotherUserIsPermWithWccData() throws Exception {
        FileHandle3 file = fx.handle(aliceFile("hello"));

        SetattrResult result = fx.call(fx.as(BOB, "10.1.0.5", 40_000), NFSPROC3_SETATTR,
                new SetattrArgs(file, Sattr3.NONE.withMode(0777), null));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_PERM);
        assertThat(result.objWcc().before().isPresent()).isTrue();
        assertThat(result.objWcc().after().attributes().mode()).isEqualTo(0640);
    }

    @Test
    void nanosecondsOfAWholeSecondAreInval() throws Exception {
        FileHandle3 file = fx.handle(aliceFile("hello"));
        Sattr3 bad = Sattr3.NONE.withTimes(new SetTime3.ClientTime(new NfsTime3(5, 1_000_000_000L)),
                SetTime3.DontChange.INSTANCE);

        SetattrResult result = fx.call(NFSPROC3_SETATTR, new SetattrArgs(file, bad, null));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_INVAL);
    }

    @Test
    void setattrOnAReadOnlyExportIsRofsWithTheCurrentAttributes() throws Exception {
        FileHandle3 root = fx.handle(fx.ro.root());

        SetattrResult result = fx.call(NFSPROC3_SETATTR, new SetattrArgs(root, Sattr3.NONE.withMode(0700), null));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_ROFS);
        assertThat(result.objWcc().after().attributes().mode()).isEqualTo(0755);
        assertThat(fx.ro.callers).isEmpty();
    }

    @Test
    void accessGrantsWhatTheModeAllowsTheCaller() throws Exception {
        FileHandle3 file = fx.handle(aliceFile("hello"));
        int all = AccessBits.READ | AccessBits.MODIFY | AccessBits.EXTEND | AccessBits.EXECUTE;

        AccessResult owner = fx.call(NFSPROC3_ACCESS, new AccessArgs(file, all));
        AccessResult stranger = fx.call(fx.as(BOB, "10.1.0.5", 40_000), NFSPROC3_ACCESS, new AccessArgs(file, all));

        assertThat(((AccessResult.Ok) owner).access())
                .isEqualTo(AccessBits.READ | AccessBits.MODIFY | AccessBits.EXTEND);
        assertThat(((AccessResult.Ok) stranger).access()).isZero();
        assertThat(owner.objAttributes().isPresent()).isTrue();
    }

    @Test
    void accessNeverGrantsChangesOnAReadOnlyExport() throws Exception {
        FileHandle3 root = fx.handle(fx.ro.root());

        AccessResult result = fx.call(fx.as(Nfs3Fixture.ROOT, "10.9.0.1", 700), NFSPROC3_ACCESS,
                new AccessArgs(root, 0x3f));

        assertThat(((AccessResult.Ok) result).access()).isEqualTo(AccessBits.READ | AccessBits.LOOKUP);
    }

    @Test
    void accessAsksOnlyForTheBitsRfc1813Defines() throws Exception {
        FileHandle3 file = fx.handle(aliceFile("hello"));

        AccessResult result = fx.call(NFSPROC3_ACCESS, new AccessArgs(file, 0xFFFF_FFC1));

        assertThat(((AccessResult.Ok) result).access()).isEqualTo(AccessBits.READ);
    }

    @Test
    void accessOfAStaleHandleFailsWithoutAttributes() throws Exception {
        Inode inode = aliceFile("hello");
        FileHandle3 file = fx.handle(inode);
        fx.vfs.remove(FakeVfs.ROOT, fx.vfs.root(), FakeVfs.name("a.txt"));

        AccessResult result = fx.call(fx.as(ALICE, "10.1.0.5", 40_000), NFSPROC3_ACCESS,
                new AccessArgs(file, AccessBits.READ));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_STALE);
        assertThat(result.objAttributes().isPresent()).isFalse();
    }
}
