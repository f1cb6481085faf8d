package dev.handoff.rpc.rpcbind;

import static dev.handoff.rpc.rpcbind.RpcbindCalls.OTHER_VIP;
import static dev.handoff.rpc.rpcbind.RpcbindCalls.VIP;
import static dev.handoff.rpc.rpcbind.RpcbindCalls.VIP6;
import static dev.handoff.rpc.rpcbind.RpcbindCalls.loopback;
import static dev.handoff.rpc.rpcbind.RpcbindCalls.remote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.rpcbind.xdr.NetBuf;
import dev.handoff.rpc.rpcbind.xdr.PortMapping;
import dev.handoff.rpc.rpcbind.xdr.PortMappingCodec;
import dev.handoff.rpc.rpcbind.xdr.Rpcb;
import dev.handoff.rpc.rpcbind.xdr.RpcbCodec;
import dev.handoff.rpc.rpcbind.xdr.RpcbEntry;
import dev.handoff.rpc.rpcbind.xdr.RpcbStat;
import dev.handoff.rpc.rpcbind.xdr.RpcbV4Codec;
import dev.handoff.rpc.rpcbind.xdr.SockaddrCodec;
import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrWriter;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** rpcbind versions 3 and 4 (RFC 1833 §2.2) through the dispatcher. */
class RpcbHandlersTest {
    private static final int NLM = 100021;
    private static final int V3 = RpcbindProgram.RPCB_VERSION_3;
    private static final int V4 = RpcbindProgram.RPCB_VERSION_4;

    private final RpcbindRegistry registry = new RpcbindRegistry();
    private final InstantSource clock = InstantSource.fixed(Instant.ofEpochSecond(1_700_000_000L));
    private final RpcbindCalls calls = new RpcbindCalls(
            RpcbindProgram.create(registry, clock, new SockaddrCodec(ByteOrder.LITTLE_ENDIAN)));

    @BeforeEach
    void registerNlm() {
        registry.set(new Rpcb(NLM, 4, "tcp", "0.0.0.0.15.205", "handoff"));
        registry.set(new Rpcb(NLM, 4, "udp", "0.0.0.0.15.205", "handoff"));
        registry.set(new Rpcb(NLM, 4, "tcp6", "::.15.205", "handoff"));
    }

    private String getAddr(Peer peer, int version, int procedure, Rpcb query) {
        return calls.call(peer, version, procedure, RpcbCodec::write, query, RpcbCodec::readAddress);
    }

    private boolean change(Peer peer, int procedure, Rpcb r) {
        return calls.call(peer, V4, procedure, RpcbCodec::write, r, XdrDecoder::readBool);
    }

    @Test
    void wildcardRegistrationIsAnsweredWithTheAddressTheCallReached() {
        Rpcb query = Rpcb.query(NLM, 4, "tcp");
        assertThat(getAddr(remote(Transport.TCP, VIP), V4, RpcbindProgram.GETADDR, query))
                .isEqualTo("10.1.0.7.15.205");
        assertThat(getAddr(remote(Transport.TCP, OTHER_VIP), V3, RpcbindProgram.GETADDR, query))
                .isEqualTo("10.1.0.8.15.205");
        assertThat(getAddr(remote(Transport.TCP, VIP6), V4, RpcbindProgram.GETADDR, Rpcb.query(NLM, 4, "tcp6")))
                .isEqualTo("fd00::7.15.205");
    }

    @Test
    void specificRegistrationIsAnsweredAsRegistered() {
        registry.set(new Rpcb(100024, 1, "udp", "10.1.0.9.2.150", "handoff"));
        assertThat(getAddr(remote(Transport.UDP, VIP), V3, RpcbindProgram.GETADDR, Rpcb.query(100024, 1, "udp")))
                .isEqualTo("10.1.0.9.2.150");
    }

    @Test
    void emptyNetidMeansTheNetidOfTheCall() {
        registry.set(new Rpcb(100024, 1, "udp", "0.0.0.0.2.150", "handoff"));
        assertThat(getAddr(remote(Transport.UDP, VIP), V4, RpcbindProgram.GETADDR, Rpcb.query(100024, 1, "")))
                .isEqualTo("10.1.0.7.2.150");
        assertThat(getAddr(remote(Transport.TCP, VIP), V4, RpcbindProgram.GETADDR, Rpcb.query(100024, 1, "")))
                .isEmpty();
    }

    @Test
    void getAddrFallsBackToAnotherVersionButGetVersAddrDoesNot() {
        Rpcb v1 = Rpcb.query(NLM, 1, "tcp");
        assertThat(getAddr(remote(Transport.TCP, VIP), V3, RpcbindProgram.GETADDR, v1)).isEqualTo("10.1.0.7.15.205");
        assertThat(getAddr(remote(Transport.TCP, VIP), V4, RpcbindProgram.GETVERSADDR, v1)).isEmpty();
        assertThat(getAddr(remote(Transport.TCP, VIP), V4, RpcbindProgram.GETVERSADDR, Rpcb.query(NLM, 4, "tcp")))
                .isEqualTo("10.1.0.7.15.205");
    }

    @Test
    void setFromLoopbackKeepsTheOwnerItWasGivenAndRemoteCallersAreRefused() {
        Rpcb statd = new Rpcb(100024, 1, "udp", "0.0.0.0.2.150", "0");
        assertThat(change(remote(Transport.UDP, VIP), RpcbindProgram.SET, statd)).isFalse();
        assertThat(change(loopback(), RpcbindProgram.SET, statd)).isTrue();
        assertThat(change(loopback(), RpcbindProgram.SET, new Rpcb(100024, 1, "tcp", "0.0.0.0.2.150", "")))
                .isTrue();
        assertThat(registry.find(100024, 1, "udp", true)).contains(statd);
        assertThat(registry.find(100024, 1, "tcp", true)).map(Rpcb::owner).contains(RpcbindRegistry.UNKNOWN_OWNER);
    }

    @Test
    void unsetNeedsLoopbackAndTheOwner() {
        registry.set(new Rpcb(100024, 1, "udp", "0.0.0.0.2.150", "0"));
        Rpcb unset = new Rpcb(100024, 1, "", "", "0");
        assertThat(change(remote(Transport.UDP, VIP), RpcbindProgram.UNSET, unset)).isFalse();
        assertThat(change(loopback(), RpcbindProgram.UNSET, new Rpcb(100024, 1, "", "", "1000"))).isFalse();
        assertThat(change(loopback(), RpcbindProgram.UNSET, unset)).isTrue();
        assertThat(registry.find(100024, 1, "udp", false)).isEmpty();
    }

    @Test
    void dumpListsEveryRegistrationAsRegistered() {
        registry.unsetAll(NLM);
        registry.set(new Rpcb(NLM, 4, "tcp", "0.0.0.0.15.205", "nlm"));
        String call = "00000002 00000000 00000002 000186a0 00000004 00000004 00000000 00000000 00000000 00000000";
        String reply = "00000002 00000001 00000000 00000000 00000000 00000000"
                + " 00000001 000186b5 00000004"
                + " 00000003 74637000"                                        // "tcp"
                + " 0000000e 302e302e 302e302e 31352e32 30350000"              // "0.0.0.0.15.205"
                + " 00000003 6e6c6d00"                                        // "nlm"
                + " 00000000";
        assertThat(calls.replyHex(remote(Transport.TCP, VIP), call)).isEqualTo(reply.replace(" ", ""));
    }

    @Test
    void getTimeIsTheClockInSeconds() {
        assertThat(calls.call(remote(Transport.UDP, VIP), V3, RpcbindProgram.GETTIME, XdrWriter.nothing(), null,
                XdrDecoder::readUnsignedInt)).isEqualTo(1_700_000_000L);
        RpcbindCalls after2038 = new RpcbindCalls(RpcbindProgram.create(registry,
                InstantSource.fixed(Instant.ofEpochSecond(3_000_000_000L))));
        assertThat(after2038.call(remote(Transport.UDP, VIP), V4, RpcbindProgram.GETTIME, XdrWriter.nothing(), null,
                XdrDecoder::readUnsignedInt)).as("unsigned").isEqualTo(3_000_000_000L);
    }

    @Test
    void universalAndTransportAddressesConvertBothWays() {
        NetBuf taddr = calls.call(loopback(), V3, RpcbindProgram.UADDR2TADDR, RpcbCodec::writeAddress,
                "127.0.0.1.0.111", RpcbCodec::readNetBuf);
        assertThat(taddr).isEqualTo(new NetBuf(16, Opaque.ofHex("0200006f7f0000010000000000000000")));
        assertThat(calls.call(loopback(), V4, RpcbindProgram.TADDR2UADDR, RpcbCodec::writeNetBuf, taddr,
                RpcbCodec::readAddress)).isEqualTo("127.0.0.1.0.111");
    }

    @Test
    void addressesThatDoNotConvertGiveEmptyAnswers() {
        assertThat(calls.call(loopback(), V3, RpcbindProgram.UADDR2TADDR, RpcbCodec::writeAddress,
                "/run/rpcbind.sock", RpcbCodec::readNetBuf)).isEqualTo(NetBuf.EMPTY);
        assertThat(calls.call(loopback(), V3, RpcbindProgram.TADDR2UADDR, RpcbCodec::writeNetBuf,
                new NetBuf(4, Opaque.ofHex("01000000")), RpcbCodec::readAddress)).isEmpty();
    }

    @Test
    void getAddrListGivesEveryNetidOfTheCallersFamilyWithReachableAddresses() {
        List<RpcbEntry> entries = calls.call(remote(Transport.UDP, VIP), V4, RpcbindProgram.GETADDRLIST,
                RpcbCodec::write, Rpcb.query(NLM, 4, "udp"), RpcbV4Codec::readEntryList);
        assertThat(entries).containsExactly(
                new RpcbEntry("10.1.0.7.15.205", "tcp", RpcbEntry.NC_TPI_COTS_ORD, "inet", "tcp"),
                new RpcbEntry("10.1.0.7.15.205", "udp", RpcbEntry.NC_TPI_CLTS, "inet", "udp"));
        assertThat(calls.call(remote(Transport.TCP, VIP6), V4, RpcbindProgram.GETADDRLIST, RpcbCodec::write,
                Rpcb.query(NLM, 4, ""), RpcbV4Codec::readEntryList)).containsExactly(
                new RpcbEntry("fd00::7.15.205", "tcp6", RpcbEntry.NC_TPI_COTS_ORD, "inet6", "tcp"));
    }

    @Test
    void getStatCountsCallsChangesAndLookupsPerVersion() {
        Peer client = remote(Transport.TCP, VIP);
        calls.call(client, 2, RpcbindProgram.GETPORT, PortMappingCodec::write,
                new PortMapping(NLM, 4, PortMapping.IPPROTO_TCP, 0), XdrDecoder::readInt);
        getAddr(client, V4, RpcbindProgram.GETADDR, Rpcb.query(NLM, 4, "tcp"));
        getAddr(client, V4, RpcbindProgram.GETADDR, Rpcb.query(NLM, 4, "tcp"));
        getAddr(client, V4, RpcbindProgram.GETVERSADDR, Rpcb.query(NLM, 3, "tcp"));
        change(loopback(), RpcbindProgram.SET, new Rpcb(100024, 1, "udp", "0.0.0.0.2.150", "0"));
        change(loopback(), RpcbindProgram.SET, new Rpcb(100024, 1, "udp", "0.0.0.0.2.151", "0"));

        List<RpcbStat> stats = calls.call(client, V4, RpcbindProgram.GETSTAT, XdrWriter.nothing(), null,
                RpcbV4Codec::readStatByVersion);

        RpcbStat v2 = stats.get(0);
        assertThat(v2.procedureCalls().get(RpcbindProgram.GETPORT)).isEqualTo(1);
        assertThat(v2.lookups()).containsExactly(new RpcbStat.AddrStat(NLM, 4, 1, 0, "tcp"));
        assertThat(stats.get(1).procedureCalls()).containsOnly(0);
        RpcbStat v4 = stats.get(2);
        assertThat(v4.procedureCalls().get(RpcbindProgram.GETADDR)).isEqualTo(2);
        assertThat(v4.procedureCalls().get(RpcbindProgram.GETVERSADDR)).isEqualTo(1);
        assertThat(v4.procedureCalls().get(RpcbindProgram.SET)).isEqualTo(2);
        assertThat(v4.procedureCalls().get(RpcbindProgram.GETSTAT)).as("this call").isEqualTo(1);
        assertThat(v4.sets()).as("only the successful SET").isEqualTo(1);
        assertThat(v4.lookups()).containsExactly(new RpcbStat.AddrStat(NLM, 4, 2, 0, "tcp"),
                new RpcbStat.AddrStat(NLM, 3, 0, 1, "tcp"));
        assertThat(v4.remoteCalls()).isEmpty();
    }

    @Test
    void remoteCallProceduresAndVersion4OnlyProceduresInVersion3AreUnavailable() {
        Peer client = remote(Transport.UDP, VIP);
        for (int proc : new int[]{5, 10}) {
            assertThat(calls.answer(client, V4, proc, XdrWriter.nothing(), null, in -> null).status())
                    .isInstanceOf(RpcReply.ProcUnavail.class);
        }
        assertThat(calls.answer(client, V3, RpcbindProgram.GETVERSADDR, RpcbCodec::write, Rpcb.query(NLM, 4, "tcp"),
                in -> null).status()).isInstanceOf(RpcReply.ProcUnavail.class);
    }

    @Test
    void overlongNetidIsGarbage() {
        Rpcb query = Rpcb.query(NLM, 4, "x".repeat(RpcbCodec.MAX_NETID + 1));
        assertThat(calls.answer(remote(Transport.UDP, VIP), V4, RpcbindProgram.GETADDR, RpcbCodec::write, query,
                in -> null).status()).isInstanceOf(RpcReply.GarbageArgs.class);
    }
}
