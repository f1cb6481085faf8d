package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * sattr3 (RFC 1813 §2.6): the attributes a client asks to set. Each of the set_mode3 .. set_size3 unions is a
 * nullable field: null means "do not set" (set_it FALSE). {@code mode}, {@code uid} and {@code gid} are uint32
 * bit patterns, {@code size} a uint64 in a long. The two times are {@link SetTime3} unions.
 */
public record Sattr3(Integer mode, Integer uid, Integer gid, Long size, SetTime3 atime, SetTime3 mtime) {
    /** Nothing to set: what a plain CREATE or MKDIR from most clients carries besides the mode. */
    public static final Sattr3 NONE = new Sattr3(null, null, null, null, SetTime3.DontChange.INSTANCE,
            SetTime3.DontChange.INSTANCE);

    public Sattr3 {
        Objects.requireNonNull(atime, "atime");
        Objects.requireNonNull(mtime, "mtime");
    }

    public Sattr3 withMode(Integer mode) {
        return new Sattr3(mode, uid, gid, size, atime, mtime);
    }

    public Sattr3 withOwner(Integer uid, Integer gid) {
        return new Sattr3(mode, uid, gid, size, atime, mtime);
    }

    public Sattr3 withSize(Long size) {
        return new Sattr3(mode, uid, gid, size, atime, mtime);
    }

    public Sattr3 withTimes(SetTime3 atime, SetTime3 mtime) {
        return new Sattr3(mode, uid, gid, size, atime, mtime);
    }

    /** True when the client asked to change nothing. */
    public boolean isEmpty() {
        return mode == null && uid == null && gid == null && size == null
                && atime instanceof SetTime3.DontChange && mtime instanceof SetTime3.DontChange;
    }
}
