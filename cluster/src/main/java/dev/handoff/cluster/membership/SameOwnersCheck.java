package dev.handoff.cluster.membership;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Runs on another member, right after writes: whether that member, now, counts the writer among the members and,
 * key by key, names the same member as owner of the key's partition as the writer did. Then the member that
 * applied a write holds the partition's copy on the side the asked member is on. The keys travel with the
 * cluster's own serializers, so that both sides hash them to the same partitions. One check carries every write
 * confirmed together ({@link MajorityWrites#confirmedByQuorum}); {@link SameOwnerCheck} is the one-key form
 * of earlier versions.
 */
public final class SameOwnersCheck implements Callable<boolean[]>, DataSerializable, HazelcastInstanceAware {
    /** More keys than any round of writes holds (one per thread writing); a larger count is garbage. */
    private static final int MAX_KEYS = 65_536;

    private List<Object> keys;
    private List<UUID> owners;
    private UUID writer;
    private transient HazelcastInstance hz;

    /** For deserialization. */
    public SameOwnersCheck() {
    }

    SameOwnersCheck(List<Object> keys, List<UUID> owners, UUID writer) {
        if (keys.size() != owners.size()) {
            throw new IllegalArgumentException(keys.size() + " keys but " + owners.size() + " owners");
        }
        this.keys = keys;
        this.owners = owners;
        this.writer = writer;
    }

    @Override
    public boolean[] call() {
        boolean[] same = new boolean[keys.size()];
        if (hz.getCluster().getMembers().stream().noneMatch(m -> m.getUuid().equals(writer))) {
            return same;
        }
        for (int i = 0; i < same.length; i++) {
            Member there = hz.getPartitionService().getPartition(keys.get(i)).getOwner();
            same[i] = there != null && there.getUuid().equals(owners.get(i));
        }
        return same;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.hz = hz;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(writer.toString());
        out.writeInt(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            out.writeObject(keys.get(i));
            out.writeString(owners.get(i).toString());
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        writer = UUID.fromString(in.readString());
        int n = in.readInt();
        if (n < 0 || n > MAX_KEYS) {
            throw new IOException("a same-owners check of " + n + " keys");
        }
        keys = new ArrayList<>(n);
        owners = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(in.readObject());
            owners.add(UUID.fromString(in.readString()));
        }
    }
}
