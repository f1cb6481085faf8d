package dev.handoff.server.nfs3;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.TimeChange;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** One file of {@link FakeVfs}: attributes, contents, and for a directory its entries in cookie order. */
final class FakeNode {
    /** Cookies 1 and 2 are "." and ".."; entries get increasing cookies from here, never reused. */
    static final long FIRST_ENTRY_COOKIE = 3;

    record Slot(Opaque name, FakeNode node, long cookie) {
    }

    final long id;
    final FileKind kind;
    int mode;
    int uid;
    int gid;
    long nlink;
    byte[] data = new byte[0];
    Opaque target = Opaque.EMPTY;
    int rdevMajor;
    int rdevMinor;
    /** The EXCLUSIVE create verifier the file was made with, or null. */
    Long verifier;
    Instant atime;
    Instant mtime;
    Instant ctime;
    /** A directory's parent; the root's is itself. */
    FakeNode parent;
    final Map<Opaque, Slot> byName = new HashMap<>();
    final TreeMap<Long, Slot> byCookie = new TreeMap<>();
    private long nextCookie = FIRST_ENTRY_COOKIE;

    FakeNode(long id, FileKind kind, int mode, int uid, int gid, Instant now) {
        this.id = id;
        this.kind = kind;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
        this.nlink = kind == FileKind.DIRECTORY ? 2 : 1;
        this.atime = now;
        this.mtime = now;
        this.ctime = now;
    }

    boolean isDir() {
        return kind == FileKind.DIRECTORY;
    }

    long size() {
        return switch (kind) {
            case REGULAR -> data.length;
            case SYMLINK -> target.length();
            case DIRECTORY -> 4096;
            default -> 0;
        };
    }

    Slot entry(Opaque name) {
        return byName.get(name);
    }

    void add(Opaque name, FakeNode child) {
        Slot slot = new Slot(name, child, nextCookie++);
        byName.put(name, slot);
        byCookie.put(slot.cookie(), slot);
    }

    void drop(Opaque name) {
        Slot slot = byName.remove(name);
        byCookie.remove(slot.cookie());
    }

    void touch(Instant now) {
        mtime = now;
        ctime = now;
    }

    /** Applies a change {@link FakeRules#checkSetattr} allowed, at {@code now}. */
    void apply(SetAttributes change, Instant now) {
        if (change.mode() != null) {
            mode = change.mode() & 07777;
        }
        if (change.uid() != null) {
            uid = change.uid();
        }
        if (change.gid() != null) {
            gid = change.gid();
        }
        if (change.size() != null) {
            data = Arrays.copyOf(data, (int) (long) change.size());
            mtime = now;
        }
        atime = timeOf(change.atime(), atime, now);
        mtime = timeOf(change.mtime(), mtime, now);
        ctime = now;
    }

    private static Instant timeOf(TimeChange change, Instant old, Instant now) {
        return switch (change) {
            case TimeChange.Keep k -> old;
            case TimeChange.Now t -> now;
            case TimeChange.To t -> t.time();
        };
    }

    Attributes attributes(int exportId) {
        return new Attributes(kind, mode, nlink, uid, gid, size(), (size() + 511) / 512 * 512, rdevMajor,
                rdevMinor, exportId, id, atime, mtime, ctime);
    }
}
