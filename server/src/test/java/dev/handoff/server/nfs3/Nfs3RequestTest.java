package dev.handoff.server.nfs3;

import static dev.handoff.server.nfs3.Nfs3Fixture.ALICE;
import static dev.handoff.server.nfs3.Nfs3Fixture.ROOT;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_CREATE;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_GETATTR;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_REMOVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.nfs3.xdr.CreateArgs;
import dev.handoff.server.nfs3.xdr.CreateHow3;
import dev.handoff.server.nfs3.xdr.DirOpArgs3;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.GetattrArgs;
import dev.handoff.server.nfs3.xdr.GetattrResult;
import dev.handoff.server.nfs3.xdr.NewObjectResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.RemoveArgs;
import dev.handoff.server.nfs3.xdr.RemoveResult;
import dev.handoff.server.nfs3.xdr.Sattr3;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.SetAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prologue every handle of every call goes through: signature, export access, identity. */
class Nfs3RequestTest {
    private final Nfs3Fixture fx = new Nfs3Fixture();

    private Nfs3Status getattr(FileHandle3 handle, Credential credential, String address, int port)
            throws Exception {
        GetattrResult result = fx.call(fx.as(credential, address, port), NFSPROC3_GETATTR, new GetattrArgs(handle));
        return result.status();
    }

    @Test
    void aHandleWithAnyByteFlippedIsBadHandle() throws Exception {
        FileHandle3 root = fx.root();
        for (int i = 0; i < root.length(); i++) {
            assertThat(getattr(Nfs3Fixture.flipped(root, i), ALICE, "10.1.0.5", 40_000)).as("byte %d", i)
                    .isEqualTo(Nfs3Status.NFS3ERR_BADHANDLE);
        }
        assertThat(getattr(new FileHandle3(Opaque.EMPTY), ALICE, "10.1.0.5", 40_000))
                .isEqualTo(Nfs3Status.NFS3ERR_BADHANDLE);
    }

    @Test
    void theHandleOfARemovedFileIsStale() throws Exception {
        Inode home = fx.vfs.dir(fx.vfs.root(), "home", 0755, 1000, 1000);
        FileHandle3 file = fx.handle(fx.vfs.file(home, "doomed", "x", 0644, 1000, 1000));

        RemoveResult removed = fx.call(NFSPROC3_REMOVE, new RemoveArgs(new DirOpArgs3(fx.handle(home),
                Filename3.of("doomed"))));

        assertThat(removed.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(getattr(file, ALICE, "10.1.0.5", 40_000)).isEqualTo(Nfs3Status.NFS3ERR_STALE);
    }

    @Test
    void aHandleOfAnExportNoLongerInTheTableIsStale() throws Exception {
        FileHandle3 unknown = fx.handles.toHandle(new Inode(99, fx.vfs.root().key()));

        assertThat(getattr(unknown, ALICE, "10.1.0.5", 40_000)).isEqualTo(Nfs3Status.NFS3ERR_STALE);
    }

    @Test
    void anExportWithoutAFileSystemIsStale() throws Exception {
        FileHandle3 gone = fx.handles.toHandle(new Inode(Nfs3Fixture.NO_VFS, fx.vfs.root().key()));

        assertThat(getattr(gone, ALICE, "10.1.0.5", 40_000)).isEqualTo(Nfs3Status.NFS3ERR_STALE);
    }

    @Test
    void aClientNotInTheExportIsRefusedOnEveryCall() throws Exception {
        assertThat(getattr(fx.root(), ALICE, "192.168.1.1", 700)).isEqualTo(Nfs3Status.NFS3ERR_ACCES);
        assertThat(fx.vfs.calls).isEmpty();
        assertThat(getattr(fx.root(), ALICE, "10.1.0.5", 40_000)).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(getattr(fx.root(), ALICE, "192.168.1.1", 700)).isEqualTo(Nfs3Status.NFS3ERR_ACCES);
        assertThat(fx.vfs.calls).containsExactly("getattr");
    }

    @Test
    void aSecureExportRefusesUnprivilegedPortsWithPerm() throws Exception {
        assertThat(getattr(fx.root(), ALICE, "10.2.0.5", 1023)).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(getattr(fx.root(), ALICE, "10.2.0.5", 1024)).isEqualTo(Nfs3Status.NFS3ERR_PERM);
    }

    private Identity createAs(Credential credential, String address) throws Exception {
        NewObjectResult result = fx.call(fx.as(credential, address, 800), NFSPROC3_CREATE, new CreateArgs(
                new DirOpArgs3(fx.root(), Filename3.of("f-" + address)),
                new CreateHow3.Unchecked(Sattr3.NONE.withMode(0644))));
        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3_OK);
        return fx.vfs.lastCaller();
    }

    @Test
    void rootIsSquashedToTheAnonymousIdsBeforeTheFileSystemSeesIt() throws Exception {
        fx.vfs.setattr(FakeVfs.ROOT, fx.vfs.root(), new SetAttributes(0777, null, null, null, null, null));

        assertThat(createAs(Nfs3Fixture.user(0, 0, 0, 10), "10.1.0.5"))
                .isEqualTo(new Identity(65534, 65534, List.of(65534, 10)));
        assertThat(createAs(ROOT, "10.3.0.5")).isEqualTo(new Identity(0, 0, List.of()));
        assertThat(createAs(Credential.None.INSTANCE, "10.3.0.6")).isEqualTo(new Identity(65534, 65534, List.of()));
        assertThat(createAs(ALICE, "10.1.0.6")).isEqualTo(new Identity(1000, 1000, List.of()));
    }
}
