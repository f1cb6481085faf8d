package dev.handoff.server.linux;

/** Flags of the *at() calls, renameat2(2) and statx(2) (linux/fcntl.h, linux/fs.h, linux/stat.h). */
public final class AtFlags {
    /** Do not follow a trailing symlink (fchownat, utimensat, statx, fchmodat). */
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;
    /** unlinkat: remove a directory. */
    public static final int AT_REMOVEDIR = 0x200;
    /** name_to_handle_at: a handle for identification only, which open_by_handle_at refuses (Linux 6.5). */
    public static final int AT_HANDLE_FID = 0x200;
    /** linkat, name_to_handle_at: follow a trailing symlink (they do not by default). */
    public static final int AT_SYMLINK_FOLLOW = 0x400;
    public static final int AT_NO_AUTOMOUNT = 0x800;
    /** An empty path means the descriptor itself (works on O_PATH descriptors). */
    public static final int AT_EMPTY_PATH = 0x1000;
    /** statx: ask a network file system for fresh attributes. */
    public static final int AT_STATX_FORCE_SYNC = 0x2000;
    /** statx: cached attributes are good enough. */
    public static final int AT_STATX_DONT_SYNC = 0x4000;

    /** renameat2: fail with EEXIST instead of replacing the target. */
    public static final int RENAME_NOREPLACE = 1;
    /** renameat2: swap the two names atomically. */
    public static final int RENAME_EXCHANGE = 2;

    private AtFlags() {}
}
