package dev.handoff.server.nfs3;

import static dev.handoff.server.nfs3.Nfs3Fixture.BOB;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_GETATTR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_LINK;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_LOOKUP;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READLINK;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_REMOVE;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_RENAME;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_RMDIR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.server.nfs3.xdr.DirOpArgs3;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.GetattrArgs;
import dev.handoff.server.nfs3.xdr.GetattrResult;
import dev.handoff.server.nfs3.xdr.LinkArgs;
import dev.handoff.server.nfs3.xdr.LinkResult;
import dev.handoff.server.nfs3.xdr.LookupArgs;
import dev.handoff.server.nfs3.xdr.LookupResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.ReadlinkArgs;
import dev.handoff.server.nfs3.xdr.ReadlinkResult;
import dev.handoff.server.nfs3.xdr.RemoveArgs;
import dev.handoff.server.nfs3.xdr.RemoveResult;
import dev.handoff.server.nfs3.xdr.RenameArgs;
import dev.handoff.server.nfs3.xdr.RenameResult;
import dev.handoff.server.nfs3.xdr.RmdirArgs;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.SetAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LOOKUP, READLINK, REMOVE, RMDIR, RENAME and LINK, with their wcc_data on success and failure. */
class DirOpHandlersTest {
    private final Nfs3Fixture fx = new Nfs3Fixture();
    private Inode home;
    private FileHandle3 homeHandle;

    @BeforeEach
    void aliceHasAHomeDirectory() throws Exception {
        home = fx.vfs.dir(fx.vfs.root(), "home", 0755, 1000, 1000);
        homeHandle = fx.handle(home);
        fx.vfs.file(home, "notes", "some notes", 0644, 1000, 1000);
    }

    private static DirOpArgs3 in(FileHandle3 dir, String name) {
        return new DirOpArgs3(dir, Filename3.of(name));
    }

    @Test
    void lookupReturnsAHandleThatWorksAndBothAttributes() throws Exception {
        LookupResult result = fx.call(NFSPROC3_LOOKUP, new LookupArgs(in(homeHandle, "notes")));

        LookupResult.Ok ok = (LookupResult.Ok) result;
        assertThat(fx.handles.toInode(ok.object())).isEqualTo(fx.vfs.lookup(FakeVfs.ROOT, home,
                FakeVfs.name("notes")));
        assertThat(ok.objAttributes().attributes().size()).isEqualTo(10);
        assertThat(ok.dirAttributes().attributes().fileid()).isEqualTo(fx.vfs.getattr(home).fileId());
    }

    @Test
    void lookupOfDotDotAtTheRootStaysAtTheRoot() throws Exception {
        LookupResult result = fx.call(NFSPROC3_LOOKUP, new LookupArgs(in(fx.root(), "..")));

        assertThat(((LookupResult.Ok) result).object()).isEqualTo(fx.root());
    }

    @Test
    void lookupOfAMissingNameIsNoentWithTheDirectoryAttributes() throws Exception {
        LookupResult result = fx.call(NFSPROC3_LOOKUP, new LookupArgs(in(homeHandle, "absent")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_NOENT);
        assertThat(result.dirAttributes().isPresent()).isTrue();
    }

    @Test
    void namesOverTwoHundredFiftyFiveBytesAreNameTooLongBeforeTheFileSystemSeesThem() throws Exception {
        LookupResult longest = fx.call(NFSPROC3_LOOKUP, new LookupArgs(in(homeHandle, "n".repeat(255))));
        int calls = fx.vfs.callers.size();
        LookupResult tooLong = fx.call(NFSPROC3_LOOKUP, new LookupArgs(in(homeHandle, "n".repeat(256))));

        assertThat(longest.status()).isEqualTo(Nfs3Status.NFS3ERR_NOENT);
        assertThat(tooLong.status()).isEqualTo(Nfs3Status.NFS3ERR_NAMETOOLONG);
        assertThat(tooLong.dirAttributes().isPresent()).isTrue();
        assertThat(fx.vfs.callers).hasSize(calls);
    }

    @Test
    void lookupWithoutSearchPermissionIsAcces() throws Exception {
        Inode locked = fx.vfs.dir(fx.vfs.root(), "locked", 0700, 1000, 1000);

        LookupResult result = fx.call(fx.as(BOB, "10.1.0.5", 40_000), NFSPROC3_LOOKUP,
                new LookupArgs(in(fx.handle(locked), "x")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_ACCES);
    }

    @Test
    void lookupInAFileIsNotdir() throws Exception {
        FileHandle3 notes = fx.handle(fx.vfs.lookup(FakeVfs.ROOT, home, FakeVfs.name("notes")));

        LookupResult result = fx.call(NFSPROC3_LOOKUP, new LookupArgs(in(notes, "x")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_NOTDIR);
    }

    @Test
    void readlinkReturnsTheLinkText() throws Exception {
        Inode link = fx.vfs.symlink(FakeVfs.ROOT, home, FakeVfs.name("l"), FakeVfs.name("../target"),
                SetAttributes.NONE);

        ReadlinkResult result = fx.call(NFSPROC3_READLINK, new ReadlinkArgs(fx.handle(link)));

        assertThat(((ReadlinkResult.Ok) result).data().asString()).isEqualTo("../target");
        assertThat(result.symlinkAttributes().isPresent()).isTrue();
    }

    @Test
    void readlinkOfAFileIsInval() throws Exception {
        ReadlinkResult result = fx.call(NFSPROC3_READLINK, new ReadlinkArgs(homeHandle));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_INVAL);
        assertThat(result.symlinkAttributes().isPresent()).isTrue();
    }

    @Test
    void removeReportsTheDirectoryBeforeAndAfter() throws Exception {
        RemoveResult result = fx.call(NFSPROC3_REMOVE, new RemoveArgs(in(homeHandle, "notes")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(result.dirWcc().before().attributes().mtime())
                .isNotEqualTo(result.dirWcc().after().attributes().mtime());
        assertThat(fx.vfs.getattr(home).nlink()).isEqualTo(2);
    }

    @Test
    void removeOfAMissingNameIsNoentWithWccData() throws Exception {
        RemoveResult result = fx.call(NFSPROC3_REMOVE, new RemoveArgs(in(homeHandle, "absent")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_NOENT);
        assertThat(result.dirWcc().before().isPresent()).isTrue();
        assertThat(result.dirWcc().after().isPresent()).isTrue();
    }

    /** The first copy ran on a node that left mid-call, its reply lost with the node's reply cache entry. */
    private CallContext retransmittedAfterLoss() {
        CallContext c = fx.as(Nfs3Fixture.ALICE, "10.1.0.5", 40_000);
        return new CallContext(c.header(), c.peer(), true);
    }

    @Test
    void aRetransmittedRemoveWhoseFirstRunWasLostFindsTheNameGoneAndAnswersDone() throws Exception {
        RemoveResult gone = fx.call(retransmittedAfterLoss(), NFSPROC3_REMOVE, new RemoveArgs(in(homeHandle, "absent")));
        assertThat(gone.status()).isEqualTo(Nfs3Status.NFS3_OK);

        fx.vfs.dir(home, "sub", 0755, 1000, 1000);
        RemoveResult otherError = fx.call(retransmittedAfterLoss(), NFSPROC3_REMOVE,
                new RemoveArgs(in(homeHandle, "sub")));
        assertThat(otherError.status()).as("only a missing name counts as done").isEqualTo(Nfs3Status.NFS3ERR_ISDIR);
    }

    @Test
    void aRetransmittedRenameWhoseFirstRunWasLostIsDoneOnlyWhenTheTargetIsThere() throws Exception {
        RenameResult done = fx.call(retransmittedAfterLoss(), NFSPROC3_RENAME,
                new RenameArgs(in(homeHandle, "absent"), in(homeHandle, "notes")));
        assertThat(done.status()).isEqualTo(Nfs3Status.NFS3_OK);

        RenameResult neither = fx.call(retransmittedAfterLoss(), NFSPROC3_RENAME,
                new RenameArgs(in(homeHandle, "absent"), in(homeHandle, "also-absent")));
        assertThat(neither.status()).isEqualTo(Nfs3Status.NFS3ERR_NOENT);
    }

    @Test
    void removeOfADirectoryIsIsdir() throws Exception {
        fx.vfs.dir(home, "sub", 0755, 1000, 1000);

        RemoveResult result = fx.call(NFSPROC3_REMOVE, new RemoveArgs(in(homeHandle, "sub")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_ISDIR);
    }

    @Test
    void removeInADirectoryTheCallerMayNotWriteIsAcces() throws Exception {
        RemoveResult result = fx.call(fx.as(BOB, "10.1.0.5", 40_000), NFSPROC3_REMOVE,
                new RemoveArgs(in(homeHandle, "notes")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_ACCES);
        assertThat(result.dirWcc().before().isPresent()).isTrue();
    }

    @Test
    void rmdirRefusesFilesAndRemovesEmptyDirectories() throws Exception {
        fx.vfs.dir(home, "empty", 0755, 1000, 1000);

        RemoveResult file = fx.call(NFSPROC3_RMDIR, new RmdirArgs(in(homeHandle, "notes")));
        RemoveResult empty = fx.call(NFSPROC3_RMDIR, new RmdirArgs(in(homeHandle, "empty")));

        assertThat(file.status()).isEqualTo(Nfs3Status.NFS3ERR_NOTDIR);
        assertThat(empty.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(empty.dirWcc().after().attributes().nlink()).isEqualTo(2);
    }

    @Test
    void rmdirOfANonEmptyDirectoryIsNotempty() throws Exception {
        Inode full = fx.vfs.dir(home, "full", 0755, 1000, 1000);
        fx.vfs.file(full, "x", "", 0644, 1000, 1000);

        RemoveResult result = fx.call(NFSPROC3_RMDIR, new RmdirArgs(in(homeHandle, "full")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_NOTEMPTY);
        assertThat(result.dirWcc().before().isPresent()).isTrue();
    }

    @Test
    void renameBetweenDirectoriesReportsBothAndReplacesTheTarget() throws Exception {
        Inode archive = fx.vfs.dir(home, "archive", 0755, 1000, 1000);
        Inode old = fx.vfs.file(archive, "kept", "old", 0644, 1000, 1000);

        RenameResult result = fx.call(NFSPROC3_RENAME, new RenameArgs(in(homeHandle, "notes"),
                in(fx.handle(archive), "kept")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(result.fromdirWcc().before().isPresent()).isTrue();
        assertThat(result.todirWcc().after().attributes().fileid()).isEqualTo(fx.vfs.getattr(archive).fileId());
        assertThat(fx.vfs.contents(fx.vfs.lookup(FakeVfs.ROOT, archive, FakeVfs.name("kept"))))
                .isEqualTo("some notes");
        LookupResult gone = fx.call(NFSPROC3_LOOKUP, new LookupArgs(in(homeHandle, "notes")));
        assertThat(gone.status()).isEqualTo(Nfs3Status.NFS3ERR_NOENT);
        GetattrResult replaced = fx.call(NFSPROC3_GETATTR, new GetattrArgs(fx.handle(old)));
        assertThat(replaced.status()).isEqualTo(Nfs3Status.NFS3ERR_STALE);
    }

    @Test
    void renameOfADirectoryOntoANonEmptyOneIsNotempty() throws Exception {
        fx.vfs.dir(home, "a", 0755, 1000, 1000);
        Inode b = fx.vfs.dir(home, "b", 0755, 1000, 1000);
        fx.vfs.file(b, "x", "", 0644, 1000, 1000);

        RenameResult result = fx.call(NFSPROC3_RENAME, new RenameArgs(in(homeHandle, "a"), in(homeHandle, "b")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_NOTEMPTY);
        assertThat(result.fromdirWcc().before().isPresent()).isTrue();
        assertThat(result.todirWcc().after().isPresent()).isTrue();
    }

    @Test
    void renameAcrossExportsIsXdev() throws Exception {
        RenameResult result = fx.call(NFSPROC3_RENAME, new RenameArgs(in(homeHandle, "notes"),
                in(fx.handle(fx.other.root()), "notes")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_XDEV);
        assertThat(result.fromdirWcc().after().isPresent()).isTrue();
        assertThat(result.todirWcc().after().isPresent()).isTrue();
        assertThat(fx.vfs.callers).isEmpty();
    }

    @Test
    void renameIntoAReadOnlyExportIsRofs() throws Exception {
        RenameResult result = fx.call(NFSPROC3_RENAME, new RenameArgs(in(homeHandle, "notes"),
                in(fx.handle(fx.ro.root()), "notes")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_ROFS);
    }

    @Test
    void linkAddsANameAndReportsTheFileAndTheDirectory() throws Exception {
        FileHandle3 notes = fx.handle(fx.vfs.lookup(FakeVfs.ROOT, home, FakeVfs.name("notes")));

        LinkResult result = fx.call(NFSPROC3_LINK, new LinkArgs(notes, in(homeHandle, "again")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(result.fileAttributes().attributes().nlink()).isEqualTo(2);
        assertThat(result.linkdirWcc().before().isPresent()).isTrue();
        LinkResult twice = fx.call(NFSPROC3_LINK, new LinkArgs(notes, in(homeHandle, "again")));
        assertThat(twice.status()).isEqualTo(Nfs3Status.NFS3ERR_EXIST);
        assertThat(twice.fileAttributes().isPresent()).isTrue();
    }

    @Test
    void linkOfADirectoryIsPerm() throws Exception {
        LinkResult result = fx.call(NFSPROC3_LINK, new LinkArgs(homeHandle, in(homeHandle, "loop")));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_PERM);
    }
}
