package dev.handoff.it.drc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.XdrException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Nfs3ResultsTest {
    /** After the xid: REPLY, MSG_ACCEPTED, verifier AUTH_NONE with an empty body, SUCCESS. */
    private static final String ACCEPTED = "00000001" + "00000000" + "00000000" + "00000000" + "00000000";

    /** wcc_data: pre_op present (size 4096, mtime 10.5, ctime 11.0), then post_op present (a directory). */
    private static final String WCC = "00000001" + "0000000000001000" + "0000000a00000005" + "0000000b00000000"
            + "00000001" + fattr(2, 77);

    private static String fattr(int type, long fileid) {
        return "%08x".formatted(type) + "000001ed" + "00000002" + "00000000" + "00000000"
                + "0000000000001000" + "0000000000001000" + "00000000" + "00000000" + "0000000000000001"
                + "%016x".formatted(fileid) + "0000000100000000" + "0000000c00000007" + "0000000d00000000";
    }

    private static byte[] reply(String body) {
        return HexFormat.of().parseHex("0000002a" + ACCEPTED + body);
    }

    @Test
    void removeOkKeepsTheDirectoryWcc() {
        ProbeReply r = Nfs3Results.decode("REMOVE", reply("00000000" + WCC));
        assertThat(r.xid()).isEqualTo(42);
        assertThat(r.ok()).isTrue();
        ProbeReply.Wcc wcc = r.wcc().getFirst();
        assertThat(wcc.before()).isEqualTo(new ProbeReply.Before(4096, 10_000_000_005L, 11_000_000_000L));
        assertThat(wcc.after().type()).isEqualTo(ProbeReply.Attributes.DIRECTORY);
        assertThat(wcc.after().fileid()).isEqualTo(77);
        assertThat(wcc.after().mtime()).isEqualTo(12_000_000_007L);
    }

    @Test
    void removeNoentStillCarriesWcc() {
        ProbeReply r = Nfs3Results.decode("REMOVE", reply("00000002" + "00000000" + "00000000"));
        assertThat(r.status()).isEqualTo(ProbeReply.NFS3ERR_NOENT);
        assertThat(r.wcc()).containsExactly(new ProbeReply.Wcc(null, null));
    }

    @Test
    void mkdirOkHasHandleAttributesAndWcc() {
        ProbeReply r = Nfs3Results.decode("MKDIR", reply("00000000" + "00000001" + "00000004" + "cafebabe"
                + "00000001" + fattr(2, 99) + WCC));
        assertThat(r.handle()).isEqualTo("cafebabe");
        assertThat(r.object().fileid()).isEqualTo(99);
        assertThat(r.wcc()).hasSize(1);
    }

    @Test
    void nullHasNoResult() {
        assertThat(Nfs3Results.decode("NULL", reply("")).ok()).isTrue();
    }

    @Test
    void renameHasTwoWcc() {
        assertThat(Nfs3Results.decode("RENAME", reply("00000000" + WCC + WCC)).wcc()).hasSize(2);
    }

    @Test
    void mountOkHasTheRootHandle() {
        ProbeReply r = Nfs3Results.decode("MNT", reply("00000000" + "00000002" + "abcd0000" + "00000001"
                + "00000001"));
        assertThat(r.handle()).isEqualTo("abcd");
    }

    @Test
    void aDeniedReplyIsReportedNotDecoded() {
        // MSG_DENIED, AUTH_ERROR, AUTH_TOOWEAK
        ProbeReply r = Nfs3Results.decode("REMOVE", HexFormat.of().parseHex("00000007" + "00000001" + "00000001"
                + "00000001" + "00000005"));
        assertThat(r.status()).isEqualTo(-1);
        assertThat(r.rpcError()).contains("AuthError");
    }

    @Test
    void trailingBytesAreAnError() {
        assertThatThrownBy(() -> Nfs3Results.decode("REMOVE", reply("00000000" + WCC + "00000000")))
                .isInstanceOf(XdrException.class);
    }
}
