package dev.handoff.cluster.membership;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipInput;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * This node's embedded Hazelcast member. It reports to the VIP machine through a sink of {@link VipInput}s:
 * {@link VipInput.MembersChanged} with the alive members that may own VIPs (witnesses left out), and
 * {@link VipInput.QuorumLost} / {@link VipInput.QuorumRegained} as a majority of
 * {@link ClusterConfig#expectedSize()} comes and goes (see {@link MembershipTranslator}). Maps named {@code handoff.*} refuse writes
 * without that majority ({@code SplitBrainProtectionException}), which is what fences a cut-off owner's
 * lease renewals.
 *
 * <p>The sink is called on Hazelcast's event threads, in order; it must only enqueue.
 */
public final class ClusterNode implements AutoCloseable {
    private final ClusterConfig config;
    private final MembershipTranslator translator;
    private final HazelcastInstance hazelcast;

    private ClusterNode(ClusterConfig config, MembershipTranslator translator, HazelcastInstance hazelcast) {
        this.config = config;
        this.translator = translator;
        this.hazelcast = hazelcast;
    }

    /** Starts the member and joins (or forms) the cluster; returns once the member runs. */
    public static ClusterNode start(ClusterConfig config, Consumer<VipInput> sink) {
        return start(config, sink, c -> {
        });
    }

    /** As {@link #start(ClusterConfig, Consumer)}, with the shared stores' settings added to the member's. */
    public static ClusterNode start(ClusterConfig config, Consumer<VipInput> sink,
                                    Consumer<com.hazelcast.config.Config> stores) {
        Objects.requireNonNull(config, "config");
        MembershipTranslator translator = new MembershipTranslator(config.quorum(), sink);
        com.hazelcast.config.Config hc = HazelcastConfigs.build(config, new Listener(translator));
        stores.accept(hc);
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(hc);
        return new ClusterNode(config, translator, hz);
    }

    public NodeId self() {
        return config.nodeName();
    }

    public boolean isWitness() {
        return config.witness();
    }

    public ClusterConfig config() {
        return config;
    }

    /** Every member now in the cluster as last reported, this one and witnesses included. */
    public List<ClusterMember> members() {
        return translator.members();
    }

    public Optional<ClusterMember> member(NodeId node) {
        return members().stream().filter(m -> m.node().equals(node)).findFirst();
    }

    /** Whether {@code node} is a member now and a witness (never a VIP owner). */
    public boolean isWitness(NodeId node) {
        return member(node).map(ClusterMember::witness).orElse(false);
    }

    /** Each Handoff member's cluster address (host:port), by node name. */
    public java.util.Map<String, String> memberAddresses() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (com.hazelcast.cluster.Member m : hazelcast.getCluster().getMembers()) {
            HazelcastConfigs.member(m).ifPresent(cm -> out.put(cm.node().name(),
                    m.getAddress().getHost() + ":" + m.getAddress().getPort()));
        }
        return out;
    }

    /** Whether a majority of the configured size was present in the last member list. */
    public boolean hasQuorum() {
        return translator.hasQuorum();
    }

    /** The member itself, for the shared stores; their maps go under {@link HazelcastConfigs#PROTECTED_PREFIX}. */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /** Leaves the cluster gracefully (peers see it go at once; its partitions are handed over first). */
    @Override
    public void close() {
        hazelcast.shutdown();
    }

    /** Membership events to our members; {@code init} carries the list as of registration. */
    private record Listener(MembershipTranslator translator) implements InitialMembershipListener {
        @Override
        public void init(InitialMembershipEvent event) {
            report(event.getMembers());
        }

        @Override
        public void memberAdded(MembershipEvent event) {
            report(event.getMembers());
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            report(event.getMembers());
        }

        private void report(Collection<Member> members) {
            translator.members(members.stream().flatMap(m -> HazelcastConfigs.member(m).stream()).toList());
        }
    }
}
