package dev.handoff.cluster.state;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import dev.handoff.nlm.state.FileLocks;
import dev.handoff.nlm.state.LockOwner;
import dev.handoff.nlm.state.LockRange;
import dev.handoff.nlm.state.LockType;
import dev.handoff.nlm.state.PendingGrant;
import dev.handoff.nlm.state.RangeLock;
import dev.handoff.nlm.state.ShareAccess;
import dev.handoff.nlm.state.ShareDeny;
import dev.handoff.nlm.state.ShareOwner;
import dev.handoff.nlm.state.ShareReservation;
import dev.handoff.nlm.state.Waiter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One file's lock record. The encoding is canonical (lists in their order, nothing else): equal records give equal
 * bytes, which is what lets {@code IMap.replace(key, old, new)} compare whole records in serialized form, as the
 * {@link dev.handoff.nlm.state.LockStore} contract asks.
 */
final class FileLocksSerializer implements StreamSerializer<FileLocks> {
    /** Entries per list of one record; far above what the per-client limits let a file gather. */
    static final int MAX_ITEMS = 1 << 16;

    private interface Reader<T> {
        T read(ObjectDataInput in) throws IOException;
    }

    private interface Writer<T> {
        void write(ObjectDataOutput out, T item) throws IOException;
    }

    @Override
    public int getTypeId() {
        return StateTypeIds.FILE_LOCKS;
    }

    @Override
    public void write(ObjectDataOutput out, FileLocks f) throws IOException {
        Wire.writeOpaque(out, f.file().bytes());
        out.writeLong(f.version());
        writeList(out, f.locks(), FileLocksSerializer::writeLock);
        writeList(out, f.shares(), FileLocksSerializer::writeShare);
        writeList(out, f.waiters(), FileLocksSerializer::writeWaiter);
        writeList(out, f.grants(), (o, g) -> {
            writeWaiter(o, g.waiter());
            Wire.writeInstant(o, g.grantedAt());
        });
        Wire.writeInstant(out, f.wakeAt());
    }

    @Override
    public FileLocks read(ObjectDataInput in) throws IOException {
        try {
            return new FileLocks(FileKeySerializer.read0(in), in.readLong(),
                    readList(in, FileLocksSerializer::readLock), readList(in, FileLocksSerializer::readShare),
                    readList(in, FileLocksSerializer::readWaiter),
                    readList(in, i -> new PendingGrant(readWaiter(i), Wire.readInstant(i))), Wire.readInstant(in));
        } catch (IllegalArgumentException e) {
            throw Wire.invalid(e);
        }
    }

    private static <T> void writeList(ObjectDataOutput out, List<T> items, Writer<T> w) throws IOException {
        out.writeInt(items.size());
        for (T item : items) {
            w.write(out, item);
        }
    }

    private static <T> List<T> readList(ObjectDataInput in, Reader<T> r) throws IOException {
        int n = Wire.length(in, MAX_ITEMS, "list");
        List<T> items = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
            items.add(r.read(in));
        }
        return items;
    }

    private static void writeLock(ObjectDataOutput out, RangeLock l) throws IOException {
        Wire.writeString(out, l.owner().callerName());
        out.writeInt(l.owner().svid());
        Wire.writeOpaque(out, l.owner().oh());
        out.writeByte(l.type().ordinal());
        out.writeLong(l.range().start());
        out.writeLong(l.range().end());
    }

    private static RangeLock readLock(ObjectDataInput in) throws IOException {
        LockOwner owner = new LockOwner(Wire.readString(in, LockOwner.MAX_NAME_LENGTH), in.readInt(),
                Wire.readOpaque(in, LockOwner.MAX_OH_LENGTH));
        LockType type = Wire.readEnum(in, LockType.values(), "lock type");
        return new RangeLock(owner, type, new LockRange(in.readLong(), in.readLong()));
    }

    private static void writeShare(ObjectDataOutput out, ShareReservation s) throws IOException {
        Wire.writeString(out, s.owner().callerName());
        Wire.writeOpaque(out, s.owner().oh());
        out.writeByte(s.access().ordinal());
        out.writeByte(s.deny().ordinal());
    }

    private static ShareReservation readShare(ObjectDataInput in) throws IOException {
        ShareOwner owner = new ShareOwner(Wire.readString(in, LockOwner.MAX_NAME_LENGTH),
                Wire.readOpaque(in, LockOwner.MAX_OH_LENGTH));
        return new ShareReservation(owner, Wire.readEnum(in, ShareAccess.values(), "share access"),
                Wire.readEnum(in, ShareDeny.values(), "share deny"));
    }

    private static void writeWaiter(ObjectDataOutput out, Waiter w) throws IOException {
        writeLock(out, w.lock());
        Wire.writeOpaque(out, w.cookie());
        Wire.writeOpaque(out, w.replyTo());
        Wire.writeInstant(out, w.queuedAt());
    }

    private static Waiter readWaiter(ObjectDataInput in) throws IOException {
        return new Waiter(readLock(in), Wire.readOpaque(in, Waiter.MAX_COOKIE_LENGTH),
                Wire.readOpaque(in, Waiter.MAX_REPLY_TO_LENGTH), Wire.readInstant(in));
    }
}
