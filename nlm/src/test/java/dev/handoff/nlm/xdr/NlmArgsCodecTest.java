package dev.handoff.nlm.xdr;

import static dev.handoff.rpc.testing.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.rpc.testing.XdrTesting.assertMutationsFailOnlyWithXdrException;
import static dev.handoff.rpc.testing.XdrTesting.assertRoundTrip;
import static dev.handoff.rpc.testing.XdrTesting.concat;
import static dev.handoff.rpc.testing.XdrTesting.decode;
import static dev.handoff.rpc.testing.XdrTesting.encode;
import static dev.handoff.rpc.testing.XdrTesting.hex;
import static dev.handoff.rpc.testing.XdrTesting.stringOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrEncoder;
import dev.handoff.rpc.xdr.XdrException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class NlmArgsCodecTest {
    private static final Opaque COOKIE = Opaque.ofHex("3c5a0100");
    private static final Opaque FH = Opaque.ofHex("0100070100ffee112233445566778899aabbccddeeff001122334455");
    private static final Opaque OH = Opaque.copyOf("1234@client0".getBytes());
    /** A write lock on the whole file, as the Linux client's lockd asks for one on behalf of fcntl(F_SETLKW). */
    private static final LockArgs LINUX_LOCK = new LockArgs(COOKIE, true, true,
            new NlmLock("client0", FH, OH, 1234, 0, 0), false, 3);
    private static final byte[] LINUX_LOCK_HEX = hex("""
            00000004 3c5a0100                     # cookie: lockd's 4-byte call counter
            00000001                              # block
            00000001                              # exclusive
            00000007 636c6965 6e743000            # alock.caller_name "client0"
            0000001c 01000701 00ffee11 22334455   # alock.fh, 28 bytes
                     66778899 aabbccdd eeff0011
                     22334455
            0000000c 31323334 40636c69 656e7430   # alock.oh "1234@client0"
            000004d2                              # alock.svid 1234
            00000000 00000000                     # alock.l_offset 0
            00000000 00000000                     # alock.l_len 0: to end of file
            00000000                              # reclaim
            00000003                              # state: the client's NSM state
            """);
    private static final TestArgs V3_TEST = new TestArgs(Opaque.ofHex("00000007"), false,
            new NlmLock("nfs2box", Opaque.copyOf(new byte[32]), Opaque.copyOf("42@nfs2box".getBytes()), 42,
                    0x1000, 0x200));
    private static final byte[] V3_TEST_HEX = hex("""
            00000004 00000007                     # cookie
            00000000                              # exclusive: a read lock
            00000007 6e667332 626f7800            # alock.caller_name "nfs2box"
            00000020 00000000 00000000 00000000   # alock.fh, 32 bytes
                     00000000 00000000 00000000
                     00000000 00000000
            0000000a 3432406e 66733262 6f780000   # alock.oh "42@nfs2box"
            0000002a                              # alock.svid 42
            00001000                              # alock.l_offset, 32 bits
            00000200                              # alock.l_len, 32 bits
            """);
    private static final NlmLock FITS = new NlmLock("c", FH, OH, -7, 0xFFFF_FFFFL, 1);
    private static final NlmShare SHARE = new NlmShare("client0", FH, OH, ShareMode.DW, ShareAccess.RW);

    @Test
    void nlm4LockCallFromTheLinuxClientMatchesTheGoldenBytes() {
        assertThat(encode(NlmArgsCodec.NLM4::writeLockArgs, LINUX_LOCK)).isEqualTo(LINUX_LOCK_HEX);
        LockArgs decoded = decode(NlmArgsCodec.NLM4::readLockArgs, LINUX_LOCK_HEX);
        assertThat(decoded).isEqualTo(LINUX_LOCK);
        assertThat(decoded.lock().toEndOfFile()).isTrue();
    }

    @Test
    void nlm3TestCallCarriesThirtyTwoBitRanges() {
        assertThat(encode(NlmArgsCodec.NLM3::writeTestArgs, V3_TEST)).isEqualTo(V3_TEST_HEX);
        assertThat(decode(NlmArgsCodec.forVersion(1)::readTestArgs, V3_TEST_HEX)).isEqualTo(V3_TEST);
        assertThat(encode(NlmArgsCodec.NLM4::writeTestArgs, V3_TEST))
                .as("v4 spends eight bytes on each of offset and length").hasSize(V3_TEST_HEX.length + 8);
    }

    @Test
    void everyArgumentRoundTripsInEveryVersion() {
        for (NlmArgsCodec codec : List.of(NlmArgsCodec.NLM3, NlmArgsCodec.NLM4)) {
            assertRoundTrip(codec::writeLock, codec::readLock, FITS);
            assertRoundTrip(codec::writeTestArgs, codec::readTestArgs, new TestArgs(Opaque.EMPTY, true, FITS));
            assertRoundTrip(codec::writeLockArgs, codec::readLockArgs,
                    new LockArgs(COOKIE, false, true, FITS, true, Integer.MIN_VALUE));
            assertRoundTrip(codec::writeCancelArgs, codec::readCancelArgs, new CancelArgs(COOKIE, true, false, FITS));
            assertRoundTrip(codec::writeUnlockArgs, codec::readUnlockArgs, new UnlockArgs(COOKIE, FITS));
            assertRoundTrip(codec::writeShareArgs, codec::readShareArgs, new ShareArgs(COOKIE, SHARE, true));
            assertRoundTrip(codec::writeNotifyArgs, codec::readNotifyArgs, new NotifyArgs("client0", 0));
        }
    }

    @Test
    void nlm4CarriesTheWholeUnsignedRange() {
        NlmLock top = new NlmLock("c", FH, OH, 1, -1L, Long.MIN_VALUE);
        assertRoundTrip(NlmArgsCodec.NLM4::writeLock, NlmArgsCodec.NLM4::readLock, top);
        assertThat(encode(NlmArgsCodec.NLM4::writeUnlockArgs, new UnlockArgs(COOKIE, top)))
                .endsWith(hex("ffffffff ffffffff 80000000 00000000"));
    }

    @Test
    void nlm3ReadsOffsetsAbove2GiBAsUnsigned() {
        byte[] lock = hex("""
                00000001 63000000   # caller_name "c"
                00000000 00000000   # fh, oh: empty
                00000001            # svid
                ffffffff            # l_offset: 4 GiB - 1, not -1
                80000000            # l_len: 2 GiB, not negative
                """);
        NlmLock decoded = decode(NlmArgsCodec.NLM3::readLock, lock);
        assertThat(decoded.offset()).isEqualTo(0xFFFF_FFFFL);
        assertThat(decoded.length()).isEqualTo(0x8000_0000L);
    }

    @Test
    void nlm3RefusesRangesBeyondThirtyTwoBitsBeforeWritingAnything() {
        for (NlmLock wide : List.of(new NlmLock("c", FH, OH, 1, 1L << 32, 0),
                new NlmLock("c", FH, OH, 1, 0, 1L << 32), new NlmLock("c", FH, OH, 1, -1L, 1))) {
            for (Runnable write : List.<Runnable>of(
                    () -> encode(NlmArgsCodec.NLM3::writeLock, wide),
                    () -> encode(NlmArgsCodec.NLM3::writeTestArgs, new TestArgs(COOKIE, true, wide)),
                    () -> encode(NlmArgsCodec.NLM3::writeLockArgs, new LockArgs(COOKIE, true, true, wide, false, 1)),
                    () -> encode(NlmArgsCodec.NLM3::writeCancelArgs, new CancelArgs(COOKIE, true, true, wide)),
                    () -> encode(NlmArgsCodec.NLM3::writeUnlockArgs, new UnlockArgs(COOKIE, wide)))) {
                assertThatThrownBy(write::run).isInstanceOfSatisfying(NlmRangeException.class, e -> {
                    assertThat(e.status()).isEqualTo(NlmStatus.FBIG);
                    assertThat(e.offset()).isEqualTo(wide.offset());
                    assertThat(e.length()).isEqualTo(wide.length());
                });
            }
            assertThat(NlmWire.NLM3.fits(wide.offset(), wide.length())).isFalse();
            assertThat(NlmWire.NLM4.fits(wide.offset(), wide.length())).isTrue();
        }
        ByteBuf buf = Unpooled.buffer();
        NlmLock wide = new NlmLock("c", FH, OH, 1, 1L << 32, 0);
        assertThatThrownBy(() -> NlmArgsCodec.NLM3.writeLockArgs(new XdrEncoder(buf),
                new LockArgs(COOKIE, true, true, wide, false, 1))).isInstanceOf(NlmRangeException.class);
        assertThat(buf.writerIndex()).as("bytes written before the refusal").isZero();
    }

    @Test
    void everyTruncationIsRefusedInEveryVersion() {
        assertEveryPrefixFails(NlmArgsCodec.NLM4::readLockArgs, LINUX_LOCK_HEX);
        assertEveryPrefixFails(NlmArgsCodec.NLM3::readTestArgs, V3_TEST_HEX);
        for (NlmArgsCodec codec : List.of(NlmArgsCodec.NLM3, NlmArgsCodec.NLM4)) {
            assertEveryPrefixFails(codec::readTestArgs, encode(codec::writeTestArgs, new TestArgs(COOKIE, true, FITS)));
            assertEveryPrefixFails(codec::readCancelArgs,
                    encode(codec::writeCancelArgs, new CancelArgs(COOKIE, true, true, FITS)));
            assertEveryPrefixFails(codec::readUnlockArgs, encode(codec::writeUnlockArgs, new UnlockArgs(COOKIE, FITS)));
            assertEveryPrefixFails(codec::readShareArgs,
                    encode(codec::writeShareArgs, new ShareArgs(COOKIE, SHARE, false)));
            assertEveryPrefixFails(codec::readNotifyArgs, encode(codec::writeNotifyArgs, new NotifyArgs("client0", 3)));
        }
    }

    @Test
    void callerNamesUpToLmMaxStrLenAreReadAndLongerOnesRefused() {
        byte[] rest = hex("00000000 00000000 00000001 00000000 00000000");  // fh, oh, svid, 32-bit range
        NlmLock longest = decode(NlmArgsCodec.NLM3::readLock, concat(stringOf(NlmLimits.LM_MAXSTRLEN), rest));
        assertThat(longest.callerName()).hasSize(1024);
        assertThatThrownBy(() -> decode(NlmArgsCodec.NLM3::readLock, concat(stringOf(1025), rest)))
                .isInstanceOf(XdrException.class);
        byte[] share = concat(hex("00000000"), stringOf(1025), hex("00000000 00000000 00000000 00000000 00000000"));
        assertThatThrownBy(() -> decode(NlmArgsCodec.NLM4::readShareArgs, share)).isInstanceOf(XdrException.class);
    }

    @Test
    void freeAllNamesMayBeOneByteLongerThanCallerNames() {
        byte[] state = hex("00000000");
        assertThat(decode(NlmArgsCodec.NLM4::readNotifyArgs, concat(stringOf(1025), state)).name()).hasSize(1025);
        assertThatThrownBy(() -> decode(NlmArgsCodec.NLM4::readNotifyArgs, concat(stringOf(1026), state)))
                .isInstanceOf(XdrException.class);
    }

    @Test
    void netobjsLongerThanMaxNetobjSizeAreRefused() {
        byte[] big = stringOf(NlmLimits.MAXNETOBJ_SZ + 1);
        byte[] max = stringOf(NlmLimits.MAXNETOBJ_SZ);
        byte[] name = hex("00000001 63000000");
        byte[] tail = hex("00000001 00000000 00000000");  // svid and a 32-bit range
        assertThat(decode(NlmArgsCodec.NLM3::readLock, concat(name, max, max, tail)).fh().length()).isEqualTo(1024);
        assertThatThrownBy(() -> decode(NlmArgsCodec.NLM3::readLock, concat(name, big, max, tail)))
                .as("fh").isInstanceOf(XdrException.class);
        assertThatThrownBy(() -> decode(NlmArgsCodec.NLM3::readLock, concat(name, max, big, tail)))
                .as("oh").isInstanceOf(XdrException.class);
        assertThatThrownBy(() -> decode(NlmArgsCodec.NLM3::readUnlockArgs, concat(big, name, max, max, tail)))
                .as("cookie").isInstanceOf(XdrException.class);
        Opaque tooBig = Opaque.copyOf(new byte[NlmLimits.MAXNETOBJ_SZ + 1]);
        assertThatThrownBy(() -> new NlmLock("c", tooBig, OH, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnlockArgs(tooBig, FITS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writersRefuseOverLongNames() {
        NlmLock longName = new NlmLock("h".repeat(1025), FH, OH, 1, 0, 0);
        assertThatThrownBy(() -> encode(NlmArgsCodec.NLM4::writeLock, longName))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caller_name");
        assertThatThrownBy(() -> encode(NlmArgsCodec.NLM4::writeNotifyArgs, new NotifyArgs("h".repeat(1026), 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void unknownShareModesAndAccessesAndBadBooleansAreRefused() {
        byte[] valid = encode(NlmArgsCodec.NLM4::writeShareArgs, new ShareArgs(COOKIE, SHARE, false));
        int mode = valid.length - 12;
        for (int at : new int[] {mode, mode + 4, mode + 8}) {
            byte[] bad = valid.clone();
            bad[at + 3] = 4;
            assertThatThrownBy(() -> decode(NlmArgsCodec.NLM4::readShareArgs, bad))
                    .as("value 4 at %d", at).isInstanceOf(XdrException.class);
        }
        byte[] block = LINUX_LOCK_HEX.clone();
        block[11] = 2;
        assertThatThrownBy(() -> decode(NlmArgsCodec.NLM4::readLockArgs, block)).isInstanceOf(XdrException.class);
    }

    @Test
    void damagedCallsFailOnlyWithXdrException() {
        assertMutationsFailOnlyWithXdrException(NlmArgsCodec.NLM4::readLockArgs, LINUX_LOCK_HEX, 1);
        assertMutationsFailOnlyWithXdrException(NlmArgsCodec.NLM3::readTestArgs, V3_TEST_HEX, 2);
        assertMutationsFailOnlyWithXdrException(NlmArgsCodec.NLM4::readShareArgs,
                encode(NlmArgsCodec.NLM4::writeShareArgs, new ShareArgs(COOKIE, SHARE, true)), 3);
    }
}
