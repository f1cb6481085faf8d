package dev.handoff.server.mount.xdr;

import static dev.handoff.server.nfs3.xdr.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertMutationsFailOnlyWithXdrException;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertRoundTrip;
import static dev.handoff.server.nfs3.xdr.XdrTesting.decode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.hex;
import static dev.handoff.server.nfs3.xdr.XdrTesting.toHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.message.AuthFlavor;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrException;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountCodecTest {
    private static final FileHandle3 ROOT = FileHandle3.ofHex("0100070100ffee11");
    private static final ExportResult EXPORTS = new ExportResult(List.of(
            new ExportEntry("/srv", List.of("*")),
            new ExportEntry("/home", List.of("10.0.0.0/8", "client.example.org")),
            new ExportEntry("/pub", List.of())));

    private static byte[] stringOf(int length) {
        ByteBuffer b = ByteBuffer.allocate(4 + ((length + 3) & ~3)).putInt(length);
        for (int i = 0; i < length; i++) {
            b.put((byte) 'p');
        }
        return b.array();
    }

    @Test
    void mntCallAndReplyMatchTheGoldenBytes() {
        byte[] call = hex("00000007 2f657870 6f727400  # dirpath \"/export\"");
        assertThat(encode(MountCodec::writeMntArgs, new MntArgs("/export"))).isEqualTo(call);
        assertThat(decode(MountCodec::readMntArgs, call)).isEqualTo(new MntArgs("/export"));
        byte[] reply = hex("""
                00000000                    # MNT3_OK
                00000008 0100070100ffee11   # fhandle3
                00000001 00000001           # auth_flavors: [AUTH_SYS]
                """);
        assertThat(encode(MountCodec::writeMnt3Result, new Mnt3Result.Ok(ROOT, List.of(AuthFlavor.AUTH_SYS))))
                .isEqualTo(reply);
        assertThat(encode(MountCodec::writeMnt3Result, new Mnt3Result.Fail(MountStatus.MNT3ERR_ACCES)))
                .isEqualTo(hex("0000000d"));
    }

    @Test
    void mntResultsOfBothVersionsRoundTrip() {
        assertRoundTrip(MountCodec::writeMnt3Result, MountCodec::readMnt3Result,
                new Mnt3Result.Ok(ROOT, List.of(AuthFlavor.AUTH_SYS, AuthFlavor.AUTH_NONE)));
        assertRoundTrip(MountCodec::writeMnt3Result, MountCodec::readMnt3Result,
                new Mnt3Result.Fail(MountStatus.MNT3ERR_NOENT));
        Opaque v1Handle = Opaque.copyOf(new byte[Mnt1Result.FHSIZE]);
        assertRoundTrip(MountCodec::writeMnt1Result, MountCodec::readMnt1Result, new Mnt1Result.Ok(v1Handle));
        assertThat(encode(MountCodec::writeMnt1Result, new Mnt1Result.Ok(v1Handle)))
                .as("status and a fixed 32-byte handle without a length").hasSize(4 + 32);
        assertRoundTrip(MountCodec::writeMnt1Result, MountCodec::readMnt1Result,
                new Mnt1Result.Fail(MountStatus.MNT3ERR_PERM));
        assertThatThrownBy(() -> new Mnt1Result.Ok(Opaque.copyOf(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void umntRoundTrips() {
        assertRoundTrip(MountCodec::writeUmntArgs, MountCodec::readUmntArgs, new UmntArgs("/srv/data"));
    }

    @Test
    void dumpListsMountsAsALinkedList() {
        DumpResult dump = new DumpResult(List.of(new MountEntry("10.0.0.7", "/srv"),
                new MountEntry("client", "/home")));
        assertThat(encode(MountCodec::writeDumpResult, dump)).isEqualTo(hex("""
                00000001                    # a mountbody follows
                00000008 31302e30 2e302e37  #   ml_hostname "10.0.0.7"
                00000004 2f737276           #   ml_directory "/srv"
                00000001
                00000006 636c6965 6e740000  #   "client"
                00000005 2f686f6d 65000000  #   "/home"
                00000000                    # end of list
                """));
        assertRoundTrip(MountCodec::writeDumpResult, MountCodec::readDumpResult, dump);
        assertThat(encode(MountCodec::writeDumpResult, new DumpResult(List.of()))).isEqualTo(hex("00000000"));
    }

    @Test
    void exportListsGroupsPerExportAsShowmountReadsThem() {
        assertThat(encode(MountCodec::writeExportResult, new ExportResult(List.of(EXPORTS.exports().getFirst()))))
                .isEqualTo(hex("""
                        00000001                # an exportnode follows
                        00000004 2f737276       #   ex_dir "/srv"
                        00000001                #   a groupnode follows
                        00000001 2a000000       #     gr_name "*"
                        00000000                #   end of groups
                        00000000                # end of exports
                        """));
        assertRoundTrip(MountCodec::writeExportResult, MountCodec::readExportResult, EXPORTS);
    }

    @Test
    void pathsUpToMntpathlenDecodeAndLongerOnesAreGarbage() {
        assertThat(decode(MountCodec::readMntArgs, stringOf(MountCodec.MNTPATHLEN)).dirpath()).hasSize(1024);
        assertThatThrownBy(() -> decode(MountCodec::readMntArgs, stringOf(MountCodec.MNTPATHLEN + 1)))
                .isInstanceOf(XdrException.class);
        assertThatThrownBy(() -> decode(MountCodec::readUmntArgs, stringOf(MountCodec.MNTPATHLEN + 1)))
                .isInstanceOf(XdrException.class);
    }

    @Test
    void namesOverMntnamlenAreRefusedInBothDirections() {
        byte[] dump = hex("00000001" + toHex(stringOf(256)) + "00000001 2f000000 00000000");
        assertThatThrownBy(() -> decode(MountCodec::readDumpResult, dump)).isInstanceOf(XdrException.class);
        ExportResult tooLong = new ExportResult(List.of(new ExportEntry("/srv", List.of("g".repeat(256)))));
        assertThatThrownBy(() -> encode(MountCodec::writeExportResult, tooLong))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHandleOver64BytesInAMntReplyIsGarbage() {
        byte[] reply = hex("00000000" + toHex(stringOf(65)) + "00000000");
        assertThatThrownBy(() -> decode(MountCodec::readMnt3Result, reply)).isInstanceOf(XdrException.class);
    }

    @Test
    void truncatedCallsAndRepliesFailAtEveryLength() {
        assertEveryPrefixFails(MountCodec::readMntArgs, encode(MountCodec::writeMntArgs, new MntArgs("/export")));
        assertEveryPrefixFails(MountCodec::readMnt3Result, encode(MountCodec::writeMnt3Result,
                new Mnt3Result.Ok(ROOT, List.of(AuthFlavor.AUTH_SYS))));
        assertEveryPrefixFails(MountCodec::readExportResult, encode(MountCodec::writeExportResult, EXPORTS));
    }

    @Test
    void mutatedCallsFailOnlyAsGarbage() {
        assertMutationsFailOnlyWithXdrException(MountCodec::readMntArgs,
                encode(MountCodec::writeMntArgs, new MntArgs("/export")), 40);
        assertMutationsFailOnlyWithXdrException(MountCodec::readExportResult,
                encode(MountCodec::writeExportResult, EXPORTS), 41);
    }

    @Test
    void statusesAndProcedureNumbersFollowTheRfc() {
        assertThat(MountStatus.MNT3ERR_NAMETOOLONG.value()).isEqualTo(63);
        assertThat(MountStatus.MNT3ERR_SERVERFAULT.value()).isEqualTo(10006);
        for (MountStatus s : MountStatus.values()) {
            assertThat(MountStatus.of(s.value())).isSameAs(s);
        }
        assertThat(MountProcedures.MOUNTPROC_EXPORT).isEqualTo(5);
    }
}
