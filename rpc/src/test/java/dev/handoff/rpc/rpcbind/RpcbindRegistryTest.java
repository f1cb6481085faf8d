package dev.handoff.rpc.rpcbind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.xdr.Rpcb;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RpcbindRegistryTest {
    private static final int NLM = 100021;
    private final RpcbindRegistry registry = new RpcbindRegistry();

    private static Rpcb nlm(int version, String netid, String address, String owner) {
        return new Rpcb(NLM, version, netid, address, owner);
    }

    @Test
    void setRefusesAKeyAlreadyRegisteredAtAnotherAddress() {
        assertThat(registry.set(nlm(4, "tcp", "0.0.0.0.15.205", "0"))).isTrue();
        assertThat(registry.set(nlm(4, "tcp", "0.0.0.0.15.206", "0"))).isFalse();
        assertThat(registry.find(NLM, 4, "tcp", true)).map(Rpcb::address).contains("0.0.0.0.15.205");
    }

    @Test
    void settingTheSameAddressAgainIsAHarmlessSuccess() {
        assertThat(registry.set(nlm(4, "tcp", "0.0.0.0.15.205", "0"))).isTrue();
        assertThat(registry.set(nlm(4, "tcp", "0.0.0.0.15.205", "1000"))).isTrue();
        assertThat(registry.all()).containsExactly(nlm(4, "tcp", "0.0.0.0.15.205", "0"));
    }

    @Test
    void otherNetidsAndVersionsAreSeparateKeysAndNetidsCompareIgnoringCase() {
        assertThat(registry.set(nlm(4, "tcp", "0.0.0.0.15.205", "0"))).isTrue();
        assertThat(registry.set(nlm(4, "udp", "0.0.0.0.15.205", "0"))).isTrue();
        assertThat(registry.set(nlm(3, "tcp", "0.0.0.0.15.205", "0"))).isTrue();
        assertThat(registry.set(nlm(4, "TCP", "0.0.0.0.1.1", "0"))).isFalse();
        assertThat(registry.find(NLM, 4, "Tcp", true)).isPresent();
    }

    @Test
    void emptyOrOverlongFieldsAreRefused() {
        assertThat(registry.set(nlm(4, "", "0.0.0.0.15.205", "0"))).isFalse();
        assertThat(registry.set(nlm(4, "tcp", "", "0"))).isFalse();
        assertThat(registry.set(nlm(4, "tcp", "0.0.0.0.15.205", "é".repeat(200)))).isFalse();
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void tableIsBounded() {
        for (int i = 0; i < RpcbindRegistry.MAX_REGISTRATIONS; i++) {
            assertThat(registry.set(new Rpcb(0x4000_0000 + i, 1, "udp", "0.0.0.0.4.0", "0"))).isTrue();
        }
        assertThat(registry.set(nlm(4, "udp", "0.0.0.0.4.0", "0"))).isFalse();
    }

    @Test
    void unsetWithAnEmptyNetidRemovesTheVersionOnEveryNetidAndNothingElse() {
        registry.set(nlm(4, "tcp", "0.0.0.0.15.205", "0"));
        registry.set(nlm(4, "udp6", "::.15.205", "0"));
        registry.set(nlm(3, "tcp", "0.0.0.0.15.205", "0"));
        assertThat(registry.unset(NLM, 4, "", "0")).isTrue();
        assertThat(registry.all()).containsExactly(nlm(3, "tcp", "0.0.0.0.15.205", "0"));
        assertThat(registry.unset(NLM, 4, "", "0")).as("nothing left to remove").isFalse();
    }

    @Test
    void unsetOfOneNetidLeavesTheOthers() {
        registry.set(nlm(4, "tcp", "0.0.0.0.15.205", "0"));
        registry.set(nlm(4, "udp", "0.0.0.0.15.205", "0"));
        assertThat(registry.unset(NLM, 4, "UDP", "0")).isTrue();
        assertThat(registry.all()).containsExactly(nlm(4, "tcp", "0.0.0.0.15.205", "0"));
    }

    @Test
    void unsetOfAnotherOwnersRegistrationRemovesNothingUnlessTheCallerIsSuperuser() {
        registry.set(nlm(4, "tcp", "0.0.0.0.15.205", "0"));
        registry.set(nlm(4, "udp", "0.0.0.0.15.205", "1000"));
        assertThat(registry.unset(NLM, 4, "", "1000")).isFalse();
        assertThat(registry.all()).hasSize(2);
        assertThat(registry.unset(NLM, 4, "", RpcbindRegistry.SUPERUSER)).isTrue();
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void findFallsBackToAnyVersionOfTheProgramUnlessTheExactVersionIsAskedFor() {
        registry.set(nlm(1, "tcp", "0.0.0.0.15.205", "0"));
        registry.set(nlm(3, "tcp", "0.0.0.0.15.206", "0"));
        assertThat(registry.find(NLM, 4, "tcp", false)).map(Rpcb::version).contains(3);
        assertThat(registry.find(NLM, 4, "tcp", true)).isEmpty();
        assertThat(registry.find(NLM, 1, "tcp", false)).map(Rpcb::version).contains(1);
        assertThat(registry.find(NLM, 4, "udp", false)).isEmpty();
    }

    @Test
    void ownListenersAreRegisteredUnderTheNetidOfTheirAddressFamily() {
        registry.set(100003, 3, Transport.TCP, new InetSocketAddress(InetAddress.ofLiteral("0.0.0.0"), 2049), "handoff");
        registry.set(100003, 3, Transport.UDP, new InetSocketAddress(InetAddress.ofLiteral("::"), 2049), "handoff");
        assertThat(registry.all()).containsExactly(
                new Rpcb(100003, 3, "tcp", "0.0.0.0.8.1", "handoff"),
                new Rpcb(100003, 3, "udp6", "::.8.1", "handoff"));
        registry.unsetAll(100003);
        assertThat(registry.all()).isEmpty();
    }
}
