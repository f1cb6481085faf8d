package dev.handoff.rpc.rpcbind.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcbV4CodecTest {
    private static final RpcbEntry NLM_TCP =
            new RpcbEntry("10.0.0.5.15.205", "tcp", RpcbEntry.NC_TPI_COTS_ORD, "inet", "tcp");

    private static RpcbStat stat(int base, List<RpcbStat.AddrStat> lookups) {
        List<Integer> calls = Collections.nCopies(RpcbStat.PROCEDURES, base);
        return new RpcbStat(calls, base + 1, base + 2, lookups, List.of());
    }

    @Test
    void entryIsAddressNetidSemanticsFamilyAndProtocol() {
        String hex = XdrBytes.hex(RpcbV4Codec::writeEntry, NLM_TCP);
        assertThat(hex).isEqualTo("0000000f" + "31302e302e302e352e31352e32303500"   // "10.0.0.5.15.205"
                + "0000000374637000"                                                  // "tcp"
                + "00000003"                                                          // NC_TPI_COTS_ORD
                + "00000004696e6574"                                                  // "inet"
                + "0000000374637000");                                                // "tcp"
        assertThat(XdrBytes.read(hex, RpcbV4Codec::readEntry)).isEqualTo(NLM_TCP);
    }

    @Test
    void entryListRoundTripsAndEveryTruncationFails() {
        RpcbEntry udp = new RpcbEntry("10.0.0.5.15.205", "udp", RpcbEntry.NC_TPI_CLTS, "inet", "udp");
        String hex = XdrBytes.hex(RpcbV4Codec::writeEntryList, List.of(NLM_TCP, udp));
        assertThat(XdrBytes.read(hex, RpcbV4Codec::readEntryList)).containsExactly(NLM_TCP, udp);
        XdrBytes.assertEveryTruncationFails(hex, RpcbV4Codec::readEntryList);
    }

    @Test
    void statisticsAreAFixedArrayOfThreeVersions() {
        List<RpcbStat> stats = List.of(
                stat(0, List.of(new RpcbStat.AddrStat(100021, 4, 2, 1, "tcp"))),
                stat(10, List.of()),
                stat(20, List.of(new RpcbStat.AddrStat(100003, 3, 5, 0, "udp6"))));
        String hex = XdrBytes.hex(RpcbV4Codec::writeStatByVersion, stats);
        // Version 2 alone: 13 counters, setinfo, unsetinfo, one addrinfo entry (prog, vers, success, failure,
        // netid "tcp", end of list), and an empty rmtinfo list.
        int version2Bytes = (13 + 2) * 4 + 4 + 4 * 4 + 8 + 4 + 4;
        assertThat(hex.substring(0, version2Bytes * 2)).endsWith("00000001" + "000186b5" + "00000004"
                + "00000002" + "00000001" + "0000000374637000" + "00000000" + "00000000");
        assertThat(XdrBytes.read(hex, RpcbV4Codec::readStatByVersion)).containsExactlyElementsOf(stats);
        XdrBytes.assertEveryTruncationFails(hex, RpcbV4Codec::readStatByVersion);
    }

    @Test
    void statisticsForOtherThanThreeVersionsAreABug() {
        assertThatThrownBy(() -> XdrBytes.hex(RpcbV4Codec::writeStatByVersion, List.of(stat(0, List.of()))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
