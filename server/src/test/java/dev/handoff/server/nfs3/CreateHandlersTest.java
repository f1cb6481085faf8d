package dev.handoff.server.nfs3;

import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_CREATE;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_MKDIR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_MKNOD;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READLINK;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_SYMLINK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.server.nfs3.xdr.CreateArgs;
import dev.handoff.server.nfs3.xdr.CreateHow3;
import dev.handoff.server.nfs3.xdr.DirOpArgs3;
import dev.handoff.server.nfs3.xdr.Fattr3;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.FileType3;
import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.MkdirArgs;
import dev.handoff.server.nfs3.xdr.MknodArgs;
import dev.handoff.server.nfs3.xdr.MknodData3;
import dev.handoff.server.nfs3.xdr.NewObjectResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.Nfspath3;
import dev.handoff.server.nfs3.xdr.ReadlinkArgs;
import dev.handoff.server.nfs3.xdr.ReadlinkResult;
import dev.handoff.server.nfs3.xdr.Sattr3;
import dev.handoff.server.nfs3.xdr.SpecData3;
import dev.handoff.server.nfs3.xdr.SymlinkArgs;
import dev.handoff.server.nfs3.xdr.Verifier3;
import dev.handoff.server.vfs.Inode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CREATE in its three modes, MKDIR, SYMLINK and MKNOD. */
class CreateHandlersTest {
    private final Nfs3Fixture fx = new Nfs3Fixture();
    private Inode homeInode;
    private FileHandle3 home;

    @BeforeEach
    void aliceHasAHomeDirectory() throws Exception {
        homeInode = fx.vfs.dir(fx.vfs.root(), "home", 0755, 1000, 1000);
        home = fx.handle(homeInode);
    }

    private DirOpArgs3 in(String name) {
        return new DirOpArgs3(home, Filename3.of(name));
    }

    private NewObjectResult create(String name, CreateHow3 how) throws Exception {
        return fx.call(NFSPROC3_CREATE, new CreateArgs(in(name), how));
    }

    @Test
    void createReturnsAWorkingHandleTheAttributesAndTheDirectoryWcc() throws Exception {
        NewObjectResult result = create("new", new CreateHow3.Unchecked(Sattr3.NONE.withMode(0600)));

        NewObjectResult.Ok ok = (NewObjectResult.Ok) result;
        Inode made = fx.handles.toInode(ok.object());
        assertThat(fx.vfs.getattr(made).mode()).isEqualTo(0600);
        assertThat(ok.objAttributes().attributes().uid()).isEqualTo(1000);
        assertThat(ok.dirWcc().before().attributes().mtime())
                .isNotEqualTo(ok.dirWcc().after().attributes().mtime());
    }

    @Test
    void uncheckedOnAnExistingFileOpensItAndAppliesTheSize() throws Exception {
        Inode f = fx.vfs.file(homeInode, "f", "0123456789", 0644, 1000, 1000);

        NewObjectResult again = create("f", new CreateHow3.Unchecked(Sattr3.NONE.withSize(0L)));

        assertThat(((NewObjectResult.Ok) again).objAttributes().attributes().size()).isZero();
        assertThat(fx.handles.toInode(((NewObjectResult.Ok) again).object())).isEqualTo(f);
    }

    @Test
    void guardedOnAnExistingNameIsExistWithTheDirectoryWcc() throws Exception {
        create("f", new CreateHow3.Guarded(Sattr3.NONE));

        NewObjectResult again = create("f", new CreateHow3.Guarded(Sattr3.NONE));

        assertThat(again.status()).isEqualTo(Nfs3Status.NFS3ERR_EXIST);
        assertThat(again.dirWcc().before().isPresent()).isTrue();
        assertThat(again.dirWcc().after().isPresent()).isTrue();
    }

    /** The first copy ran on a node that left mid-call, its reply lost with the node's reply cache entry. */
    private CallContext retransmittedAfterLoss() {
        CallContext c = fx.as(Nfs3Fixture.ALICE, "10.1.0.5", 40_000);
        return new CallContext(c.header(), c.peer(), true);
    }

    @Test
    void aRetransmittedGuardedCreateWhoseFirstRunWasLostAnswersWithTheFileThere() throws Exception {
        NewObjectResult first = create("f", new CreateHow3.Guarded(Sattr3.NONE));

        NewObjectResult again = fx.call(retransmittedAfterLoss(), NFSPROC3_CREATE,
                new CreateArgs(in("f"), new CreateHow3.Guarded(Sattr3.NONE)));

        assertThat(again.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(((NewObjectResult.Ok) again).object()).isEqualTo(((NewObjectResult.Ok) first).object());
        NewObjectResult notADirectory = fx.call(retransmittedAfterLoss(), NFSPROC3_MKDIR,
                new MkdirArgs(in("f"), Sattr3.NONE));
        assertThat(notADirectory.status()).as("a name of another kind is not what the call made")
                .isEqualTo(Nfs3Status.NFS3ERR_EXIST);
    }

    @Test
    void aRetransmittedExclusiveCreateFindsItsOwnFileAndAnotherVerifierIsExist() throws Exception {
        NewObjectResult first = create("once", new CreateHow3.Exclusive(new Verifier3(42)));
        NewObjectResult retransmitted = create("once", new CreateHow3.Exclusive(new Verifier3(42)));
        NewObjectResult someoneElse = create("once", new CreateHow3.Exclusive(new Verifier3(43)));

        assertThat(first.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(((NewObjectResult.Ok) retransmitted).object()).isEqualTo(((NewObjectResult.Ok) first).object());
        assertThat(someoneElse.status()).isEqualTo(Nfs3Status.NFS3ERR_EXIST);
    }

    @Test
    void createWithANameTooLongIsNameTooLong() throws Exception {
        NewObjectResult result = create("x".repeat(256), new CreateHow3.Guarded(Sattr3.NONE));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_NAMETOOLONG);
        assertThat(result.dirWcc().after().isPresent()).isTrue();
    }

    @Test
    void createOnAReadOnlyExportIsRofs() throws Exception {
        NewObjectResult result = fx.call(NFSPROC3_CREATE, new CreateArgs(
                new DirOpArgs3(fx.handle(fx.ro.root()), Filename3.of("x")), new CreateHow3.Guarded(Sattr3.NONE)));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_ROFS);
        assertThat(fx.ro.calls).doesNotContain("create");
    }

    @Test
    void mkdirMakesADirectoryAndRefusesAnExistingName() throws Exception {
        NewObjectResult made = fx.call(NFSPROC3_MKDIR, new MkdirArgs(in("d"), Sattr3.NONE.withMode(0700)));
        NewObjectResult again = fx.call(NFSPROC3_MKDIR, new MkdirArgs(in("d"), Sattr3.NONE));

        Fattr3 attributes = ((NewObjectResult.Ok) made).objAttributes().attributes();
        assertThat(attributes.type()).isEqualTo(FileType3.NF3DIR);
        assertThat(attributes.mode()).isEqualTo(0700);
        assertThat(made.dirWcc().after().attributes().nlink()).isEqualTo(3);
        assertThat(again.status()).isEqualTo(Nfs3Status.NFS3ERR_EXIST);
    }

    @Test
    void symlinkMakesALinkThatReadsBack() throws Exception {
        NewObjectResult made = fx.call(NFSPROC3_SYMLINK, new SymlinkArgs(in("l"), Sattr3.NONE,
                Nfspath3.of("/etc/passwd")));

        FileHandle3 link = ((NewObjectResult.Ok) made).object();
        ReadlinkResult text = fx.call(NFSPROC3_READLINK, new ReadlinkArgs(link));
        assertThat(((NewObjectResult.Ok) made).objAttributes().attributes().type()).isEqualTo(FileType3.NF3LNK);
        assertThat(((ReadlinkResult.Ok) text).data().asString()).isEqualTo("/etc/passwd");
    }

    @Test
    void mknodMakesFifosAndSocketsForAnyoneAndDevicesForRootOnly() throws Exception {
        NewObjectResult fifo = fx.call(NFSPROC3_MKNOD, new MknodArgs(in("fifo"),
                new MknodData3.Pipe(FileType3.NF3FIFO, Sattr3.NONE)));
        NewObjectResult socket = fx.call(NFSPROC3_MKNOD, new MknodArgs(in("sock"),
                new MknodData3.Pipe(FileType3.NF3SOCK, Sattr3.NONE)));
        MknodArgs tty = new MknodArgs(new DirOpArgs3(fx.root(), Filename3.of("tty")),
                new MknodData3.Device(FileType3.NF3CHR, Sattr3.NONE, new SpecData3(136, 3)));
        NewObjectResult byAlice = fx.call(NFSPROC3_MKNOD, tty);
        NewObjectResult byRoot = fx.call(fx.as(Nfs3Fixture.ROOT, "10.3.0.1", 700), NFSPROC3_MKNOD, tty);

        assertThat(((NewObjectResult.Ok) fifo).objAttributes().attributes().type()).isEqualTo(FileType3.NF3FIFO);
        assertThat(((NewObjectResult.Ok) socket).objAttributes().attributes().type()).isEqualTo(FileType3.NF3SOCK);
        assertThat(byAlice.status()).isEqualTo(Nfs3Status.NFS3ERR_ACCES);
        Fattr3 device = ((NewObjectResult.Ok) byRoot).objAttributes().attributes();
        assertThat(device.type()).isEqualTo(FileType3.NF3CHR);
        assertThat(device.rdev()).isEqualTo(new SpecData3(136, 3));
    }

    @Test
    void mknodOfARegularFileDirectoryOrLinkIsBadtype() throws Exception {
        for (FileType3 type : new FileType3[] {FileType3.NF3REG, FileType3.NF3DIR, FileType3.NF3LNK}) {
            NewObjectResult result = fx.call(NFSPROC3_MKNOD, new MknodArgs(in("x"), new MknodData3.Other(type)));

            assertThat(result.status()).as("%s", type).isEqualTo(Nfs3Status.NFS3ERR_BADTYPE);
            assertThat(result.dirWcc().before().isPresent()).isTrue();
        }
        assertThat(fx.vfs.calls).doesNotContain("mknod");
    }

    @Test
    void aDeviceByAnUnsquashedNonRootUserIsPerm() throws Exception {
        MknodArgs tty = new MknodArgs(in("tty"),
                new MknodData3.Device(FileType3.NF3BLK, Sattr3.NONE, new SpecData3(8, 0)));

        NewObjectResult result = fx.call(NFSPROC3_MKNOD, tty);

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_PERM);
    }
}
