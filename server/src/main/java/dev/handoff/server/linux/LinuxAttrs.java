package dev.handoff.server.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Instant;

/**
 * Attribute calls: statx, chmod, chown, utimensat, ftruncate and fstatvfs, for NFSv3 GETATTR, SETATTR, FSSTAT
 * and FSINFO (RFC 1813 §3.3.1, §3.3.2, §3.3.18, §3.3.19). Changing an owner needs CAP_CHOWN (or giving a file
 * to one of one's own groups); changing mode or explicit times of another user's file needs CAP_FOWNER. Both
 * capabilities vanish from a thread while {@link ThreadIdentity} has switched it to a non-root fsuid.
 */
public final class LinuxAttrs {
    private static final byte[] EMPTY = new byte[0];
    private static final long UTIME_NOW = (1L << 30) - 1;
    private static final long UTIME_OMIT = (1L << 30) - 2;
    /** struct statx is 256 bytes in every kernel version (spare fields at the end). */
    private static final long STATX_SIZE = 256;
    /** struct statvfs on 64-bit glibc: eleven unsigned longs and six spare ints. */
    private static final long STATVFS_SIZE = 112;

    private static final MethodHandle STATX = Native.downcall("statx",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle FCHMOD = Native.downcall("fchmod",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle FCHMODAT = Native.downcall("fchmodat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle FCHOWNAT = Native.downcall("fchownat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle UTIMENSAT = Native.downcall("utimensat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle FTRUNCATE = Native.downcall("ftruncate",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle FSTATVFS = Native.downcall("fstatvfs",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));

    private LinuxAttrs() {}

    /** statx(2) of the file a descriptor refers to, O_PATH included; a symlink reports itself. */
    public static Statx statx(Fd fd) throws ErrnoException {
        return statx(fd, EMPTY, AtFlags.AT_EMPTY_PATH | AtFlags.AT_SYMLINK_NOFOLLOW);
    }

    /** statx(2) asking for the basic stats and the mount id, in one call. */
    public static Statx statx(Fd dir, byte[] path, int flags) throws ErrnoException {
        try (Arena arena = ScratchArena.open()) {
            MemorySegment buf = arena.allocate(STATX_SIZE, 8);
            Native.call("statx", arena, errno -> (int) STATX.invokeExact(errno, dir.value(),
                    Native.cString(arena, path, "statx"), flags, Statx.STATX_BASIC_STATS | Statx.STATX_MNT_ID, buf));
            return decodeStatx(buf);
        }
    }

    // Offsets from linux/stat.h (struct statx); statx_timestamp is {s64 sec; u32 nsec; s32 reserved}.
    private static Statx decodeStatx(MemorySegment b) {
        int mode = Short.toUnsignedInt(b.get(JAVA_SHORT, 28));
        return new Statx(
                b.get(JAVA_INT, 0),
                FileType.fromMode(mode),
                mode & 07777,
                Integer.toUnsignedLong(b.get(JAVA_INT, 16)),
                b.get(JAVA_INT, 20),
                b.get(JAVA_INT, 24),
                b.get(JAVA_LONG, 40),
                b.get(JAVA_LONG, 48),
                b.get(JAVA_INT, 4),
                b.get(JAVA_INT, 128),
                b.get(JAVA_INT, 132),
                b.get(JAVA_INT, 136),
                b.get(JAVA_INT, 140),
                b.get(JAVA_LONG, 32),
                timestamp(b, 64),
                timestamp(b, 112),
                timestamp(b, 96),
                b.get(JAVA_LONG, 144));
    }

    private static Instant timestamp(MemorySegment b, long offset) {
        return Instant.ofEpochSecond(b.get(JAVA_LONG, offset), Integer.toUnsignedLong(b.get(JAVA_INT, offset + 8)));
    }

    /** fchmod(2). Fails with EBADF on an O_PATH descriptor: use fchmodat on {@link Fd#procPath()} then. */
    public static void fchmod(Fd fd, int mode) throws ErrnoException {
        Native.call("fchmod", (errno, arena) -> (int) FCHMOD.invokeExact(errno, fd.value(), mode));
    }

    /** fchmodat(2). With AT_SYMLINK_NOFOLLOW on a symlink, Linux answers EOPNOTSUPP (links have no mode). */
    public static void fchmodat(Fd dir, byte[] path, int mode, int flags) throws ErrnoException {
        Native.call("fchmodat", (errno, arena) -> (int) FCHMODAT.invokeExact(
                errno, dir.value(), Native.cString(arena, path, "fchmodat"), mode, flags));
    }

    /**
     * fchownat(2); -1 leaves that id unchanged. Flags: AT_SYMLINK_NOFOLLOW to change a link itself,
     * AT_EMPTY_PATH with an empty path to change the descriptor's file (O_PATH included).
     */
    public static void fchownat(Fd dir, byte[] path, int uid, int gid, int flags) throws ErrnoException {
        Native.call("fchownat", (errno, arena) -> (int) FCHOWNAT.invokeExact(
                errno, dir.value(), Native.cString(arena, path, "fchownat"), uid, gid, flags));
    }

    /** utimensat(2) with per-timestamp choices; flags as for fchownat. */
    public static void utimensat(Fd dir, byte[] path, TimeSet atime, TimeSet mtime, int flags)
            throws ErrnoException {
        Native.call("utimensat", (errno, arena) -> {
            MemorySegment times = arena.allocate(32, 8);
            timespec(times, 0, atime);
            timespec(times, 16, mtime);
            return (int) UTIMENSAT.invokeExact(
                    errno, dir.value(), Native.cString(arena, path, "utimensat"), times, flags);
        });
    }

    /** Sets the times of the descriptor's file, O_PATH included, through AT_EMPTY_PATH. */
    public static void setTimes(Fd fd, TimeSet atime, TimeSet mtime) throws ErrnoException {
        utimensat(fd, EMPTY, atime, mtime, AtFlags.AT_EMPTY_PATH | AtFlags.AT_SYMLINK_NOFOLLOW);
    }

    private static void timespec(MemorySegment times, long offset, TimeSet set) {
        switch (set) {
            case TimeSet.Omit omit -> times.set(JAVA_LONG, offset + 8, UTIME_OMIT);
            case TimeSet.Now now -> times.set(JAVA_LONG, offset + 8, UTIME_NOW);
            case TimeSet.At(Instant time) -> {
                times.set(JAVA_LONG, offset, time.getEpochSecond());
                times.set(JAVA_LONG, offset + 8, time.getNano());
            }
        }
    }

    /** ftruncate(2): NFSv3 SETATTR of size. Needs a descriptor open for writing. */
    public static void ftruncate(Fd fd, long length) throws ErrnoException {
        Native.call("ftruncate", (errno, arena) -> (int) FTRUNCATE.invokeExact(errno, fd.value(), length));
    }

    /** fstatvfs(3) of the file system holding the descriptor's file (O_PATH works). */
    public static StatVfs fstatvfs(Fd fd) throws ErrnoException {
        try (Arena arena = ScratchArena.open()) {
            MemorySegment b = arena.allocate(STATVFS_SIZE, 8);
            Native.call("fstatvfs", arena, errno -> (int) FSTATVFS.invokeExact(errno, fd.value(), b));
            return new StatVfs(b.get(JAVA_LONG, 0), b.get(JAVA_LONG, 8), b.get(JAVA_LONG, 16),
                    b.get(JAVA_LONG, 24), b.get(JAVA_LONG, 32), b.get(JAVA_LONG, 40), b.get(JAVA_LONG, 48),
                    b.get(JAVA_LONG, 56), b.get(JAVA_LONG, 64), b.get(JAVA_LONG, 72), b.get(JAVA_LONG, 80));
        }
    }
}
