package dev.handoff.server.vfs;

/** The attributes a call asks to change; null fields stay as they are (RFC 1813 sattr3). */
public record SetAttributes(Integer mode, Integer uid, Integer gid, Long size, TimeChange atime, TimeChange mtime) {
    public static final SetAttributes NONE = new SetAttributes(null, null, null, null, TimeChange.KEEP,
            TimeChange.KEEP);

    public SetAttributes {
        atime = atime == null ? TimeChange.KEEP : atime;
        mtime = mtime == null ? TimeChange.KEEP : mtime;
    }

    public boolean isEmpty() {
        return mode == null && uid == null && gid == null && size == null && atime instanceof TimeChange.Keep
                && mtime instanceof TimeChange.Keep;
    }
}
