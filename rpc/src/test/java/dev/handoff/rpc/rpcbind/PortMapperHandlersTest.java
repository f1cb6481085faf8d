package dev.handoff.rpc.rpcbind;

import static dev.handoff.rpc.rpcbind.RpcbindCalls.VIP;
import static dev.handoff.rpc.rpcbind.RpcbindCalls.loopback;
import static dev.handoff.rpc.rpcbind.RpcbindCalls.remote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.message.RpcReply;
import dev.handoff.rpc.rpcbind.xdr.PortMapping;
import dev.handoff.rpc.rpcbind.xdr.PortMappingCodec;
import dev.handoff.rpc.rpcbind.xdr.Rpcb;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrWriter;
import java.time.InstantSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Port mapper (rpcbind version 2, RFC 1833 §3.2) through the dispatcher. */
class PortMapperHandlersTest {
    private static final int NLM = 100021;
    private static final int V2 = RpcbindProgram.PMAP_VERSION;

    private final RpcbindRegistry registry = new RpcbindRegistry();
    private final RpcbindCalls calls = new RpcbindCalls(RpcbindProgram.create(registry, InstantSource.system()));

    @BeforeEach
    void registerNlmAndRpcbind() {
        registry.set(new Rpcb(NLM, 4, "tcp", "0.0.0.0.15.205", "handoff"));
        registry.set(new Rpcb(NLM, 4, "udp6", "::.15.205", "handoff"));
        registry.set(new Rpcb(RpcbindProgram.PROGRAM, 2, "udp", "0.0.0.0.0.111", "handoff"));
    }

    private int getPort(int program, int version, int protocol) {
        return calls.call(remote(Transport.UDP, VIP), V2, RpcbindProgram.GETPORT, PortMappingCodec::write,
                new PortMapping(program, version, protocol, 0), XdrDecoder::readInt);
    }

    private boolean change(dev.handoff.rpc.dispatch.Peer peer, int procedure, PortMapping m) {
        return calls.call(peer, V2, procedure, PortMappingCodec::write, m, XdrDecoder::readBool);
    }

    @Test
    void getPortAnswersTheRegisteredPort() {
        String call = "12345678 00000000 00000002 000186a0 00000002 00000003"   // xid, CALL, RPC v2, 100000/2/GETPORT
                + " 00000000 00000000 00000000 00000000"                       // AUTH_NONE credential and verifier
                + " 000186b5 00000004 00000006 00000000";                      // mapping: NLM v4 TCP
        String reply = "12345678 00000001 00000000 00000000 00000000 00000000"  // REPLY, accepted, verf, SUCCESS
                + " 00000fcd";                                                  // port 4045
        assertThat(calls.replyHex(remote(Transport.UDP, VIP), call)).isEqualTo(reply.replace(" ", ""));
    }

    @Test
    void getPortOfWhatIsNotRegisteredIsZero() {
        assertThat(getPort(NLM, 4, PortMapping.IPPROTO_UDP)).as("only udp6 is registered").isZero();
        assertThat(getPort(100003, 3, PortMapping.IPPROTO_TCP)).isZero();
        assertThat(getPort(NLM, 4, 132)).as("SCTP").isZero();
    }

    @Test
    void getPortOfAMissingVersionAnswersAnotherVersionSoTheCallerLearnsWhichAreServed() {
        assertThat(getPort(NLM, 1, PortMapping.IPPROTO_TCP)).isEqualTo(4045);
    }

    @Test
    void dumpListsTheIpv4TcpAndUdpRegistrations() {
        String call = "00000001 00000000 00000002 000186a0 00000002 00000004 00000000 00000000 00000000 00000000";
        String reply = "00000001 00000001 00000000 00000000 00000000 00000000"
                + " 00000001 000186b5 00000004 00000006 00000fcd"             // NLM v4 tcp 4045
                + " 00000001 000186a0 00000002 00000011 0000006f"             // rpcbind v2 udp 111
                + " 00000000";                                                 // end of list; udp6 has no v2 form
        assertThat(calls.replyHex(loopback(), call)).isEqualTo(reply.replace(" ", ""));
    }

    @Test
    void setFromALoopbackCallerRegistersTheWildcardAddressWithAnUnknownOwner() {
        assertThat(change(loopback(), RpcbindProgram.SET, new PortMapping(100024, 1, PortMapping.IPPROTO_UDP, 662)))
                .isTrue();
        assertThat(registry.find(100024, 1, "udp", true))
                .contains(new Rpcb(100024, 1, "udp", "0.0.0.0.2.150", RpcbindRegistry.UNKNOWN_OWNER));
        assertThat(getPort(100024, 1, PortMapping.IPPROTO_UDP)).isEqualTo(662);
    }

    @Test
    void setFromARemoteCallerIsRefused() {
        assertThat(change(remote(Transport.TCP, VIP), RpcbindProgram.SET,
                new PortMapping(100024, 1, PortMapping.IPPROTO_UDP, 662))).isFalse();
        assertThat(registry.find(100024, 1, "udp", false)).isEmpty();
    }

    @Test
    void setOfATakenKeyAnUnknownProtocolOrAnImpossiblePortFails() {
        assertThat(change(loopback(), RpcbindProgram.SET, new PortMapping(NLM, 4, PortMapping.IPPROTO_TCP, 4046)))
                .isFalse();
        assertThat(change(loopback(), RpcbindProgram.SET, new PortMapping(NLM, 1, 132, 4046))).isFalse();
        assertThat(change(loopback(), RpcbindProgram.SET, new PortMapping(NLM, 1, PortMapping.IPPROTO_TCP, 70000)))
                .isFalse();
    }

    @Test
    void unsetRemovesBothProtocolsWhateverProtocolItNames() {
        PortMapping tcp = new PortMapping(100024, 1, PortMapping.IPPROTO_TCP, 662);
        PortMapping udp = new PortMapping(100024, 1, PortMapping.IPPROTO_UDP, 662);
        change(loopback(), RpcbindProgram.SET, tcp);
        change(loopback(), RpcbindProgram.SET, udp);
        assertThat(change(remote(Transport.UDP, VIP), RpcbindProgram.UNSET, udp)).as("remote").isFalse();
        assertThat(change(loopback(), RpcbindProgram.UNSET, udp)).isTrue();
        assertThat(registry.find(100024, 1, "tcp", false)).isEmpty();
        assertThat(registry.find(100024, 1, "udp", false)).isEmpty();
        assertThat(change(loopback(), RpcbindProgram.UNSET, udp)).as("already gone").isFalse();
    }

    @Test
    void nullAnswersAndCallitIsNotOffered() {
        assertThat(calls.answer(remote(Transport.UDP, VIP), V2, RpcbindProgram.NULL, XdrWriter.nothing(), null,
                in -> null).status()).isInstanceOf(RpcReply.Success.class);
        assertThat(calls.answer(remote(Transport.UDP, VIP), V2, 5, XdrWriter.nothing(), null, in -> null).status())
                .isInstanceOf(RpcReply.ProcUnavail.class);
    }

    @Test
    void unknownVersionGetsTheRangeServed() {
        assertThat(calls.answer(remote(Transport.UDP, VIP), 5, RpcbindProgram.NULL, XdrWriter.nothing(), null,
                in -> null).status()).isEqualTo(new RpcReply.ProgMismatch(2, 4));
    }

    @Test
    void truncatedMappingIsGarbage() {
        assertThat(calls.answer(remote(Transport.UDP, VIP), V2, RpcbindProgram.GETPORT,
                (out, v) -> out.writeInt(NLM).writeInt(4), null, in -> null).status())
                .isInstanceOf(RpcReply.GarbageArgs.class);
    }
}
