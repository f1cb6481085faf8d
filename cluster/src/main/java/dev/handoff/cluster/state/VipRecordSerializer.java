package dev.handoff.cluster.state;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.cluster.vip.VipRecord;
import dev.handoff.cluster.vip.VipState;
import java.io.IOException;

/**
 * A row of the VIP table. Every field is written, in a fixed order, so equal rows give equal bytes: the table's
 * compare-and-set compares serialized forms, and fencing rests on it.
 */
final class VipRecordSerializer implements StreamSerializer<VipRecord> {
    private static final VipState[] STATES = VipState.values();

    @Override
    public int getTypeId() {
        return StateTypeIds.VIP_RECORD;
    }

    @Override
    public void write(ObjectDataOutput out, VipRecord r) throws IOException {
        Wire.writeString(out, r.vip().name());
        Wire.writeString(out, r.owner().name());
        out.writeLong(r.epoch());
        out.writeByte(r.state().ordinal());
        out.writeLong(r.renewal());
        Wire.writeString(out, r.target() == null ? "" : r.target().name());
    }

    @Override
    public VipRecord read(ObjectDataInput in) throws IOException {
        VipId vip = new VipId(Wire.readString(in, VipId.MAX_LENGTH));
        NodeId owner = new NodeId(Wire.readString(in, NodeId.MAX_LENGTH));
        long epoch = in.readLong();
        int state = in.readByte();
        if (state < 0 || state >= STATES.length) {
            throw new IOException("unknown VIP state " + state);
        }
        long renewal = in.readLong();
        String target = Wire.readString(in, NodeId.MAX_LENGTH);
        try {
            return new VipRecord(vip, owner, epoch, STATES[state], renewal, target.isEmpty() ? null : new NodeId(target));
        } catch (IllegalArgumentException e) {
            throw new IOException("bad VIP row: " + e.getMessage(), e);
        }
    }
}
