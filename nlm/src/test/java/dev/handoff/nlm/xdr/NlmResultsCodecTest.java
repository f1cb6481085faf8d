package dev.handoff.nlm.xdr;

import static dev.handoff.rpc.testing.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.rpc.testing.XdrTesting.assertMutationsFailOnlyWithXdrException;
import static dev.handoff.rpc.testing.XdrTesting.assertRoundTrip;
import static dev.handoff.rpc.testing.XdrTesting.decode;
import static dev.handoff.rpc.testing.XdrTesting.encode;
import static dev.handoff.rpc.testing.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.testing.XdrTesting;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NlmResultsCodecTest {
    private static final Opaque COOKIE = Opaque.ofHex("3c5a0100");
    private static final NlmHolder ABOVE_4GIB = new NlmHolder(true, 1111,
            Opaque.copyOf("1111@client1".getBytes()), 1L << 32, 0x1000);
    private static final byte[] DENIED_HEX = hex("""
            00000004 3c5a0100                     # cookie, echoed
            00000001                              # NLM4_DENIED
            00000001                              # holder.exclusive
            00000457                              # holder.svid 1111
            0000000c 31313131 40636c69 656e7431   # holder.oh "1111@client1"
            00000001 00000000                     # holder.l_offset: 4 GiB
            00000000 00001000                     # holder.l_len
            """);
    private static final NlmHolder SMALL = new NlmHolder(false, -1, Opaque.EMPTY, 0xFFFF_FFFFL, 0);

    @Test
    void nlm4TestDeniedCarriesTheHolderAsInTheGoldenBytes() {
        TestResult denied = new TestResult.Denied(COOKIE, ABOVE_4GIB);
        assertThat(encode(NlmResultsCodec.NLM4::writeTestResult, denied)).isEqualTo(DENIED_HEX);
        assertThat(decode(NlmResultsCodec.NLM4::readTestResult, DENIED_HEX)).isEqualTo(denied);
    }

    @Test
    void otherTestAnswersCarryNoHolder() {
        assertThat(encode(NlmResultsCodec.NLM4::writeTestResult, new TestResult.Granted(COOKIE)))
                .isEqualTo(hex("00000004 3c5a0100  00000000"));
        assertThat(encode(NlmResultsCodec.NLM4::writeTestResult,
                new TestResult.Fail(COOKIE, NlmStatus.DENIED_GRACE_PERIOD)))
                .isEqualTo(hex("00000004 3c5a0100  00000004"));
    }

    @Test
    void resultsAreCookieAndStatus() {
        assertThat(encode(NlmResultsCodec.NLM3::writeResult, new NlmResult(COOKIE, NlmStatus.BLOCKED)))
                .isEqualTo(hex("00000004 3c5a0100  00000003"));
        assertThat(encode(NlmResultsCodec.NLM4::writeShareResult, new ShareResult(COOKIE, NlmStatus.GRANTED, 0)))
                .isEqualTo(hex("00000004 3c5a0100  00000000  00000000  # cookie, status, sequence"));
    }

    @Test
    void everyResultRoundTripsInEveryVersion() {
        for (NlmResultsCodec codec : List.of(NlmResultsCodec.NLM3, NlmResultsCodec.NLM4)) {
            assertRoundTrip(codec::writeHolder, codec::readHolder, SMALL);
            assertRoundTrip(codec::writeTestResult, codec::readTestResult, new TestResult.Granted(Opaque.EMPTY));
            assertRoundTrip(codec::writeTestResult, codec::readTestResult, new TestResult.Denied(COOKIE, SMALL));
            assertRoundTrip(codec::writeTestResult, codec::readTestResult,
                    new TestResult.Fail(COOKIE, NlmStatus.DENIED_NOLOCKS));
            for (NlmStatus status : List.of(NlmStatus.GRANTED, NlmStatus.DENIED, NlmStatus.DENIED_NOLOCKS,
                    NlmStatus.BLOCKED, NlmStatus.DENIED_GRACE_PERIOD)) {
                assertRoundTrip(codec::writeResult, codec::readResult, new NlmResult(COOKIE, status));
                assertRoundTrip(codec::writeShareResult, codec::readShareResult, new ShareResult(COOKIE, status, 9));
            }
        }
        for (NlmStatus status : NlmStatus.values()) {
            assertRoundTrip(NlmResultsCodec.NLM4::writeResult, NlmResultsCodec.NLM4::readResult,
                    new NlmResult(COOKIE, status));
        }
    }

    @Test
    void nlm3SendsStatusesItLacksAsLinuxLockdDoes() {
        assertThat(encode(NlmResultsCodec.NLM3::writeResult, new NlmResult(COOKIE, NlmStatus.DEADLCK)))
                .endsWith(hex("00000001"));
        for (NlmStatus status : List.of(NlmStatus.ROFS, NlmStatus.STALE_FH, NlmStatus.FBIG, NlmStatus.FAILED)) {
            assertThat(encode(NlmResultsCodec.NLM3::writeResult, new NlmResult(COOKIE, status)))
                    .as("%s", status).endsWith(hex("00000002"));
            assertThat(encode(NlmResultsCodec.NLM3::writeShareResult, new ShareResult(COOKIE, status, 0)))
                    .as("%s", status).isEqualTo(hex("00000004 3c5a0100  00000002  00000000"));
            assertThat(encode(NlmResultsCodec.NLM3::writeTestResult, new TestResult.Fail(COOKIE, status)))
                    .as("%s, without a holder", status).isEqualTo(hex("00000004 3c5a0100  00000002"));
        }
    }

    @Test
    void nlm3RefusesAHolderBeyondThirtyTwoBitsSoTheHandlerAnswersFbig() {
        TestResult denied = new TestResult.Denied(COOKIE, ABOVE_4GIB);
        assertThatThrownBy(() -> encode(NlmResultsCodec.NLM3::writeTestResult, denied))
                .isInstanceOfSatisfying(NlmRangeException.class,
                        e -> assertThat(e.status()).isEqualTo(NlmStatus.FBIG));
        assertThatThrownBy(() -> encode(NlmResultsCodec.NLM3::writeHolder, ABOVE_4GIB))
                .isInstanceOf(NlmRangeException.class);
        assertThat(encode(NlmResultsCodec.NLM3::writeTestResult, new TestResult.Fail(COOKIE, NlmStatus.FBIG)))
                .isEqualTo(hex("00000004 3c5a0100  00000002  # DENIED_NOLOCKS"));
    }

    @Test
    void statusesOutsideTheVersionAreRefused() {
        assertThat(decode(NlmResultsCodec.NLM3::readResult, hex("00000000 00000005")).status())
                .as("Sun's nlm_deadlck").isEqualTo(NlmStatus.DEADLCK);
        for (String status : List.of("00000006", "00000009", "ffffffff")) {
            assertThatThrownBy(() -> decode(NlmResultsCodec.NLM3::readResult, hex("00000000" + status)))
                    .as(status).isInstanceOf(XdrException.class);
        }
        assertThat(decode(NlmResultsCodec.NLM4::readResult, hex("00000000 00000009")).status())
                .isEqualTo(NlmStatus.FAILED);
        for (String status : List.of("0000000a", "ffffffff")) {
            assertThatThrownBy(() -> decode(NlmResultsCodec.NLM4::readShareResult, hex("00000000" + status + "00000000")))
                    .as(status).isInstanceOf(XdrException.class);
        }
    }

    @Test
    void aTestNeverAnswersDeadlock() {
        assertThatThrownBy(() -> decode(NlmResultsCodec.NLM4::readTestResult, hex("00000000 00000005")))
                .isInstanceOf(XdrException.class);
        for (NlmStatus arm : List.of(NlmStatus.GRANTED, NlmStatus.DENIED, NlmStatus.DEADLCK)) {
            assertThatThrownBy(() -> new TestResult.Fail(COOKIE, arm)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyTruncationIsRefusedInEveryVersion() {
        assertEveryPrefixFails(NlmResultsCodec.NLM4::readTestResult, DENIED_HEX);
        for (NlmResultsCodec codec : List.of(NlmResultsCodec.NLM3, NlmResultsCodec.NLM4)) {
            assertEveryPrefixFails(codec::readTestResult,
                    encode(codec::writeTestResult, new TestResult.Denied(COOKIE, SMALL)));
            assertEveryPrefixFails(codec::readTestResult,
                    encode(codec::writeTestResult, new TestResult.Granted(COOKIE)));
            assertEveryPrefixFails(codec::readResult,
                    encode(codec::writeResult, new NlmResult(COOKIE, NlmStatus.DENIED)));
            assertEveryPrefixFails(codec::readShareResult,
                    encode(codec::writeShareResult, new ShareResult(COOKIE, NlmStatus.GRANTED, 0)));
        }
    }

    @Test
    void oversizeCookiesAndOwnerHandlesAreRefused() {
        byte[] big = XdrTesting.stringOf(NlmLimits.MAXNETOBJ_SZ + 1);
        assertThatThrownBy(() -> decode(NlmResultsCodec.NLM4::readResult, XdrTesting.concat(big, hex("00000000"))))
                .isInstanceOf(XdrException.class);
        byte[] holder = XdrTesting.concat(hex("00000001 00000001"), big, hex("00000000 00000000"));
        assertThatThrownBy(() -> decode(NlmResultsCodec.NLM3::readHolder, holder)).isInstanceOf(XdrException.class);
    }

    @Test
    void damagedResultsFailOnlyWithXdrException() {
        assertMutationsFailOnlyWithXdrException(NlmResultsCodec.NLM4::readTestResult, DENIED_HEX, 1);
        assertMutationsFailOnlyWithXdrException(NlmResultsCodec.NLM3::readTestResult,
                encode(NlmResultsCodec.NLM3::writeTestResult, new TestResult.Denied(COOKIE, SMALL)), 2);
    }
}
