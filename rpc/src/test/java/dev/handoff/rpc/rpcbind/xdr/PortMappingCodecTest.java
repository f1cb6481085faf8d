package dev.handoff.rpc.rpcbind.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.handoff.rpc.xdr.XdrException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortMappingCodecTest {
    private static final PortMapping NLM_TCP = new PortMapping(100021, 4, PortMapping.IPPROTO_TCP, 4045);
    private static final String NLM_TCP_HEX = "000186b5 00000004 00000006 00000fcd";

    @Test
    void mappingIsFourUnsignedInts() {
        assertThat(XdrBytes.hex(PortMappingCodec::write, NLM_TCP)).isEqualTo(NLM_TCP_HEX.replace(" ", ""));
        assertThat(XdrBytes.read(NLM_TCP_HEX, PortMappingCodec::read)).isEqualTo(NLM_TCP);
    }

    @Test
    void programNumbersAboveTwoToTheThirtyOneSurviveARoundTrip() {
        PortMapping m = new PortMapping(0x8000_0001, -1, PortMapping.IPPROTO_UDP, 65535);
        assertThat(XdrBytes.read(XdrBytes.hex(PortMappingCodec::write, m), PortMappingCodec::read)).isEqualTo(m);
    }

    @Test
    void listIsALinkedListOfOptionalEntries() {
        PortMapping udp = new PortMapping(100000, 2, PortMapping.IPPROTO_UDP, 111);
        String hex = XdrBytes.hex(PortMappingCodec::writeList, List.of(NLM_TCP, udp));
        assertThat(hex).isEqualTo("00000001" + NLM_TCP_HEX.replace(" ", "")
                + "00000001" + "000186a0 00000002 00000011 0000006f".replace(" ", "") + "00000000");
        assertThat(XdrBytes.read(hex, PortMappingCodec::readList)).containsExactly(NLM_TCP, udp);
        assertThat(XdrBytes.hex(PortMappingCodec::writeList, List.of())).isEqualTo("00000000");
    }

    @Test
    void everyTruncationOfAListFails() {
        XdrBytes.assertEveryTruncationFails(XdrBytes.hex(PortMappingCodec::writeList, List.of(NLM_TCP, NLM_TCP)),
                PortMappingCodec::readList);
    }

    @Test
    void listLongerThanTheLimitIsRefused() {
        String hex = XdrBytes.hex(PortMappingCodec::writeList,
                Collections.nCopies(PortMappingCodec.MAX_LIST + 1, NLM_TCP));
        assertThatThrownBy(() -> XdrBytes.read(hex, PortMappingCodec::readList))
                .isInstanceOf(XdrException.class).hasMessageContaining("limit");
    }
}
