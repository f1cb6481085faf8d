package dev.handoff.cluster.state;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import dev.handoff.nlm.state.Grace;
import dev.handoff.nlm.state.LockOwner;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The grace state. Its sets are written sorted, so that equal values give equal bytes and the store's
 * compare-and-set by value works on the serialized form.
 */
final class GraceSerializer implements StreamSerializer<Grace> {
    /** Clients a grace period can wait for: those NSM monitored, bounded by what one node would track. */
    static final int MAX_CLIENTS = 1 << 16;

    @Override
    public int getTypeId() {
        return StateTypeIds.GRACE;
    }

    @Override
    public void write(ObjectDataOutput out, Grace g) throws IOException {
        Wire.writeInstant(out, g.endsAt());
        writeSet(out, g.pending());
        writeSet(out, g.reclaimed());
    }

    @Override
    public Grace read(ObjectDataInput in) throws IOException {
        return new Grace(Wire.readInstant(in), readSet(in), readSet(in));
    }

    private static void writeSet(ObjectDataOutput out, Set<String> names) throws IOException {
        List<String> sorted = names.stream().sorted().toList();
        out.writeInt(sorted.size());
        for (String name : sorted) {
            Wire.writeString(out, name);
        }
    }

    private static Set<String> readSet(ObjectDataInput in) throws IOException {
        int n = Wire.length(in, MAX_CLIENTS, "client set");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < n; i++) {
            names.add(Wire.readString(in, LockOwner.MAX_NAME_LENGTH));
        }
        return names;
    }
}
