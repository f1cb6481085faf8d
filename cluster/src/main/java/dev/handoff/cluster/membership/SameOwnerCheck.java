package dev.handoff.cluster.membership;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The one-key form of {@link SameOwnersCheck}, which members of earlier versions send and answer: kept so that a
 * cluster upgraded one member at a time still confirms writes ({@link MajorityWrites} falls back to it for a member
 * that cannot read the batched form).
 *
 * <p>Runs on another member, right after a write: whether that member, now, counts the writer among the members and
 * names the same member as owner of the key's partition as the writer did. Then the member that applied the write
 * holds the partition's copy on the side the asked member is on. The key travels with the cluster's own
 * serializers, so that both sides hash it to the same partition.
 */
public final class SameOwnerCheck implements Callable<Boolean>, DataSerializable, HazelcastInstanceAware {
    private Object key;
    private UUID owner;
    private UUID writer;
    private transient HazelcastInstance hz;

    /** For deserialization. */
    public SameOwnerCheck() {
    }

    SameOwnerCheck(Object key, UUID owner, UUID writer) {
        this.key = key;
        this.owner = owner;
        this.writer = writer;
    }

    @Override
    public Boolean call() {
        SameOwnersCheck one = new SameOwnersCheck(List.of(key), List.of(owner), writer);
        one.setHazelcastInstance(hz);
        return one.call()[0];
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.hz = hz;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(key);
        out.writeString(owner.toString());
        out.writeString(writer.toString());
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        key = in.readObject();
        owner = UUID.fromString(in.readString());
        writer = UUID.fromString(in.readString());
    }
}
