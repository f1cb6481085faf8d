package dev.handoff.server.nfs3;

import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_LINK;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_REMOVE;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_RENAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.nfs3.xdr.DirOpArgs3;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.Filename3;
import dev.handoff.server.nfs3.xdr.LinkArgs;
import dev.handoff.server.nfs3.xdr.LinkResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.RemoveArgs;
import dev.handoff.server.nfs3.xdr.RemoveResult;
import dev.handoff.server.nfs3.xdr.RenameArgs;
import dev.handoff.server.nfs3.xdr.RenameResult;
import dev.handoff.server.vfs.Inode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FileRemovalListenerTest {
    private final List<Inode> removed = new ArrayList<>();
    private final Nfs3Fixture fx = new Nfs3Fixture(removed::add);
    private Inode home;
    private Inode notes;
    private FileHandle3 homeHandle;

    @BeforeEach
    void files() throws Exception {
        home = fx.vfs.dir(fx.vfs.root(), "home", 0755, 1000, 1000);
        homeHandle = fx.handle(home);
        notes = fx.vfs.file(home, "notes", "some notes", 0644, 1000, 1000);
    }

    private static DirOpArgs3 in(FileHandle3 dir, String name) {
        return new DirOpArgs3(dir, Filename3.of(name));
    }

    @Test
    void removingTheLastLinkReportsTheFile() throws Exception {
        RemoveResult r = fx.call(NFSPROC3_REMOVE, new RemoveArgs(in(homeHandle, "notes")));

        assertThat(r.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(removed).containsExactly(notes);
    }

    @Test
    void removingOneOfTwoLinksReportsNothing() throws Exception {
        LinkResult link = fx.call(NFSPROC3_LINK, new LinkArgs(fx.handle(notes), in(homeHandle, "again")));
        assertThat(link.status()).isEqualTo(Nfs3Status.NFS3_OK);

        fx.call(NFSPROC3_REMOVE, new RemoveArgs(in(homeHandle, "notes")));

        assertThat(removed).isEmpty();
    }

    @Test
    void failedRemoveReportsNothing() throws Exception {
        RemoveResult r = fx.call(NFSPROC3_REMOVE, new RemoveArgs(in(homeHandle, "absent")));

        assertThat(r.status()).isEqualTo(Nfs3Status.NFS3ERR_NOENT);
        assertThat(removed).isEmpty();
    }

    @Test
    void renameOverAFileReportsTheReplacedFile() throws Exception {
        Inode old = fx.vfs.file(home, "kept", "old", 0644, 1000, 1000);

        RenameResult r = fx.call(NFSPROC3_RENAME, new RenameArgs(in(homeHandle, "notes"), in(homeHandle, "kept")));

        assertThat(r.status()).isEqualTo(Nfs3Status.NFS3_OK);
        assertThat(removed).containsExactly(old);
    }

    @Test
    void renameToAFreeNameReportsNothing() throws Exception {
        fx.call(NFSPROC3_RENAME, new RenameArgs(in(homeHandle, "notes"), in(homeHandle, "moved")));

        assertThat(removed).isEmpty();
    }
}
