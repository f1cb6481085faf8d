package dev.handoff.nsm.xdr;

import static dev.handoff.rpc.testing.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.rpc.testing.XdrTesting.assertMutationsFailOnlyWithXdrException;
import static dev.handoff.rpc.testing.XdrTesting.assertRoundTrip;
import static dev.handoff.rpc.testing.XdrTesting.decode;
import static dev.handoff.rpc.testing.XdrTesting.encode;
import static dev.handoff.rpc.testing.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrException;
import dev.handoff.rpc.xdr.XdrReader;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class NsmCodecTest {
    private static final Opaque PRIV = Opaque.ofHex("00112233445566778899aabbccddeeff");
    /** What the Linux kernel's lockd registers with statd: call NLM v3 procedure 16 back. */
    private static final MyId LOCKD = new MyId("client0", 100_021, 3, 16);
    private static final Mon MON = new Mon(new MonId("10.0.0.1", LOCKD), PRIV);
    private static final byte[] MON_HEX = hex("""
            00000008 31302e30 2e302e31            # mon_name "10.0.0.1"
            00000007 636c6965 6e743000            # my_name "client0"
            000186b5                              # my_prog 100021, NLM
            00000003                              # my_vers 3
            00000010                              # my_proc 16, lockd's NLMPROC_NSM_NOTIFY
            00112233 44556677 8899aabb ccddeeff   # priv[16], no length
            """);
    private static final byte[] NOTIFY_HEX = hex("""
            0000000a 31302e30 2e302e31 30300000   # mon_name "10.0.0.100"
            00000005                              # state 5: up, after two restarts
            """);
    private static final byte[] CALLBACK_HEX = hex("""
            0000000a 31302e30 2e302e31 30300000   # mon_name "10.0.0.100"
            00000005                              # state
            00112233 44556677 8899aabb ccddeeff   # priv, as given in SM_MON
            """);

    /** A string item of {@code length} bytes of 'h', as a peer could send it whatever our limits. */
    private static byte[] nameOf(int length) {
        ByteBuffer b = ByteBuffer.allocate(4 + ((length + 3) & ~3)).putInt(length);
        for (int i = 0; i < length; i++) {
            b.put((byte) 'h');
        }
        return b.array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
    }

    @Test
    void smMonFromTheLinuxLockdMatchesTheGoldenBytes() {
        assertThat(encode(NsmCodec::writeMon, MON)).isEqualTo(MON_HEX);
        assertThat(decode(NsmCodec::readMon, MON_HEX)).isEqualTo(MON);
    }

    @Test
    void smStatResCarriesTheStateOnSuccessAndOnFailure() {
        assertThat(encode(NsmCodec::writeSmStatRes, new SmStatRes(SmRes.STAT_SUCC, 3)))
                .isEqualTo(hex("00000000 00000003"));
        assertThat(encode(NsmCodec::writeSmStatRes, new SmStatRes(SmRes.STAT_FAIL, 3)))
                .isEqualTo(hex("00000001 00000003"));
        assertThat(decode(NsmCodec::readSmStatRes, hex("00000001 00000007")))
                .isEqualTo(new SmStatRes(SmRes.STAT_FAIL, 7));
    }

    @Test
    void smNotifyAndTheStatusCallbackMatchTheGoldenBytes() {
        StatChge change = new StatChge("10.0.0.100", 5);
        assertThat(encode(NsmCodec::writeStatChge, change)).isEqualTo(NOTIFY_HEX);
        assertThat(decode(NsmCodec::readStatChge, NOTIFY_HEX)).isEqualTo(change);
        CallbackStatus status = new CallbackStatus("10.0.0.100", 5, PRIV);
        assertThat(encode(NsmCodec::writeCallbackStatus, status)).isEqualTo(CALLBACK_HEX);
        assertThat(decode(NsmCodec::readCallbackStatus, CALLBACK_HEX)).isEqualTo(status);
    }

    @Test
    void everyArgumentAndResultRoundTrips() {
        assertRoundTrip(NsmCodec::writeSmName, NsmCodec::readSmName, new SmName("server.example.org"));
        assertRoundTrip(NsmCodec::writeSmName, NsmCodec::readSmName, new SmName(""));
        assertRoundTrip(NsmCodec::writeMyId, NsmCodec::readMyId, new MyId("c", -1, 0, Integer.MAX_VALUE));
        assertRoundTrip(NsmCodec::writeMonId, NsmCodec::readMonId, MON.monId());
        assertRoundTrip(NsmCodec::writeMon, NsmCodec::readMon, MON);
        assertRoundTrip(NsmCodec::writeSmStat, NsmCodec::readSmStat, new SmStat(-3));
        assertRoundTrip(NsmCodec::writeSmStatRes, NsmCodec::readSmStatRes, new SmStatRes(SmRes.STAT_SUCC, 9));
        assertRoundTrip(NsmCodec::writeStatChge, NsmCodec::readStatChge, new StatChge("host", 1));
        assertRoundTrip(NsmCodec::writeCallbackStatus, NsmCodec::readCallbackStatus,
                new CallbackStatus("host", 2, Opaque.copyOf(new byte[Mon.PRIV_SIZE])));
    }

    @Test
    void everyTruncationIsRefused() {
        assertEveryPrefixFails(NsmCodec::readMon, MON_HEX);
        assertEveryPrefixFails(NsmCodec::readStatChge, NOTIFY_HEX);
        assertEveryPrefixFails(NsmCodec::readCallbackStatus, CALLBACK_HEX);
        assertEveryPrefixFails(NsmCodec::readSmStatRes, hex("00000000 00000003"));
        assertEveryPrefixFails(NsmCodec::readSmStat, hex("00000003"));
        assertEveryPrefixFails(NsmCodec::readSmName, encode(NsmCodec::writeSmName, new SmName("server")));
        assertEveryPrefixFails(NsmCodec::readMyId, encode(NsmCodec::writeMyId, LOCKD));
        assertEveryPrefixFails(NsmCodec::readMonId, encode(NsmCodec::writeMonId, MON.monId()));
    }

    @Test
    void namesUpToSmMaxStrLenAreReadAndLongerOnesRefused() {
        byte[] state = hex("00000001");
        assertThat(decode(NsmCodec::readStatChge, concat(nameOf(NsmCodec.SM_MAXSTRLEN), state)).monName())
                .hasSize(NsmCodec.SM_MAXSTRLEN);
        byte[] tooLong = nameOf(NsmCodec.SM_MAXSTRLEN + 1);
        for (XdrReader<?> reader : new XdrReader<?>[] {NsmCodec::readSmName, NsmCodec::readMyId,
                NsmCodec::readMonId, NsmCodec::readMon, NsmCodec::readStatChge, NsmCodec::readCallbackStatus}) {
            assertThatThrownBy(() -> decode(reader, concat(tooLong, MON_HEX))).isInstanceOf(XdrException.class);
        }
    }

    @Test
    void writersRefuseNamesLongerThanSmMaxStrLen() {
        String name = "h".repeat(NsmCodec.SM_MAXSTRLEN + 1);
        assertThatThrownBy(() -> encode(NsmCodec::writeSmName, new SmName(name)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mon_name");
        assertThatThrownBy(() -> encode(NsmCodec::writeMyId, new MyId(name, 1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("my_name");
        assertThatThrownBy(() -> encode(NsmCodec::writeStatChge, new StatChge("é".repeat(513), 1)))
                .as("the limit counts UTF-8 bytes, not characters")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownResultValuesAreRefused() {
        assertThatThrownBy(() -> decode(NsmCodec::readSmStatRes, hex("00000002 00000003")))
                .isInstanceOf(XdrException.class);
    }

    @Test
    void privIsExactlySixteenBytes() {
        assertThatThrownBy(() -> new Mon(MON.monId(), Opaque.copyOf(new byte[15])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallbackStatus("h", 1, Opaque.copyOf(new byte[17])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void damagedCallsFailOnlyWithXdrException() {
        assertMutationsFailOnlyWithXdrException(NsmCodec::readMon, MON_HEX, 1);
        assertMutationsFailOnlyWithXdrException(NsmCodec::readCallbackStatus, CALLBACK_HEX, 2);
        assertMutationsFailOnlyWithXdrException(NsmCodec::readSmStatRes, hex("00000000 00000003"), 3);
    }
}
