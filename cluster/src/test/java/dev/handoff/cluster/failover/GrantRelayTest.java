package dev.handoff.cluster.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.cluster.membership.ClusterNode;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GRANTED callbacks in a cluster: a node that does not serve the VIP files the grant, and the VIP's owner sends
 * it. Two relays on one real Hazelcast member stand for two nodes sharing the multimap; each sender records what it
 * was asked to send and answers whether the grant is still pending.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantRelayTest {
    private static final InetAddress VIP_ADDRESS = InetAddress.ofLiteral("10.0.3.100");
    private static final VipId VIP = new VipId("10.0.3.100");
    private static final Map<InetAddress, VipId> VIPS = Map.of(VIP_ADDRESS, VIP);
    private static final FileKey FILE = FileKey.ofHex("01");
    private static final Opaque COOKIE = Opaque.ofHex("00000000000000a1");
    private ClusterNode member;
    private final List<String> sentByOwner = new CopyOnWriteArrayList<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void start() {
        member = LoneMember.withSharedState(new NodeId("node1"));
    }

    @AfterAll
    void stop() {
        member.close();
    }

    @BeforeEach
    void clear() {
        member.hazelcast().getMultiMap(GrantRelay.MAP).clear();
        sentByOwner.clear();
        pending.clear();
        pending.add(GrantRelay.encode(FILE, COOKIE));
    }

    private final BiPredicate<FileKey, Opaque> notHere = (file, cookie) -> {
        throw new AssertionError("only the VIP's owner sends");
    };

    private final BiPredicate<FileKey, Opaque> owner = (file, cookie) -> {
        sentByOwner.add(GrantRelay.encode(file, cookie));
        return pending.remove(GrantRelay.encode(file, cookie));
    };

    private int filed() {
        return member.hazelcast().getMultiMap(GrantRelay.MAP).size();
    }

    @Test
    void aGrantFiledElsewhereIsSentAtOnceByTheVipsOwnerAndTakenOff() {
        try (GrantRelay granter = new GrantRelay(member.hazelcast(), VIPS, notHere);
             GrantRelay vipOwner = new GrantRelay(member.hazelcast(), VIPS, owner)) {
            vipOwner.serving(VIP, true);

            assertThat(granter.handOff(VIP_ADDRESS, FILE, COOKIE)).isTrue();

            Await.until("sent by the owner", Duration.ofSeconds(5), () -> sentByOwner.size() == 1);
            assertThat(sentByOwner).containsExactly(GrantRelay.encode(FILE, COOKIE));
            Await.until("taken off", Duration.ofSeconds(5), () -> filed() == 0);
            vipOwner.sendFiledForServed();
            assertThat(sentByOwner).hasSize(1);
        }
    }

    @Test
    void aGrantFiledWhileNobodyServesTheVipWaitsForItsNextOwner() {
        try (GrantRelay granter = new GrantRelay(member.hazelcast(), VIPS, notHere);
             GrantRelay nextOwner = new GrantRelay(member.hazelcast(), VIPS, owner)) {
            assertThat(granter.handOff(VIP_ADDRESS, FILE, COOKIE)).isTrue();
            Await.until("filed", Duration.ofSeconds(5), () -> filed() == 1);
            assertThat(sentByOwner).isEmpty();

            nextOwner.serving(VIP, true);

            Await.until("sent when the VIP is served", Duration.ofSeconds(5), () -> sentByOwner.size() == 1);
            Await.until("taken off", Duration.ofSeconds(5), () -> filed() == 0);
        }
    }

    @Test
    void aNodeServingTheVipOrCalledOnItsOwnAddressSendsItself() {
        try (GrantRelay relay = new GrantRelay(member.hazelcast(), VIPS, notHere)) {
            assertThat(relay.handOff(InetAddress.ofLiteral("10.0.3.1"), FILE, COOKIE)).isFalse();
            relay.serving(VIP, true);
            assertThat(relay.handOff(VIP_ADDRESS, FILE, COOKIE)).isFalse();
            relay.serving(VIP, false);
            assertThat(relay.handOff(VIP_ADDRESS, FILE, COOKIE)).isTrue();
        }
    }

    @Test
    void aFiledGrantNoLongerPendingIsDropped() {
        pending.clear();   // the client took the lock by sending its LOCK again
        try (GrantRelay granter = new GrantRelay(member.hazelcast(), VIPS, notHere);
             GrantRelay vipOwner = new GrantRelay(member.hazelcast(), VIPS, owner)) {
            vipOwner.serving(VIP, true);
            granter.handOff(VIP_ADDRESS, FILE, COOKIE);
            Await.until("looked at", Duration.ofSeconds(5), () -> sentByOwner.size() == 1);
            Await.until("taken off", Duration.ofSeconds(5), () -> filed() == 0);
        }
    }
}
