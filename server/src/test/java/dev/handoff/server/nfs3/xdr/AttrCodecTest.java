package dev.handoff.server.nfs3.xdr;

import static dev.handoff.server.nfs3.xdr.Nfs3Samples.DIR_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.ROOT;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.SET_ALL;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.SET_MODE_SERVER_TIMES;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.T1;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.WCC;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertMutationsFailOnlyWithXdrException;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertRoundTrip;
import static dev.handoff.server.nfs3.xdr.XdrTesting.decode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttrCodecTest {
    @Test
    void getattrArgumentsAndResultsRoundTrip() {
        assertRoundTrip(AttrCodec::writeGetattrArgs, AttrCodec::readGetattrArgs, new GetattrArgs(ROOT));
        assertRoundTrip(AttrCodec::writeGetattrArgs, AttrCodec::readGetattrArgs,
                new GetattrArgs(Nfs3Samples.LONGEST));
        assertRoundTrip(AttrCodec::writeGetattrResult, AttrCodec::readGetattrResult,
                new GetattrResult.Ok(FILE_ATTRS));
        assertRoundTrip(AttrCodec::writeGetattrResult, AttrCodec::readGetattrResult,
                new GetattrResult.Fail(Nfs3Status.NFS3ERR_STALE));
    }

    @Test
    void getattrCallMatchesTheGoldenBytes() {
        byte[] golden = hex("""
                00000014                    # nfs_fh3 length 20
                01000701 0a1b2c3d 00000000 00000002 0000beef
                """);
        assertThat(encode(AttrCodec::writeGetattrArgs, new GetattrArgs(ROOT))).isEqualTo(golden);
        assertThat(decode(AttrCodec::readGetattrArgs, golden)).isEqualTo(new GetattrArgs(ROOT));
    }

    @Test
    void aFailedGetattrIsTheStatusAlone() {
        assertThat(encode(AttrCodec::writeGetattrResult, new GetattrResult.Fail(Nfs3Status.NFS3ERR_STALE)))
                .isEqualTo(hex("00000046"));
    }

    @Test
    void setattrArgumentsAndResultsRoundTrip() {
        assertRoundTrip(AttrCodec::writeSetattrArgs, AttrCodec::readSetattrArgs,
                new SetattrArgs(FILE, SET_ALL, T1));
        assertRoundTrip(AttrCodec::writeSetattrArgs, AttrCodec::readSetattrArgs,
                new SetattrArgs(FILE, SET_MODE_SERVER_TIMES, null));
        assertRoundTrip(AttrCodec::writeSetattrArgs, AttrCodec::readSetattrArgs,
                new SetattrArgs(FILE, Sattr3.NONE.withSize(0L), null));
        assertRoundTrip(AttrCodec::writeSetattrResult, AttrCodec::readSetattrResult, new SetattrResult.Ok(WCC));
        assertRoundTrip(AttrCodec::writeSetattrResult, AttrCodec::readSetattrResult,
                new SetattrResult.Fail(Nfs3Status.NFS3ERR_NOT_SYNC, WccData.NONE));
    }

    @Test
    void accessArgumentsAndResultsRoundTrip() {
        int asked = AccessArgs.ACCESS3_READ | AccessArgs.ACCESS3_LOOKUP | AccessArgs.ACCESS3_EXECUTE;
        assertRoundTrip(AttrCodec::writeAccessArgs, AttrCodec::readAccessArgs, new AccessArgs(ROOT, asked));
        assertRoundTrip(AttrCodec::writeAccessResult, AttrCodec::readAccessResult,
                new AccessResult.Ok(PostOpAttr.of(DIR_ATTRS), AccessArgs.ACCESS3_READ));
        assertRoundTrip(AttrCodec::writeAccessResult, AttrCodec::readAccessResult,
                new AccessResult.Fail(Nfs3Status.NFS3ERR_ACCES, PostOpAttr.NONE));
    }

    @Test
    void truncatedArgumentsFailAtEveryLength() {
        assertEveryPrefixFails(AttrCodec::readGetattrArgs, encode(AttrCodec::writeGetattrArgs,
                new GetattrArgs(ROOT)));
        assertEveryPrefixFails(AttrCodec::readSetattrArgs, encode(AttrCodec::writeSetattrArgs,
                new SetattrArgs(FILE, SET_ALL, T1)));
        assertEveryPrefixFails(AttrCodec::readAccessArgs, encode(AttrCodec::writeAccessArgs,
                new AccessArgs(ROOT, AccessArgs.ACCESS3_MODIFY)));
    }

    @Test
    void mutatedArgumentsFailOnlyAsGarbage() {
        assertMutationsFailOnlyWithXdrException(AttrCodec::readSetattrArgs, encode(AttrCodec::writeSetattrArgs,
                new SetattrArgs(FILE, SET_ALL, T1)), 1);
        assertMutationsFailOnlyWithXdrException(AttrCodec::readAccessArgs, encode(AttrCodec::writeAccessArgs,
                new AccessArgs(ROOT, AccessArgs.ACCESS3_MODIFY)), 2);
    }
}
