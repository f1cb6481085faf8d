package dev.handoff.server.nfs3;

import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_COMMIT;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_READ;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.nfs3.xdr.CommitArgs;
import dev.handoff.server.nfs3.xdr.CommitResult;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.ReadArgs;
import dev.handoff.server.nfs3.xdr.ReadResult;
import dev.handoff.server.nfs3.xdr.StableHow;
import dev.handoff.server.nfs3.xdr.WriteArgs;
import dev.handoff.server.nfs3.xdr.WriteData;
import dev.handoff.server.nfs3.xdr.WriteResult;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.Stability;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** READ, WRITE and COMMIT: counts, eof, stability, the write verifier, and errors with wcc_data. */
class IoHandlersTest {
    private final Nfs3Fixture fx = new Nfs3Fixture();
    private Inode inode;
    private FileHandle3 file;

    @BeforeEach
    void aliceHasAFile() throws Exception {
        inode = fx.vfs.file(fx.vfs.root(), "data", "0123456789", 0644, 1000, 1000);
        file = fx.handle(inode);
    }

    private static WriteArgs write(FileHandle3 file, long offset, String text, StableHow stable) {
        return new WriteArgs(file, offset, stable,
                WriteData.wrap(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    private record Read(Nfs3Status status, String data, boolean eof) {
    }

    private Read read(long offset, long count) throws Exception {
        ReadResult result = fx.call(NFSPROC3_READ, new ReadArgs(file, offset, count));
        if (!(result instanceof ReadResult.Ok ok)) {
            return new Read(result.status(), null, false);
        }
        try (var data = ok.data()) {
            assertThat(ok.fileAttributes().isPresent()).isTrue();
            assertThat(data.nioBuffer().isDirect()).as("READ data is off the heap").isTrue();
            return new Read(Nfs3Status.NFS3_OK, StandardCharsets.UTF_8.decode(data.nioBuffer()).toString(),
                    ok.eof());
        }
    }

    @Test
    void readReturnsTheBytesAndSaysWhetherTheyReachTheEnd() throws Exception {
        assertThat(read(0, 4)).isEqualTo(new Read(Nfs3Status.NFS3_OK, "0123", false));
        assertThat(read(6, 4)).isEqualTo(new Read(Nfs3Status.NFS3_OK, "6789", true));
        assertThat(read(8, 100)).isEqualTo(new Read(Nfs3Status.NFS3_OK, "89", true));
        assertThat(read(50, 10)).isEqualTo(new Read(Nfs3Status.NFS3_OK, "", true));
    }

    @Test
    void readAtAnOffsetNoFileReachesIsInval() throws Exception {
        assertThat(read(Long.MIN_VALUE, 4).status()).isEqualTo(Nfs3Status.NFS3ERR_INVAL);
    }

    @Test
    void readAsksTheFileSystemForNoMoreThanRtmax() throws Exception {
        ReadResult result = fx.call(NFSPROC3_READ, new ReadArgs(file, 0, 0xFFFF_FFFFL));

        try (var data = ((ReadResult.Ok) result).data()) {
            assertThat(data.length()).isEqualTo(10);
        }
    }

    @Test
    void readWithoutPermissionIsAccesAndOfADirectoryIsIsdir() throws Exception {
        Inode secret = fx.vfs.file(fx.vfs.root(), "secret", "x", 0600, 2000, 2000);

        ReadResult denied = fx.call(NFSPROC3_READ, new ReadArgs(fx.handle(secret), 0, 10));
        ReadResult dir = fx.call(NFSPROC3_READ, new ReadArgs(fx.root(), 0, 10));

        assertThat(denied.status()).isEqualTo(Nfs3Status.NFS3ERR_ACCES);
        assertThat(denied.fileAttributes().isPresent()).isTrue();
        assertThat(dir.status()).isEqualTo(Nfs3Status.NFS3ERR_ISDIR);
    }

    @Test
    void writeReturnsTheCountTheStabilityAskedAndTheVerifier() throws Exception {
        WriteResult result = fx.call(NFSPROC3_WRITE, write(file, 8, "ABCD", StableHow.FILE_SYNC));

        WriteResult.Ok ok = (WriteResult.Ok) result;
        assertThat(ok.count()).isEqualTo(4);
        assertThat(ok.committed()).isEqualTo(StableHow.FILE_SYNC);
        assertThat(ok.verifier()).isEqualTo(Nfs3Fixture.WRITE_VERIFIER);
        assertThat(ok.fileWcc().before().attributes().size()).isEqualTo(10);
        assertThat(ok.fileWcc().after().attributes().size()).isEqualTo(12);
        assertThat(fx.vfs.contents(inode)).isEqualTo("01234567ABCD");
    }

    @Test
    void anUnstableWriteStaysUnstableUntilCommit() throws Exception {
        WriteResult written = fx.call(NFSPROC3_WRITE, write(file, 0, "x", StableHow.UNSTABLE));
        CommitResult committed = fx.call(NFSPROC3_COMMIT, new CommitArgs(file, 0, 0));

        assertThat(((WriteResult.Ok) written).committed()).isEqualTo(StableHow.UNSTABLE);
        assertThat(((CommitResult.Ok) committed).verifier()).isEqualTo(Nfs3Fixture.WRITE_VERIFIER);
        assertThat(committed.fileWcc().after().isPresent()).isTrue();
        assertThat(fx.vfs.commits).isEqualTo(1);
    }

    @Test
    void anAsyncExportWritesUnstableButTellsTheClientWhatItAsked() throws Exception {
        CallContext async = fx.as(Nfs3Fixture.ALICE, "10.4.0.1", 40_000);

        WriteResult result = fx.call(async, NFSPROC3_WRITE, write(file, 0, "x", StableHow.DATA_SYNC));

        assertThat(fx.vfs.lastWriteStability).isEqualTo(Stability.UNSTABLE);
        assertThat(((WriteResult.Ok) result).committed()).isEqualTo(StableHow.DATA_SYNC);
    }

    @Test
    void aFullQuotaIsDquotWithWccData() throws Exception {
        fx.vfs.failNext("write", Errno.EDQUOT);

        WriteResult result = fx.call(NFSPROC3_WRITE, write(file, 0, "x", StableHow.FILE_SYNC));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_DQUOT);
        assertThat(result.fileWcc().before().attributes().size()).isEqualTo(10);
        assertThat(result.fileWcc().after().attributes().size()).isEqualTo(10);
    }

    @Test
    void writeBeyondTheLargestOffsetIsFbig() throws Exception {
        WriteResult result = fx.call(NFSPROC3_WRITE, write(file, Long.MAX_VALUE - 1, "xyz", StableHow.FILE_SYNC));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_FBIG);
    }

    @Test
    void writeToADirectoryIsIsdirAndToAReadOnlyExportRofs() throws Exception {
        WriteResult dir = fx.call(NFSPROC3_WRITE, write(fx.root(), 0, "x", StableHow.FILE_SYNC));
        WriteResult ro = fx.call(NFSPROC3_WRITE, write(fx.handle(fx.ro.root()), 0, "x", StableHow.FILE_SYNC));
        CommitResult commitRo = fx.call(NFSPROC3_COMMIT, new CommitArgs(fx.handle(fx.ro.root()), 0, 0));

        assertThat(dir.status()).isEqualTo(Nfs3Status.NFS3ERR_ISDIR);
        assertThat(ro.status()).isEqualTo(Nfs3Status.NFS3ERR_ROFS);
        assertThat(commitRo.status()).isEqualTo(Nfs3Status.NFS3ERR_ROFS);
    }

    @Test
    void anUnknownErrnoIsServerfault() throws Exception {
        fx.vfs.failNext("commit", Errno.EOVERFLOW);

        CommitResult result = fx.call(NFSPROC3_COMMIT, new CommitArgs(file, 0, 0));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_SERVERFAULT);
    }
}
