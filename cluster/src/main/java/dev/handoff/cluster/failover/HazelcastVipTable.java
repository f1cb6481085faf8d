package dev.handoff.cluster.failover;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.handoff.cluster.membership.HazelcastConfigs;
import dev.handoff.cluster.membership.MajorityWrites;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.cluster.vip.VipRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VIP table in a Hazelcast map under the quorum-protected prefix: a write without a majority fails (it
 * must: a cut-off owner that could still renew would serve beside the new owner), and so does one that returned
 * as a member left or that too few other members confirm at once ({@link MajorityWrites}), since it may be on
 * this side of a partition only. The rows' serializer writes
 * equal rows as equal bytes, which the map's {@code replace(key, old, new)} compares.
 */
public final class HazelcastVipTable implements VipTable {
    public static final String MAP = HazelcastConfigs.PROTECTED_PREFIX + "vips";
    private static final Logger log = LoggerFactory.getLogger(HazelcastVipTable.class);

    private final IMap<String, VipRecord> map;
    private final MajorityWrites majority;

    /** @param quorum members, this one included, that make a majority */
    public HazelcastVipTable(HazelcastInstance hz, int quorum) {
        this.map = hz.getMap(MAP);
        this.majority = new MajorityWrites(hz, quorum);
    }

    @Override
    public List<VipRecord> rows() {
        return new ArrayList<>(map.values());
    }

    @Override
    public java.util.Optional<VipRecord> row(VipId vip) {
        return java.util.Optional.ofNullable(map.get(vip.name()));
    }

    @Override
    public void seed(Collection<VipId> vips, NodeId anyNode) {
        for (VipId vip : vips) {
            try {
                if (!map.containsKey(vip.name())) {
                    map.putIfAbsent(vip.name(), VipRecord.initial(vip, anyNode));
                }
            } catch (RuntimeException e) {
                // Without quorum nobody may write; the periodic refresh tries again.
                log.debug("VIP {} not seeded yet: {}", vip, e.getMessage());
            }
        }
    }

    @Override
    public boolean compareAndSet(VipRecord expected, VipRecord next) {
        try {
            // A row maybe on this side of a partition only is taken as not written: a lease must not count from it.
            return switch (majority.compareAndSet(() -> map.replace(next.vip().name(), expected, next),
                    next.vip().name())) {
                case NOT_APPLIED -> false;
                case ON_MAJORITY -> true;
                case MEMBER_LEFT -> {
                    log.info("VIP row {} written as a member left: not known to be on a majority, taken as not "
                            + "written", next);
                    yield false;
                }
                case NOT_CONFIRMED -> {
                    log.info("VIP row {} written but not confirmed by a quorum of members: taken as not written",
                            next);
                    yield false;
                }
            };
        } catch (RuntimeException e) {
            log.debug("VIP row {} not written: {}", next, e.toString());
            return false;
        }
    }

    @Override
    public AutoCloseable listen(Consumer<VipRecord> changed) {
        UUID id = map.addEntryListener(new Listener(changed), true);
        return () -> map.removeEntryListener(id);
    }

    private record Listener(Consumer<VipRecord> changed)
            implements EntryAddedListener<String, VipRecord>, EntryUpdatedListener<String, VipRecord> {
        @Override
        public void entryAdded(EntryEvent<String, VipRecord> event) {
            changed.accept(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, VipRecord> event) {
            changed.accept(event.getValue());
        }
    }
}
