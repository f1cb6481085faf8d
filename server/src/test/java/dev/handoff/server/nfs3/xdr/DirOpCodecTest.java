package dev.handoff.server.nfs3.xdr;

import static dev.handoff.server.nfs3.xdr.Nfs3Samples.DIR_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.HELLO;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.LONG_NAME;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.WCC;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.WCC_AFTER_ONLY;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertMutationsFailOnlyWithXdrException;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertRoundTrip;
import static dev.handoff.server.nfs3.xdr.XdrTesting.decode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirOpCodecTest {
    @Test
    void lookupCallMatchesTheGoldenBytes() {
        byte[] golden = hex("""
                00000014                    # dir: nfs_fh3 of 20 bytes
                01000701 0a1b2c3d 00000000 00000002 0000beef
                00000009                    # name: 9 bytes, padded to 12
                68656c6c 6f2e7478 74000000  # "hello.txt"
                """);
        assertThat(encode(DirOpCodec::writeLookupArgs, new LookupArgs(HELLO))).isEqualTo(golden);
        assertThat(decode(DirOpCodec::readLookupArgs, golden).what().name().asString()).isEqualTo("hello.txt");
    }

    @Test
    void lookupRoundTrips() {
        assertRoundTrip(DirOpCodec::writeLookupArgs, DirOpCodec::readLookupArgs, new LookupArgs(LONG_NAME));
        assertRoundTrip(DirOpCodec::writeLookupResult, DirOpCodec::readLookupResult,
                new LookupResult.Ok(FILE, PostOpAttr.of(FILE_ATTRS), PostOpAttr.of(DIR_ATTRS)));
        assertRoundTrip(DirOpCodec::writeLookupResult, DirOpCodec::readLookupResult,
                new LookupResult.Ok(FILE, PostOpAttr.NONE, PostOpAttr.NONE));
        assertRoundTrip(DirOpCodec::writeLookupResult, DirOpCodec::readLookupResult,
                new LookupResult.Fail(Nfs3Status.NFS3ERR_NOENT, PostOpAttr.of(DIR_ATTRS)));
    }

    @Test
    void aFailedLookupCarriesTheDirectoryAttributesOnly() {
        assertThat(encode(DirOpCodec::writeLookupResult,
                new LookupResult.Fail(Nfs3Status.NFS3ERR_NOENT, PostOpAttr.NONE)))
                .isEqualTo(hex("00000002 00000000"));
    }

    @Test
    void readlinkRoundTrips() {
        assertRoundTrip(DirOpCodec::writeReadlinkArgs, DirOpCodec::readReadlinkArgs, new ReadlinkArgs(FILE));
        assertRoundTrip(DirOpCodec::writeReadlinkResult, DirOpCodec::readReadlinkResult,
                new ReadlinkResult.Ok(PostOpAttr.NONE, Nfspath3.of("../shared/target")));
        assertRoundTrip(DirOpCodec::writeReadlinkResult, DirOpCodec::readReadlinkResult,
                new ReadlinkResult.Fail(Nfs3Status.NFS3ERR_INVAL, PostOpAttr.of(FILE_ATTRS)));
    }

    @Test
    void removeAndRmdirRoundTrip() {
        assertRoundTrip(DirOpCodec::writeRemoveArgs, DirOpCodec::readRemoveArgs, new RemoveArgs(HELLO));
        assertRoundTrip(DirOpCodec::writeRmdirArgs, DirOpCodec::readRmdirArgs, new RmdirArgs(LONG_NAME));
        assertRoundTrip(DirOpCodec::writeRemoveResult, DirOpCodec::readRemoveResult, new RemoveResult.Ok(WCC));
        assertRoundTrip(DirOpCodec::writeRemoveResult, DirOpCodec::readRemoveResult,
                new RemoveResult.Fail(Nfs3Status.NFS3ERR_NOTEMPTY, WCC_AFTER_ONLY));
    }

    @Test
    void renameRoundTrips() {
        assertRoundTrip(DirOpCodec::writeRenameArgs, DirOpCodec::readRenameArgs, new RenameArgs(HELLO, LONG_NAME));
        assertRoundTrip(DirOpCodec::writeRenameResult, DirOpCodec::readRenameResult,
                new RenameResult.Ok(WCC, WCC_AFTER_ONLY));
        assertRoundTrip(DirOpCodec::writeRenameResult, DirOpCodec::readRenameResult,
                new RenameResult.Fail(Nfs3Status.NFS3ERR_XDEV, WccData.NONE, WCC));
    }

    @Test
    void linkRoundTrips() {
        assertRoundTrip(DirOpCodec::writeLinkArgs, DirOpCodec::readLinkArgs, new LinkArgs(FILE, HELLO));
        assertRoundTrip(DirOpCodec::writeLinkResult, DirOpCodec::readLinkResult,
                new LinkResult.Ok(PostOpAttr.of(FILE_ATTRS), WCC));
        assertRoundTrip(DirOpCodec::writeLinkResult, DirOpCodec::readLinkResult,
                new LinkResult.Fail(Nfs3Status.NFS3ERR_MLINK, PostOpAttr.NONE, WccData.NONE));
    }

    @Test
    void truncatedArgumentsFailAtEveryLength() {
        assertEveryPrefixFails(DirOpCodec::readLookupArgs, encode(DirOpCodec::writeLookupArgs,
                new LookupArgs(HELLO)));
        assertEveryPrefixFails(DirOpCodec::readRenameArgs, encode(DirOpCodec::writeRenameArgs,
                new RenameArgs(HELLO, LONG_NAME)));
        assertEveryPrefixFails(DirOpCodec::readLinkArgs, encode(DirOpCodec::writeLinkArgs,
                new LinkArgs(FILE, HELLO)));
        assertEveryPrefixFails(DirOpCodec::readRemoveArgs, encode(DirOpCodec::writeRemoveArgs,
                new RemoveArgs(HELLO)));
    }

    @Test
    void mutatedArgumentsFailOnlyAsGarbage() {
        assertMutationsFailOnlyWithXdrException(DirOpCodec::readRenameArgs, encode(DirOpCodec::writeRenameArgs,
                new RenameArgs(HELLO, LONG_NAME)), 3);
        assertMutationsFailOnlyWithXdrException(DirOpCodec::readLinkArgs, encode(DirOpCodec::writeLinkArgs,
                new LinkArgs(FILE, HELLO)), 4);
    }
}
