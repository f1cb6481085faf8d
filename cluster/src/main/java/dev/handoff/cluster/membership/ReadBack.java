package dev.handoff.cluster.membership;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Runs on another member: whether the map entry under a key, read there now, equals a value just written. Keys and
 * values travel with the cluster's own serializers (the records have no Java serialization).
 */
public final class ReadBack implements Callable<Boolean>, DataSerializable, HazelcastInstanceAware {
    private String map;
    private Object key;
    private Object value;
    private transient HazelcastInstance hz;

    /** For deserialization. */
    public ReadBack() {
    }

    ReadBack(String map, Object key, Object value) {
        this.map = map;
        this.key = key;
        this.value = value;
    }

    @Override
    public Boolean call() {
        return Objects.equals(hz.getMap(map).get(key), value);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.hz = hz;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(map);
        out.writeObject(key);
        out.writeObject(value);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        map = in.readString();
        key = in.readObject();
        value = in.readObject();
    }
}
