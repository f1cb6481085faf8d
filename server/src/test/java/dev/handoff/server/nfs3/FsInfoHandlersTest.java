package dev.handoff.server.nfs3;

import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_FSINFO;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_FSSTAT;
import static dev.handoff.server.nfs3.xdr.Nfs3Procedures.NFSPROC3_PATHCONF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.nfs3.xdr.FsinfoArgs;
import dev.handoff.server.nfs3.xdr.FsinfoResult;
import dev.handoff.server.nfs3.xdr.FsstatArgs;
import dev.handoff.server.nfs3.xdr.FsstatResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.NfsTime3;
import dev.handoff.server.nfs3.xdr.PathconfArgs;
import dev.handoff.server.nfs3.xdr.PathconfResult;
import org.junit.jupiter.api.Test;

/** FSSTAT, FSINFO and PATHCONF. */
class FsInfoHandlersTest {
    private final Nfs3Fixture fx = new Nfs3Fixture();

    @Test
    void fsstatPassesOnTheFileSystemsNumbers() throws Exception {
        FsstatResult.Ok ok = (FsstatResult.Ok) fx.<FsstatResult>call(NFSPROC3_FSSTAT, new FsstatArgs(fx.root()));

        assertThat(ok.tbytes()).isEqualTo(1L << 40);
        assertThat(ok.abytes()).isEqualTo(1L << 38);
        assertThat(ok.afiles()).isEqualTo(400_000);
        assertThat(ok.invarsec()).isZero();
        assertThat(ok.objAttributes().isPresent()).isTrue();
    }

    @Test
    void fsinfoAnnouncesOneMebibyteTransfersAndNanosecondTimes() throws Exception {
        FsinfoResult.Ok ok = (FsinfoResult.Ok) fx.<FsinfoResult>call(NFSPROC3_FSINFO, new FsinfoArgs(fx.root()));

        assertThat(ok.rtmax()).isEqualTo(1 << 20);
        assertThat(ok.rtpref()).isEqualTo(1 << 20);
        assertThat(ok.wtmax()).isEqualTo(1 << 20);
        assertThat(ok.wtpref()).isEqualTo(1 << 20);
        assertThat(ok.rtmult()).isEqualTo(4096);
        assertThat(ok.wtmult()).isEqualTo(4096);
        assertThat(ok.dtpref()).isEqualTo(64 * 1024);
        assertThat(ok.maxfilesize()).isEqualTo(Long.MAX_VALUE);
        assertThat(ok.timeDelta()).isEqualTo(new NfsTime3(0, 1));
        assertThat(ok.properties()).isEqualTo(FsinfoResult.FSF3_LINK | FsinfoResult.FSF3_SYMLINK
                | FsinfoResult.FSF3_HOMOGENEOUS | FsinfoResult.FSF3_CANSETTIME);
        assertThat(ok.objAttributes().isPresent()).isTrue();
    }

    @Test
    void pathconfDescribesPosixNames() throws Exception {
        PathconfResult.Ok ok = (PathconfResult.Ok) fx.<PathconfResult>call(NFSPROC3_PATHCONF,
                new PathconfArgs(fx.root()));

        assertThat(ok.linkmax()).isPositive();
        assertThat(ok.nameMax()).isEqualTo(255);
        assertThat(ok.noTrunc()).isTrue();
        assertThat(ok.chownRestricted()).isTrue();
        assertThat(ok.caseInsensitive()).isFalse();
        assertThat(ok.casePreserving()).isTrue();
    }

    @Test
    void aForeignClientLearnsNothingAboutTheFileSystem() throws Exception {
        FsinfoResult result = fx.call(fx.as(Nfs3Fixture.ALICE, "172.16.0.1", 700), NFSPROC3_FSINFO,
                new FsinfoArgs(fx.root()));

        assertThat(result.status()).isEqualTo(Nfs3Status.NFS3ERR_ACCES);
        assertThat(result.objAttributes().isPresent()).isFalse();
    }
}
