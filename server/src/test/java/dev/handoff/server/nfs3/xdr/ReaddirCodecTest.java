package dev.handoff.server.nfs3.xdr;

import static dev.handoff.server.nfs3.xdr.Nfs3Samples.DIR_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.ROOT;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.VERF;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertMutationsFailOnlyWithXdrException;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertRoundTrip;
import static dev.handoff.server.nfs3.xdr.XdrTesting.decode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReaddirCodecTest {
    private static final List<EntryPlus3> PLUS_ENTRIES = List.of(
            new EntryPlus3(0x1234, Filename3.of("a.txt"), 1, PostOpAttr.NONE, FILE),
            new EntryPlus3(0x1235, Filename3.of("b"), 2, PostOpAttr.of(FILE_ATTRS), null));

    @Test
    void readdirplusResultMatchesTheGoldenBytes() {
        byte[] golden = hex("""
                00000000                    # NFS3_OK
                00000001                    # dir_attributes follow
                00000002 000001ed 00000002 00000000 00000000
                00000000 00001000 00000000 00001000 00000000 00000000
                11223344 55667788 00000000 00000002
                6553f100 075bcd15 6553f100 075bcd15 6553f100 075bcd15
                01020304 05060708           # cookieverf
                00000001                    # an entry follows
                00000000 00001234           #   fileid
                00000005 612e7478 74000000  #   name "a.txt"
                00000000 00000001           #   cookie 1
                00000000                    #   name_attributes absent
                00000001                    #   name_handle follows
                00000007 0100070100ffee00
                00000001                    # an entry follows
                00000000 00001235           #   fileid
                00000001 62000000           #   name "b"
                00000000 00000002           #   cookie 2
                00000001                    #   name_attributes follow
                00000001 000001a4 00000001 000003e8 fffffffe
                ffffffff fffffffe 00000000 00002000 00000000 00000000
                00000000 00000007 80000000 00000001
                6553f100 075bcd15 ffffffff 3b9ac9ff ffffffff 3b9ac9ff
                00000000                    #   name_handle absent
                00000000                    # no more entries
                00000001                    # eof
                """);
        ReaddirplusResult result = new ReaddirplusResult.Ok(PostOpAttr.of(DIR_ATTRS), VERF, PLUS_ENTRIES, true);
        assertThat(encode(ReaddirCodec::writeReaddirplusResult, result)).isEqualTo(golden);
        assertThat(decode(ReaddirCodec::readReaddirplusResult, golden)).isEqualTo(result);
    }

    @Test
    void readdirRoundTrips() {
        assertRoundTrip(ReaddirCodec::writeReaddirArgs, ReaddirCodec::readReaddirArgs,
                new ReaddirArgs(ROOT, 0, Verifier3.ZERO, 4096));
        assertRoundTrip(ReaddirCodec::writeReaddirArgs, ReaddirCodec::readReaddirArgs,
                new ReaddirArgs(ROOT, -1, VERF, 0xFFFF_FFFFL));
        assertRoundTrip(ReaddirCodec::writeReaddirResult, ReaddirCodec::readReaddirResult,
                new ReaddirResult.Ok(PostOpAttr.of(DIR_ATTRS), VERF,
                        List.of(new Entry3(2, Filename3.of("."), 1), new Entry3(1, Filename3.of(".."), 2),
                                new Entry3(77, Filename3.of("x".repeat(255)), Long.MIN_VALUE)), false));
        assertRoundTrip(ReaddirCodec::writeReaddirResult, ReaddirCodec::readReaddirResult,
                new ReaddirResult.Ok(PostOpAttr.NONE, Verifier3.ZERO, List.of(), true));
        assertRoundTrip(ReaddirCodec::writeReaddirResult, ReaddirCodec::readReaddirResult,
                new ReaddirResult.Fail(Nfs3Status.NFS3ERR_BAD_COOKIE, PostOpAttr.of(DIR_ATTRS)));
    }

    @Test
    void readdirplusRoundTrips() {
        assertRoundTrip(ReaddirCodec::writeReaddirplusArgs, ReaddirCodec::readReaddirplusArgs,
                new ReaddirplusArgs(ROOT, 0, Verifier3.ZERO, 4096, 32768));
        assertRoundTrip(ReaddirCodec::writeReaddirplusResult, ReaddirCodec::readReaddirplusResult,
                new ReaddirplusResult.Ok(PostOpAttr.NONE, VERF, PLUS_ENTRIES, false));
        assertRoundTrip(ReaddirCodec::writeReaddirplusResult, ReaddirCodec::readReaddirplusResult,
                new ReaddirplusResult.Fail(Nfs3Status.NFS3ERR_NOTDIR, PostOpAttr.NONE));
    }

    @Test
    void anEmptyDirectoryPageIsTheVerifierFalseAndEof() {
        assertThat(encode(ReaddirCodec::writeReaddirResult,
                new ReaddirResult.Ok(PostOpAttr.NONE, VERF, List.of(), true)))
                .isEqualTo(hex("00000000 00000000 0102030405060708 00000000 00000001"));
    }

    @Test
    void truncatedArgumentsFailAtEveryLength() {
        assertEveryPrefixFails(ReaddirCodec::readReaddirArgs, encode(ReaddirCodec::writeReaddirArgs,
                new ReaddirArgs(ROOT, 5, VERF, 4096)));
        assertEveryPrefixFails(ReaddirCodec::readReaddirplusArgs, encode(ReaddirCodec::writeReaddirplusArgs,
                new ReaddirplusArgs(ROOT, 5, VERF, 512, 4096)));
        assertEveryPrefixFails(ReaddirCodec::readReaddirplusResult, encode(ReaddirCodec::writeReaddirplusResult,
                new ReaddirplusResult.Ok(PostOpAttr.NONE, VERF, PLUS_ENTRIES, true)));
    }

    @Test
    void mutatedArgumentsAndRepliesFailOnlyAsGarbage() {
        assertMutationsFailOnlyWithXdrException(ReaddirCodec::readReaddirplusArgs,
                encode(ReaddirCodec::writeReaddirplusArgs, new ReaddirplusArgs(ROOT, 5, VERF, 512, 4096)), 30);
        assertMutationsFailOnlyWithXdrException(ReaddirCodec::readReaddirplusResult,
                encode(ReaddirCodec::writeReaddirplusResult,
                        new ReaddirplusResult.Ok(PostOpAttr.of(DIR_ATTRS), VERF, PLUS_ENTRIES, true)), 31);
    }
}
