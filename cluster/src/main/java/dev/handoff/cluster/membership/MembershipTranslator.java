package dev.handoff.cluster.membership;

import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipInput;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Turns Hazelcast's member lists into {@link VipInput}s, once per real change.
 *
 * <p>Witnesses are left out of {@link VipInput.MembersChanged}: the VIP machine places VIPs on the members it
 * is told are alive, and a witness must never be one. They do count for the quorum.
 *
 * <p>Quorum is judged here from the same member list, by the rule Hazelcast's split-brain protection applies
 * to the {@code handoff.*} maps (members present ≥ majority of the configured size): Hazelcast 5.6 announces a
 * loss and a later regain, but not the presence it starts with, and the VIP machine starts without quorum until
 * told. On a loss {@link VipInput.QuorumLost} goes first, so the machine never acts on the smaller member list
 * believing it still has quorum; on a gain {@link VipInput.QuorumRegained} goes last. Hazelcast updates its own
 * verdict a moment after the member list; a write refused in that moment comes back as a failed write, which
 * the VIP machine retries.
 *
 * <p>Membership events arrive on Hazelcast's event threads; the lock keeps the sink's order that of the lists.
 */
final class MembershipTranslator {
    private final int quorumSize;
    private final Consumer<VipInput> sink;
    private List<ClusterMember> members = List.of();
    private Set<NodeId> alive;
    private boolean quorum;

    MembershipTranslator(int quorumSize, Consumer<VipInput> sink) {
        if (quorumSize < 1) {
            throw new IllegalArgumentException("quorum must be at least 1");
        }
        this.quorumSize = quorumSize;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** The members now in the cluster, this one included, witnesses too. */
    synchronized void members(Collection<ClusterMember> now) {
        members = List.copyOf(now);
        boolean present = members.size() >= quorumSize;
        if (quorum && !present) {
            quorum = false;
            sink.accept(new VipInput.QuorumLost());
        }
        Set<NodeId> owners = new TreeSet<>();
        members.stream().filter(m -> !m.witness()).forEach(m -> owners.add(m.node()));
        if (!owners.equals(alive)) {
            alive = owners;
            sink.accept(new VipInput.MembersChanged(owners));
        }
        if (!quorum && present) {
            quorum = true;
            sink.accept(new VipInput.QuorumRegained());
        }
    }

    synchronized List<ClusterMember> members() {
        return members;
    }

    synchronized boolean hasQuorum() {
        return quorum;
    }
}
