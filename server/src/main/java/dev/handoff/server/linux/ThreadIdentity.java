package dev.handoff.server.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;

/**
 * Makes the kernel judge file-system permissions as an AUTH_SYS caller (RFC 5531 appendix A) by switching the
 * CALLING THREAD's fsuid, fsgid and supplementary groups, then puts the previous identity back on
 * {@link #close()}:
 * <pre>{@code
 * try (ThreadIdentity _ = ThreadIdentity.switchTo(cred.uid(), cred.gid(), cred.gids())) {
 *     LinuxFs.openat(dir, name, O_CREAT | O_EXCL | O_WRONLY, mode);  // EACCES unless the caller may
 * }
 * }</pre>
 * The calls are raw syscall(2)s because the glibc wrappers of setgroups (and setuid and friends) broadcast the
 * change to every thread of the process; the kernel's own calls change one thread only, which is what lets
 * worker threads serve different callers at once (NFS-Ganesha does the same).
 *
 * <p>Platform threads only: a virtual thread may be moved to another carrier between two calls, leaving the
 * identity on the carrier and the file-system call on a thread that never switched. {@link #switchTo} refuses
 * virtual threads. While switched away from fsuid 0 the thread has lost its file-system capabilities
 * (DAC_READ_SEARCH among them, so open_by_handle_at gives EPERM); they return with fsuid 0. Switching needs
 * CAP_SETUID and CAP_SETGID.
 */
public final class ThreadIdentity implements AutoCloseable {
    /** NGROUPS_MAX (linux/limits.h). AUTH_SYS carries at most 16. */
    public static final int MAX_GROUPS = 65536;

    private static final boolean AARCH64 = "aarch64".equals(System.getProperty("os.arch"));
    private static final long SYS_GETGROUPS = AARCH64 ? 158 : 115;
    private static final long SYS_SETGROUPS = AARCH64 ? 159 : 116;
    private static final long SYS_SETFSUID = AARCH64 ? 151 : 122;
    private static final long SYS_SETFSGID = AARCH64 ? 152 : 123;
    /** An id the kernel rejects, which turns setfsuid/setfsgid into a query of the current value. */
    private static final long INVALID_ID = 0xffffffffL;

    private static final MethodHandle SYSCALL_ID = Native.downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SYSCALL_GROUPS = Native.downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(1));

    private static final ThreadLocal<Known> KNOWN = ThreadLocal.withInitial(Known::new);

    private final Thread owner;
    private final int previousUid;
    private final int previousGid;
    private final int[] previousGroups;
    /** The effective capabilities to raise again on close, or -1 when the kernel does it (a root server). */
    private final long previousCapabilities;
    private boolean closed;

    private ThreadIdentity(Thread owner, int previousUid, int previousGid, int[] previousGroups,
                           long previousCapabilities) {
        this.previousCapabilities = previousCapabilities;
        this.owner = owner;
        this.previousUid = previousUid;
        this.previousGid = previousGid;
        this.previousGroups = previousGroups;
    }

    /** Switches this thread to {@code uid}, {@code gid} and {@code groups}; ids are unsigned 32-bit values. */
    public static ThreadIdentity switchTo(int uid, int gid, int[] groups) throws ErrnoException {
        Thread thread = Thread.currentThread();
        if (thread.isVirtual()) {
            throw new IllegalStateException("ThreadIdentity needs a platform thread, not " + thread);
        }
        if (groups.length > MAX_GROUPS) {
            throw new ErrnoException(Errno.EINVAL, "setgroups");
        }
        if (uid == -1 || gid == -1) { // (uid_t) -1 would only query the current value
            throw new ErrnoException(Errno.EINVAL, uid == -1 ? "setfsuid" : "setfsgid");
        }
        Known known = KNOWN.get();
        int oldUid = known.uid;
        int oldGid = known.gid;
        int[] oldGroups = known.groups;
        // A server running as itself (fsuid not 0) loses its file-system capabilities if this call switches to
        // 0 and back; note them so close() can raise them again.
        long oldCaps = oldUid != 0 && uid == 0 ? Capabilities.current().effective() : -1;
        boolean changed = false;
        // setgroups is the one step that can fail outright; doing it first means a failure changes nothing.
        if (!Arrays.equals(groups, oldGroups)) {
            setgroups(groups);
            known.groups = groups.clone();
            changed = true;
        }
        if (gid != oldGid) {
            setId(SYS_SETFSGID, Integer.toUnsignedLong(gid));
            known.gid = gid;
            changed = true;
        }
        if (uid != oldUid) {
            setId(SYS_SETFSUID, Integer.toUnsignedLong(uid));
            known.uid = uid;
            changed = true;
        }
        ThreadIdentity identity = new ThreadIdentity(thread, oldUid, oldGid, oldGroups, oldCaps);
        if (changed && !known.verified) {
            known.verify(identity, uid, gid);
        }
        return identity;
    }

    /** The calling thread's fsuid. */
    public static int currentFsuid() {
        return (int) setId(SYS_SETFSUID, INVALID_ID);
    }

    /** The calling thread's fsgid. */
    public static int currentFsgid() {
        return (int) setId(SYS_SETFSGID, INVALID_ID);
    }

    /**
     * Restores the identity the thread had before. If that fails the thread would go on serving under a
     * stranger's identity, so the failure is an {@link IllegalStateException} the worker must not swallow.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("identity switched on " + owner + " closed on " + Thread.currentThread());
        }
        closed = true;
        Known known = KNOWN.get();
        boolean idsChanged = known.uid != previousUid || known.gid != previousGid;
        if (known.uid != previousUid) { // first: brings the capabilities back
            setId(SYS_SETFSUID, Integer.toUnsignedLong(previousUid));
            known.uid = previousUid;
        }
        if (known.gid != previousGid) {
            setId(SYS_SETFSGID, Integer.toUnsignedLong(previousGid));
            known.gid = previousGid;
        }
        if (!Arrays.equals(known.groups, previousGroups)) {
            try {
                setgroups(previousGroups);
            } catch (ErrnoException e) {
                throw new IllegalStateException("cannot restore the supplementary groups of " + owner, e);
            }
            known.groups = previousGroups;
        }
        if (idsChanged && !known.verified && (currentFsuid() != previousUid || currentFsgid() != previousGid)) {
            throw new IllegalStateException("cannot restore fsuid/fsgid of " + owner);
        }
        if (previousCapabilities != -1) {
            try {
                Capabilities.restoreEffective(previousCapabilities);
            } catch (ErrnoException e) {
                throw new IllegalStateException("cannot raise the capabilities of " + owner + " again", e);
            }
        }
    }

    /**
     * What the calling thread's fsuid, fsgid and groups are: read from the kernel on the thread's first switch,
     * then kept in step by every switch, so that a call repeats no system call whose answer it knows. Nothing
     * else in the server changes them. setfsuid and setfsgid do not report failure; whether they work depends
     * only on CAP_SETUID and CAP_SETGID, which the process keeps for its whole life (a switch away from fsuid 0
     * drops the file-system capabilities, not these two). So the first switch that changes anything on a
     * thread reads the ids back, and later ones trust the kernel.
     */
    private static final class Known {
        int uid = currentFsuid();
        int gid = currentFsgid();
        int[] groups;
        boolean verified;

        Known() {
            try {
                groups = getgroups();
            } catch (ErrnoException e) {
                throw new IllegalStateException("getgroups of " + Thread.currentThread(), e);
            }
        }

        void verify(ThreadIdentity identity, int uid, int gid) throws ErrnoException {
            int actualUid = currentFsuid();
            int actualGid = currentFsgid();
            if (actualUid != uid || actualGid != gid) {
                this.uid = actualUid;
                this.gid = actualGid;
                identity.close();
                throw new ErrnoException(Errno.EPERM, "setfsuid");
            }
            verified = true;
        }
    }

    /** setfsuid/setfsgid never fail in the C sense: they return the previous id, changed or not. */
    private static long setId(long syscall, long id) {
        try {
            return Native.call(syscall == SYS_SETFSUID ? "setfsuid" : "setfsgid",
                    (errno, arena) -> (long) SYSCALL_ID.invokeExact(errno, syscall, id));
        } catch (ErrnoException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks for the count first (size 0 returns it) so that a worker with no groups allocates almost nothing. */
    private static int[] getgroups() throws ErrnoException {
        try (Arena arena = ScratchArena.open()) {
            long count = Native.call("getgroups", arena,
                    errno -> (long) SYSCALL_GROUPS.invokeExact(errno, SYS_GETGROUPS, 0L, MemorySegment.NULL));
            MemorySegment list = arena.allocate(JAVA_INT, Math.max(1, count));
            long n = Native.call("getgroups", arena,
                    errno -> (long) SYSCALL_GROUPS.invokeExact(errno, SYS_GETGROUPS, count, list));
            return list.asSlice(0, n * Integer.BYTES).toArray(JAVA_INT);
        }
    }

    private static void setgroups(int[] groups) throws ErrnoException {
        try (Arena arena = ScratchArena.open()) {
            MemorySegment list = arena.allocate(JAVA_INT, Math.max(1, groups.length));
            MemorySegment.copy(groups, 0, list, JAVA_INT, 0, groups.length);
            Native.call("setgroups", arena,
                    errno -> (long) SYSCALL_GROUPS.invokeExact(errno, SYS_SETGROUPS, (long) groups.length, list));
        }
    }

    @Override
    public String toString() {
        return "ThreadIdentity[" + owner.getName() + ", restores fsuid " + Integer.toUnsignedString(previousUid)
                + " fsgid " + Integer.toUnsignedString(previousGid) + " groups " + Arrays.toString(previousGroups) + "]";
    }
}
