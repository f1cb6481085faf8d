package dev.handoff.server.linux;

import java.time.Instant;
import java.util.Objects;

/**
 * What one statx(2) call reports, as NFSv3 needs it for {@code fattr3} (RFC 1813 §2.6): type, permission bits,
 * link count, owner, sizes, device numbers, inode number and the three timestamps with nanoseconds. Owner ids
 * are unsigned 32-bit values held in an int. {@code mountId} is the kernel's id of the mount
 * ({@code STATX_MNT_ID}, 0 before Linux 5.8), the same number name_to_handle_at reports.
 *
 * @param mask       the STATX_* bits the kernel filled in
 * @param mode       permission bits with set-id and sticky bits ({@code 07777}), without the type
 * @param blocks     512-byte blocks allocated; see {@link #usedBytes()}
 * @param blockSize  preferred I/O size
 */
public record Statx(
        int mask,
        FileType type,
        int mode,
        long nlink,
        int uid,
        int gid,
        long size,
        long blocks,
        int blockSize,
        int rdevMajor,
        int rdevMinor,
        int devMajor,
        int devMinor,
        long ino,
        Instant atime,
        Instant mtime,
        Instant ctime,
        long mountId) {

    public static final int STATX_TYPE = 0x1;
    public static final int STATX_MODE = 0x2;
    public static final int STATX_NLINK = 0x4;
    public static final int STATX_UID = 0x8;
    public static final int STATX_GID = 0x10;
    public static final int STATX_ATIME = 0x20;
    public static final int STATX_MTIME = 0x40;
    public static final int STATX_CTIME = 0x80;
    public static final int STATX_INO = 0x100;
    public static final int STATX_SIZE = 0x200;
    public static final int STATX_BLOCKS = 0x400;
    /** Everything stat(2) reports. */
    public static final int STATX_BASIC_STATS = 0x7ff;
    public static final int STATX_MNT_ID = 0x1000;

    public Statx {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(atime, "atime");
        Objects.requireNonNull(mtime, "mtime");
        Objects.requireNonNull(ctime, "ctime");
    }

    /** Space the file takes on disk: NFSv3 {@code used}. */
    public long usedBytes() {
        return blocks * 512;
    }

    public boolean has(int statxBits) {
        return (mask & statxBits) == statxBits;
    }
}
