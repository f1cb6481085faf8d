package dev.handoff.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.nfs3.xdr.GetattrResult;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.PostOpAttr;
import dev.handoff.server.nfs3.xdr.ReadResult;
import dev.handoff.server.nfs3.xdr.WccData;
import dev.handoff.server.nfs3.xdr.WriteResult;
import org.junit.jupiter.api.Test;

class Nfs3OutcomeTest {
    @Test
    void readsTheStatusOfFailAndOkArms() {
        assertThat(Nfs3Outcome.status(new GetattrResult.Fail(Nfs3Status.NFS3ERR_NOENT)))
                .isEqualTo(Nfs3Status.NFS3ERR_NOENT);
        assertThat(Nfs3Outcome.status(new WriteResult.Fail(Nfs3Status.NFS3ERR_NOSPC, WccData.NONE)))
                .isEqualTo(Nfs3Status.NFS3ERR_NOSPC);
        assertThat(Nfs3Outcome.status(new ReadResult.Fail(Nfs3Status.NFS3ERR_ACCES, PostOpAttr.NONE)))
                .isEqualTo(Nfs3Status.NFS3ERR_ACCES);
    }

    @Test
    void resultsWithoutAStatusHaveNone() {
        assertThat(Nfs3Outcome.status(null)).isNull();
        assertThat(Nfs3Outcome.status("not a result")).isNull();
    }

    @Test
    void failedReadsAndWritesMoveNoBytes() {
        assertThat(Nfs3Outcome.bytesRead(new ReadResult.Fail(Nfs3Status.NFS3ERR_IO, PostOpAttr.NONE))).isZero();
        assertThat(Nfs3Outcome.bytesWritten(new WriteResult.Fail(Nfs3Status.NFS3ERR_IO, WccData.NONE))).isZero();
    }
}
