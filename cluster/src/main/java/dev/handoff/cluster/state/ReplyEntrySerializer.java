package dev.handoff.cluster.state;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.util.UUID;

/** A reply cache value: a tag byte for the union arm, then its fields. */
final class ReplyEntrySerializer implements StreamSerializer<ReplyEntry> {
    private static final int IN_PROGRESS = 1;
    private static final int DONE = 2;
    /** The largest reply worth caching: a READ is never cached, and every other NFSv3 reply is far smaller. */
    static final int MAX_REPLY = 1 << 20;

    @Override
    public int getTypeId() {
        return StateTypeIds.REPLY_ENTRY;
    }

    @Override
    public void write(ObjectDataOutput out, ReplyEntry e) throws IOException {
        switch (e) {
            case ReplyEntry.InProgress p -> {
                out.writeByte(IN_PROGRESS);
                out.writeLong(p.owner().getMostSignificantBits());
                out.writeLong(p.owner().getLeastSignificantBits());
                Wire.writeInstant(out, p.startedAt());
            }
            case ReplyEntry.Done d -> {
                out.writeByte(DONE);
                Wire.writeOpaque(out, d.reply());
            }
        }
    }

    @Override
    public ReplyEntry read(ObjectDataInput in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case IN_PROGRESS -> new ReplyEntry.InProgress(new UUID(in.readLong(), in.readLong()), Wire.readInstant(in));
            case DONE -> new ReplyEntry.Done(Wire.readOpaque(in, MAX_REPLY));
            default -> throw new InvalidObjectException("reply cache entry tag " + tag);
        };
    }
}
