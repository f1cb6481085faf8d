package dev.handoff.server.nfs3.xdr;

import static dev.handoff.server.nfs3.xdr.Nfs3Samples.DEVICE_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.DIR_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.SET_ALL;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.SET_MODE_SERVER_TIMES;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.WCC;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.WCC_AFTER_ONLY;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertRoundTrip;
import static dev.handoff.server.nfs3.xdr.XdrTesting.decode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.XdrException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttributesXdrTest {
    @Test
    void fattr3IsLaidOutAsRfc1813Section26Lists() {
        byte[] golden = hex("""
                00000002                    # type NF3DIR
                000001ed                    # mode 0755
                00000002                    # nlink
                00000000 00000000           # uid, gid
                00000000 00001000           # size 4096
                00000000 00001000           # used
                00000000 00000000           # rdev
                11223344 55667788           # fsid
                00000000 00000002           # fileid
                6553f100 075bcd15           # atime 1700000000.123456789
                6553f100 075bcd15           # mtime
                6553f100 075bcd15           # ctime
                """);
        assertThat(encode(AttributesXdr::writeFattr, DIR_ATTRS)).isEqualTo(golden).hasSize(Fattr3.ENCODED_SIZE);
        assertThat(decode(AttributesXdr::readFattr, golden)).isEqualTo(DIR_ATTRS);
    }

    @Test
    void attributesRoundTripWithUnsignedValuesIntact() {
        for (Fattr3 attrs : new Fattr3[] {DIR_ATTRS, FILE_ATTRS, DEVICE_ATTRS}) {
            assertRoundTrip(AttributesXdr::writeFattr, AttributesXdr::readFattr, attrs);
        }
        assertRoundTrip(AttributesXdr::writeWccData, AttributesXdr::readWccData, WCC);
        assertRoundTrip(AttributesXdr::writeWccData, AttributesXdr::readWccData, WCC_AFTER_ONLY);
        assertRoundTrip(AttributesXdr::writeWccData, AttributesXdr::readWccData, WccData.NONE);
    }

    @Test
    void encodedSizesOfOptionalAttributesMatchTheBytes() {
        assertThat(encode(AttributesXdr::writePostOpAttr, PostOpAttr.of(FILE_ATTRS)))
                .hasSize(PostOpAttr.of(FILE_ATTRS).encodedSize()).hasSize(88);
        assertThat(encode(AttributesXdr::writePostOpAttr, PostOpAttr.NONE)).isEqualTo(hex("00000000"));
        assertThat(encode(AttributesXdr::writePreOpAttr, PreOpAttr.of(FILE_ATTRS.toWccAttr())))
                .hasSize(PreOpAttr.of(FILE_ATTRS.toWccAttr()).encodedSize()).hasSize(28);
        assertThat(PreOpAttr.NONE.encodedSize()).isEqualTo(4);
    }

    @Test
    void sattr3EncodesEachSetItUnion() {
        assertThat(encode(AttributesXdr::writeSattr, Sattr3.NONE)).isEqualTo(hex("00000000".repeat(6)));
        assertThat(encode(AttributesXdr::writeSattr, SET_MODE_SERVER_TIMES)).isEqualTo(hex("""
                00000001 00000180           # set_mode3 TRUE, 0600
                00000000 00000000           # uid, gid not set
                00000000                    # size not set
                00000001 00000001           # atime, mtime SET_TO_SERVER_TIME
                """));
        assertThat(encode(AttributesXdr::writeSattr, SET_ALL)).isEqualTo(hex("""
                00000001 000009ed           # mode 04755
                00000001 000003e8           # uid 1000
                00000001 00000064           # gid 100
                00000001 00000000 00000000  # size 0: truncate
                00000002 6553f100 075bcd15  # atime SET_TO_CLIENT_TIME
                00000002 ffffffff 3b9ac9ff  # mtime SET_TO_CLIENT_TIME
                """));
        assertRoundTrip(AttributesXdr::writeSattr, AttributesXdr::readSattr, SET_ALL);
        assertRoundTrip(AttributesXdr::writeSattr, AttributesXdr::readSattr, SET_MODE_SERVER_TIMES);
        assertThat(Sattr3.NONE.isEmpty()).isTrue();
        assertThat(SET_MODE_SERVER_TIMES.isEmpty()).isFalse();
    }

    @Test
    void anUnknownTimeHowIsGarbage() {
        byte[] bytes = hex("00000000 00000000 00000000 00000000 00000003 00000000");
        assertThatThrownBy(() -> decode(AttributesXdr::readSattr, bytes))
                .isInstanceOf(XdrException.class).hasMessageContaining("time_how");
    }

    @Test
    void aSetItThatIsNeitherTrueNorFalseIsGarbage() {
        byte[] bytes = hex("00000002 00000180 00000000 00000000 00000000 00000000 00000000");
        assertThatThrownBy(() -> decode(AttributesXdr::readSattr, bytes)).isInstanceOf(XdrException.class);
    }

    @Test
    void anUnknownFileTypeIsGarbage() {
        byte[] bytes = encode(AttributesXdr::writeFattr, DIR_ATTRS);
        bytes[3] = 8;
        assertThatThrownBy(() -> decode(AttributesXdr::readFattr, bytes)).isInstanceOf(XdrException.class);
    }

    @Test
    void truncatedAttributesFailAtEveryLength() {
        assertEveryPrefixFails(AttributesXdr::readFattr, encode(AttributesXdr::writeFattr, FILE_ATTRS));
        assertEveryPrefixFails(AttributesXdr::readSattr, encode(AttributesXdr::writeSattr, SET_ALL));
        assertEveryPrefixFails(AttributesXdr::readWccData, encode(AttributesXdr::writeWccData, WCC));
    }

    @Test
    void timesOutsideTheProtocolsRangeAreClamped() {
        assertThat(NfsTime3.of(Instant.ofEpochSecond(-5))).isEqualTo(NfsTime3.EPOCH);
        assertThat(NfsTime3.of(Instant.ofEpochSecond(1L << 33))).isEqualTo(new NfsTime3(0xFFFF_FFFFL, 999_999_999));
        assertThat(NfsTime3.of(Instant.ofEpochSecond(1_700_000_000L, 5)).toInstant())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 5));
    }
}
