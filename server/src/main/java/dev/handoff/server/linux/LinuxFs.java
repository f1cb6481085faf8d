package dev.handoff.server.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Name-space calls relative to directory descriptors: open, create, link, remove, rename. They take the
 * parent directory as a descriptor and a name as bytes, so that a concurrent rename of an ancestor cannot
 * redirect them (the reason DESIGN.md §4 asks for *at() calls). None needs a capability beyond ordinary
 * permission checks, except mknodat for device nodes (CAP_MKNOD) and linkat with AT_EMPTY_PATH
 * (CAP_DAC_READ_SEARCH, or since Linux 6.10 a descriptor opened with the caller's credentials).
 */
public final class LinuxFs {
    private static final byte[] EMPTY = new byte[0];

    private static final MethodHandle OPENAT = Native.downcall("openat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(3));
    private static final MethodHandle CLOSE = Native.downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle MKDIRAT = Native.downcall("mkdirat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle MKNODAT = Native.downcall("mknodat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG));
    private static final MethodHandle SYMLINKAT = Native.downcall("symlinkat",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
    private static final MethodHandle READLINKAT = Native.downcall("readlinkat",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle LINKAT = Native.downcall("linkat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle UNLINKAT = Native.downcall("unlinkat",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RENAMEAT2 = Native.downcall("renameat2",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));

    private LinuxFs() {}

    /**
     * openat(2). {@code mode} matters only with O_CREAT (and is reduced by the umask). O_CLOEXEC is always
     * added: a descriptor must not leak into a helper process the server starts.
     */
    public static Fd openat(Fd dir, byte[] path, int flags, int mode) throws ErrnoException {
        int fd = (int) Native.call("openat", (errno, arena) -> (int) OPENAT.invokeExact(
                errno, dir.value(), Native.cString(arena, path, "openat"), flags | OpenFlags.O_CLOEXEC, mode));
        return Fd.adopt(fd);
    }

    /** close(2) of a raw number; prefer {@link Fd#close()}. */
    static void close(int fd) throws ErrnoException {
        Native.call("close", (errno, arena) -> (int) CLOSE.invokeExact(errno, fd));
    }

    public static void mkdirat(Fd dir, byte[] name, int mode) throws ErrnoException {
        Native.call("mkdirat", (errno, arena) ->
                (int) MKDIRAT.invokeExact(errno, dir.value(), Native.cString(arena, name, "mkdirat"), mode));
    }

    /**
     * mknodat(2): {@code mode} carries the type ({@link FileType#modeBits()}) and the permissions; {@code dev}
     * comes from {@link #makedev} and matters only for devices, which need CAP_MKNOD.
     */
    public static void mknodat(Fd dir, byte[] name, int mode, long dev) throws ErrnoException {
        Native.call("mknodat", (errno, arena) ->
                (int) MKNODAT.invokeExact(errno, dir.value(), Native.cString(arena, name, "mknodat"), mode, dev));
    }

    /** The glibc encoding of a device number (sys/sysmacros.h): 12+20 bits of major, 20+12 bits of minor. */
    public static long makedev(int major, int minor) {
        long ma = Integer.toUnsignedLong(major);
        long mi = Integer.toUnsignedLong(minor);
        return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8) | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
    }

    /** symlinkat(2): creates {@code name} in {@code dir} pointing at {@code target}, stored as given. */
    public static void symlinkat(byte[] target, Fd dir, byte[] name) throws ErrnoException {
        Native.call("symlinkat", (errno, arena) -> (int) SYMLINKAT.invokeExact(errno,
                Native.cString(arena, target, "symlinkat"), dir.value(), Native.cString(arena, name, "symlinkat")));
    }

    /**
     * readlinkat(2). An empty {@code name} reads the link an O_PATH|O_NOFOLLOW descriptor refers to. The
     * kernel truncates silently, so a target that fills the whole buffer is reported as ENAMETOOLONG.
     */
    public static byte[] readlinkat(Fd dir, byte[] name) throws ErrnoException {
        try (Arena arena = ScratchArena.open()) {
            MemorySegment buffer = arena.allocate(Native.PATH_MAX);
            long length = Native.call("readlinkat", arena, errno -> (long) READLINKAT.invokeExact(errno,
                    dir.value(), Native.cString(arena, name, "readlinkat"), buffer, (long) Native.PATH_MAX));
            if (length >= Native.PATH_MAX) {
                throw new ErrnoException(Errno.ENAMETOOLONG, "readlinkat");
            }
            return buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** linkat(2). Without AT_SYMLINK_FOLLOW a symlink is linked itself, not its target. */
    public static void linkat(Fd oldDir, byte[] oldName, Fd newDir, byte[] newName, int flags)
            throws ErrnoException {
        Native.call("linkat", (errno, arena) -> (int) LINKAT.invokeExact(errno,
                oldDir.value(), Native.cString(arena, oldName, "linkat"),
                newDir.value(), Native.cString(arena, newName, "linkat"), flags));
    }

    /**
     * Gives the file open as {@code file} (O_PATH is enough) the new name {@code newName} in {@code newDir}.
     * Tries linkat with AT_EMPTY_PATH; the kernel answers ENOENT when the caller may not use it (no
     * CAP_DAC_READ_SEARCH, for instance under a switched {@link ThreadIdentity}), and then the link is made
     * through {@code /proc/self/fd/N}, which needs no capability and still names the open file, not a path.
     */
    public static void linkFd(Fd file, Fd newDir, byte[] newName) throws ErrnoException {
        try {
            linkat(file, EMPTY, newDir, newName, AtFlags.AT_EMPTY_PATH);
        } catch (ErrnoException e) {
            if (!e.is(Errno.ENOENT)) {
                throw e;
            }
            linkat(Fd.CWD, file.procPath(), newDir, newName, AtFlags.AT_SYMLINK_FOLLOW);
        }
    }

    /** unlinkat(2); with AT_REMOVEDIR it removes an empty directory (ENOTEMPTY otherwise). */
    public static void unlinkat(Fd dir, byte[] name, int flags) throws ErrnoException {
        Native.call("unlinkat", (errno, arena) ->
                (int) UNLINKAT.invokeExact(errno, dir.value(), Native.cString(arena, name, "unlinkat"), flags));
    }

    /** renameat2(2): flags 0 replaces an existing target; RENAME_NOREPLACE fails with EEXIST instead. */
    public static void renameat2(Fd oldDir, byte[] oldName, Fd newDir, byte[] newName, int flags)
            throws ErrnoException {
        Native.call("renameat2", (errno, arena) -> (int) RENAMEAT2.invokeExact(errno,
                oldDir.value(), Native.cString(arena, oldName, "renameat2"),
                newDir.value(), Native.cString(arena, newName, "renameat2"), flags));
    }
}
