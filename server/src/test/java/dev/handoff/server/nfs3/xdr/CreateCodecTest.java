package dev.handoff.server.nfs3.xdr;

import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.FILE_ATTRS;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.HELLO;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.SET_ALL;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.SET_MODE_SERVER_TIMES;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.VERF;
import static dev.handoff.server.nfs3.xdr.Nfs3Samples.WCC;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertEveryPrefixFails;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertMutationsFailOnlyWithXdrException;
import static dev.handoff.server.nfs3.xdr.XdrTesting.assertRoundTrip;
import static dev.handoff.server.nfs3.xdr.XdrTesting.decode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.encode;
import static dev.handoff.server.nfs3.xdr.XdrTesting.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.XdrException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateCodecTest {
    private static final List<CreateArgs> CREATES = List.of(
            new CreateArgs(HELLO, new CreateHow3.Unchecked(SET_MODE_SERVER_TIMES)),
            new CreateArgs(HELLO, new CreateHow3.Guarded(SET_ALL)),
            new CreateArgs(HELLO, new CreateHow3.Exclusive(VERF)));
    private static final List<MknodArgs> MKNODS = List.of(
            new MknodArgs(HELLO, new MknodData3.Device(FileType3.NF3CHR, SET_ALL, new SpecData3(1, 3))),
            new MknodArgs(HELLO, new MknodData3.Device(FileType3.NF3BLK, Sattr3.NONE, new SpecData3(8, 0))),
            new MknodArgs(HELLO, new MknodData3.Pipe(FileType3.NF3FIFO, SET_MODE_SERVER_TIMES)),
            new MknodArgs(HELLO, new MknodData3.Pipe(FileType3.NF3SOCK, Sattr3.NONE)),
            new MknodArgs(HELLO, new MknodData3.Other(FileType3.NF3REG)),
            new MknodArgs(HELLO, new MknodData3.Other(FileType3.NF3DIR)));

    @Test
    void everyCreateModeRoundTrips() {
        for (CreateArgs args : CREATES) {
            assertRoundTrip(CreateCodec::writeCreateArgs, CreateCodec::readCreateArgs, args);
        }
    }

    @Test
    void anExclusiveCreateCarriesTheVerifierAndNoAttributes() {
        byte[] bytes = encode(CreateCodec::writeCreateArgs, CREATES.get(2));
        byte[] dirop = encode(Nfs3Xdr::writeDirOpArgs, HELLO);
        assertThat(bytes).hasSize(dirop.length + 4 + 8);
        assertThat(XdrTesting.toHex(bytes)).endsWith("00000002" + "0102030405060708");
    }

    @Test
    void anUnknownCreateModeIsGarbage() {
        byte[] bytes = encode(CreateCodec::writeCreateArgs, CREATES.get(2));
        bytes[bytes.length - 9] = 3;
        assertThatThrownBy(() -> decode(CreateCodec::readCreateArgs, bytes))
                .isInstanceOf(XdrException.class).hasMessageContaining("createmode3");
    }

    @Test
    void mkdirAndSymlinkRoundTrip() {
        assertRoundTrip(CreateCodec::writeMkdirArgs, CreateCodec::readMkdirArgs, new MkdirArgs(HELLO, SET_ALL));
        assertRoundTrip(CreateCodec::writeSymlinkArgs, CreateCodec::readSymlinkArgs,
                new SymlinkArgs(HELLO, Sattr3.NONE, Nfspath3.of("/srv/elsewhere")));
        assertRoundTrip(CreateCodec::writeSymlinkArgs, CreateCodec::readSymlinkArgs,
                new SymlinkArgs(HELLO, SET_ALL, Nfspath3.of("")));
    }

    @Test
    void everyMknodArmRoundTrips() {
        for (MknodArgs args : MKNODS) {
            assertRoundTrip(CreateCodec::writeMknodArgs, CreateCodec::readMknodArgs, args);
        }
    }

    @Test
    void mknodOfARegularFileDecodesSoThatTheHandlerCanAnswerBadtype() {
        byte[] bytes = encode(Nfs3Xdr::writeDirOpArgs, HELLO);
        byte[] call = hex(XdrTesting.toHex(bytes) + "00000001");
        assertThat(decode(CreateCodec::readMknodArgs, call).what()).isEqualTo(new MknodData3.Other(FileType3.NF3REG));
        byte[] unknown = hex(XdrTesting.toHex(bytes) + "00000009");
        assertThatThrownBy(() -> decode(CreateCodec::readMknodArgs, unknown)).isInstanceOf(XdrException.class);
    }

    @Test
    void theSharedResultRoundTripsWithAndWithoutAHandle() {
        assertRoundTrip(CreateCodec::writeNewObjectResult, CreateCodec::readNewObjectResult,
                new NewObjectResult.Ok(FILE, PostOpAttr.of(FILE_ATTRS), WCC));
        assertRoundTrip(CreateCodec::writeNewObjectResult, CreateCodec::readNewObjectResult,
                new NewObjectResult.Ok(null, PostOpAttr.NONE, WccData.NONE));
        assertRoundTrip(CreateCodec::writeNewObjectResult, CreateCodec::readNewObjectResult,
                new NewObjectResult.Fail(Nfs3Status.NFS3ERR_EXIST, WCC));
    }

    @Test
    void truncatedArgumentsFailAtEveryLength() {
        for (CreateArgs args : CREATES) {
            assertEveryPrefixFails(CreateCodec::readCreateArgs, encode(CreateCodec::writeCreateArgs, args));
        }
        for (MknodArgs args : MKNODS) {
            assertEveryPrefixFails(CreateCodec::readMknodArgs, encode(CreateCodec::writeMknodArgs, args));
        }
        assertEveryPrefixFails(CreateCodec::readSymlinkArgs, encode(CreateCodec::writeSymlinkArgs,
                new SymlinkArgs(HELLO, SET_ALL, Nfspath3.of("target"))));
        assertEveryPrefixFails(CreateCodec::readMkdirArgs, encode(CreateCodec::writeMkdirArgs,
                new MkdirArgs(HELLO, SET_ALL)));
    }

    @Test
    void mutatedArgumentsFailOnlyAsGarbage() {
        long seed = 10;
        for (CreateArgs args : CREATES) {
            assertMutationsFailOnlyWithXdrException(CreateCodec::readCreateArgs,
                    encode(CreateCodec::writeCreateArgs, args), seed++);
        }
        for (MknodArgs args : MKNODS) {
            assertMutationsFailOnlyWithXdrException(CreateCodec::readMknodArgs,
                    encode(CreateCodec::writeMknodArgs, args), seed++);
        }
    }
}
