package dev.handoff.it.drc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.message.CallDecoding;
import dev.handoff.rpc.message.CallHeader;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.message.RpcMessageCodec;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class Nfs3CallsTest {
    private static final Opaque DIR = Opaque.ofHex("0102030405");

    private static XdrDecoder argumentsOf(byte[] record, int procedure) {
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(record));
        CallHeader h = ((CallDecoding.Ok) RpcMessageCodec.decodeCall(in)).header();
        assertThat(h.procedure()).isEqualTo(procedure);
        assertThat(h.credential()).isInstanceOf(Credential.Sys.class);
        return in;
    }

    @Test
    void removeCarriesTheXidProgramAndDirectoryOperation() {
        byte[] record = Nfs3Calls.remove(0x1234, DIR, "victim");
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(record));
        CallHeader h = ((CallDecoding.Ok) RpcMessageCodec.decodeCall(in)).header();
        assertThat(h.xid()).isEqualTo(0x1234);
        assertThat(h.program()).isEqualTo(Nfs3Calls.NFS_PROGRAM);
        assertThat(h.version()).isEqualTo(3);
        assertThat(in.readOpaque(64)).isEqualTo(DIR);
        assertThat(in.readString(255)).isEqualTo("victim");
        in.expectEnd();
    }

    @Test
    void exclusiveCreateCarriesTheEightByteVerifierAfterTheMode() {
        Opaque verifier = Opaque.ofHex("0011223344556677");
        XdrDecoder in = argumentsOf(Nfs3Calls.createExclusive(7, DIR, "x", verifier), Nfs3Calls.CREATE);
        in.readOpaque(64);
        in.readString(255);
        assertThat(in.readInt()).isEqualTo(Nfs3Calls.EXCLUSIVE);
        assertThat(in.readFixedOpaque(8)).isEqualTo(verifier);
        in.expectEnd();
    }

    @Test
    void exclusiveCreateRefusesAVerifierOfAnotherLength() {
        assertThatThrownBy(() -> Nfs3Calls.createExclusive(7, DIR, "x", Opaque.ofHex("00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renameCarriesBothDirectoryOperations() {
        XdrDecoder in = argumentsOf(Nfs3Calls.rename(9, DIR, "a", DIR, "b"), Nfs3Calls.RENAME);
        assertThat(in.readOpaque(64)).isEqualTo(DIR);
        assertThat(in.readString(255)).isEqualTo("a");
        assertThat(in.readOpaque(64)).isEqualTo(DIR);
        assertThat(in.readString(255)).isEqualTo("b");
        in.expectEnd();
    }

    @Test
    void mkdirSetsOnlyTheMode() {
        XdrDecoder in = argumentsOf(Nfs3Calls.mkdir(3, DIR, "d"), Nfs3Calls.MKDIR);
        in.readOpaque(64);
        in.readString(255);
        assertThat(in.readBool()).isTrue();
        assertThat(in.readUnsignedInt()).isEqualTo(0755);
        for (int i = 0; i < 3; i++) {
            assertThat(in.readBool()).isFalse();
        }
        assertThat(in.readInt()).isZero();
        assertThat(in.readInt()).isZero();
        in.expectEnd();
    }

    @Test
    void theSameArgumentsAndXidGiveTheSameBytes() {
        assertThat(Nfs3Calls.remove(5, DIR, "n")).isEqualTo(Nfs3Calls.remove(5, DIR, "n"));
        assertThat(Nfs3Calls.remove(5, DIR, "n")).isNotEqualTo(Nfs3Calls.remove(6, DIR, "n"));
    }
}
