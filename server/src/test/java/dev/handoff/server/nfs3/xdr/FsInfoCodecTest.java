package dev.handoff.server.nfs3.xdr;

import static dev.handoff.server.nfs3.xdr.Nfs3Samples.DIR_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.ROOT;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertRoundTrip;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FsInfoCodecTest {
    private static final FsinfoResult.Ok FSINFO = new FsinfoResult.Ok(PostOpAttr.NONE, 1 << 20, 1 << 20, 4096,
            1 << 20, 1 << 20, 4096, 65536, Long.MAX_VALUE, new NfsTime3(0, 1),
            FsinfoResult.FSF3_LINK | FsinfoResult.FSF3_SYMLINK | FsinfoResult.FSF3_HOMOGENEOUS
                    | FsinfoResult.FSF3_CANSETTIME);

    @Test
    void fsstatRoundTrips() {
        assertRoundTrip(FsInfoCodec::writeFsstatArgs, FsInfoCodec::readFsstatArgs, new FsstatArgs(ROOT));
        assertRoundTrip(FsInfoCodec::writeFsstatResult, FsInfoCodec::readFsstatResult,
                new FsstatResult.Ok(PostOpAttr.of(DIR_ATTRS), 1L << 40, 1L << 39, -2, 1_000_000, 999_000, 998_000,
                        0));
        assertRoundTrip(FsInfoCodec::writeFsstatResult, FsInfoCodec::readFsstatResult,
                new FsstatResult.Fail(Nfs3Status.NFS3ERR_IO, PostOpAttr.NONE));
    }

    @Test
    void fsinfoIsLaidOutInTheRfcsOrder() {
        assertThat(encode(FsInfoCodec::writeFsinfoResult, FSINFO)).isEqualTo(hex("""
                00000000 00000000           # NFS3_OK, no attributes
                00100000 00100000 00001000  # rtmax, rtpref, rtmult
                00100000 00100000 00001000  # wtmax, wtpref, wtmult
                00010000                    # dtpref
                7fffffff ffffffff           # maxfilesize
                00000000 00000001           # time_delta 1 ns
                0000001b                    # LINK | SYMLINK | HOMOGENEOUS | CANSETTIME
                """));
    }

    @Test
    void fsinfoRoundTrips() {
        assertRoundTrip(FsInfoCodec::writeFsinfoArgs, FsInfoCodec::readFsinfoArgs, new FsinfoArgs(ROOT));
        assertRoundTrip(FsInfoCodec::writeFsinfoResult, FsInfoCodec::readFsinfoResult, FSINFO);
        assertRoundTrip(FsInfoCodec::writeFsinfoResult, FsInfoCodec::readFsinfoResult,
                new FsinfoResult.Fail(Nfs3Status.NFS3ERR_STALE, PostOpAttr.NONE));
    }

    @Test
    void pathconfRoundTrips() {
        assertRoundTrip(FsInfoCodec::writePathconfArgs, FsInfoCodec::readPathconfArgs, new PathconfArgs(ROOT));
        assertRoundTrip(FsInfoCodec::writePathconfResult, FsInfoCodec::readPathconfResult,
                new PathconfResult.Ok(PostOpAttr.of(DIR_ATTRS), 65000, 255, true, true, false, true));
        assertRoundTrip(FsInfoCodec::writePathconfResult, FsInfoCodec::readPathconfResult,
                new PathconfResult.Fail(Nfs3Status.NFS3ERR_BADHANDLE, PostOpAttr.NONE));
    }

    @Test
    void truncatedArgumentsAndRepliesFailAtEveryLength() {
        assertEveryPrefixFails(FsInfoCodec::readFsinfoArgs, encode(FsInfoCodec::writeFsinfoArgs,
                new FsinfoArgs(ROOT)));
        assertEveryPrefixFails(FsInfoCodec::readFsinfoResult, encode(FsInfoCodec::writeFsinfoResult, FSINFO));
    }
}
