package dev.handoff.server.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.EnumSet;
import java.util.Set;

/**
 * The effective capability set of the calling thread, read with capget(2). Capabilities are per thread: a
 * thread whose fsuid {@link ThreadIdentity} has switched away from 0 has lost the file-system ones (CHOWN,
 * DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, FSETID, MKNOD...) until it switches back. Read this at start-up, on
 * a thread running as itself, to decide between full and degraded mode (DESIGN.md §4).
 *
 * @param effective the 64-bit effective mask ({@code CapEff} in /proc/self/status)
 */
public record Capabilities(long effective) {
    /** _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set. */
    private static final int VERSION_3 = 0x20080522;

    private static final MethodHandle CAPGET = Native.downcall("capget",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle CAPSET = Native.downcall("capset",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

    /** The calling thread's effective set. */
    public static Capabilities current() throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment header = arena.allocate(8, 4);
            header.set(JAVA_INT, 0, VERSION_3);
            header.set(JAVA_INT, 4, 0); // pid 0: this thread
            // struct __user_cap_data_struct {u32 effective, permitted, inheritable} x 2 (low word first)
            MemorySegment data = arena.allocate(24, 4);
            Native.call("capget", arena, errno -> (int) CAPGET.invokeExact(errno, header, data));
            long low = Integer.toUnsignedLong(data.get(JAVA_INT, 0));
            long high = Integer.toUnsignedLong(data.get(JAVA_INT, 12));
            return new Capabilities(high << 32 | low);
        }
    }

    /**
     * Makes {@code effective} the calling thread's effective set again, keeping its permitted and inheritable
     * sets (only capabilities still permitted can come back). A thread of a server running as a non-root user
     * loses its file-system capabilities when its fsuid goes from 0 back to that user (a call from a root client
     * under no_root_squash); the kernel brings them back only on a switch TO fsuid 0, so they are raised here.
     */
    public static void restoreEffective(long effective) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment header = arena.allocate(8, 4);
            header.set(JAVA_INT, 0, VERSION_3);
            header.set(JAVA_INT, 4, 0);
            MemorySegment data = arena.allocate(24, 4);
            Native.call("capget", arena, errno -> (int) CAPGET.invokeExact(errno, header, data));
            data.set(JAVA_INT, 0, (int) effective);
            data.set(JAVA_INT, 12, (int) (effective >>> 32));
            Native.call("capset", arena, errno -> (int) CAPSET.invokeExact(errno, header, data));
        }
    }

    public boolean has(Capability capability) {
        return (effective & capability.mask()) != 0;
    }

    /** open_by_handle_at(2): without it, handles cannot be resolved and the server runs degraded. */
    public boolean hasDacReadSearch() {
        return has(Capability.DAC_READ_SEARCH);
    }

    /** setfsuid(2) to an arbitrary caller. */
    public boolean hasSetuid() {
        return has(Capability.SETUID);
    }

    /** setfsgid(2) and setgroups(2) to an arbitrary caller. */
    public boolean hasSetgid() {
        return has(Capability.SETGID);
    }

    /** Adding and removing VIP addresses (netlink, ip addr). */
    public boolean hasNetAdmin() {
        return has(Capability.NET_ADMIN);
    }

    /** Gratuitous ARP, unsolicited NA and tickle ACKs (raw sockets). */
    public boolean hasNetRaw() {
        return has(Capability.NET_RAW);
    }

    /** Listening on ports below 1024: rpcbind on 111 (2049 and 20048 need nothing). */
    public boolean hasNetBindService() {
        return has(Capability.NET_BIND_SERVICE);
    }

    /** Which of {@code wanted} are missing, for a clear start-up message. */
    public Set<Capability> missing(Set<Capability> wanted) {
        EnumSet<Capability> missing = EnumSet.noneOf(Capability.class);
        for (Capability capability : wanted) {
            if (!has(capability)) {
                missing.add(capability);
            }
        }
        return missing;
    }

    @Override
    public String toString() {
        EnumSet<Capability> held = EnumSet.noneOf(Capability.class);
        for (Capability capability : Capability.values()) {
            if (has(capability)) {
                held.add(capability);
            }
        }
        return "Capabilities[" + Long.toHexString(effective) + " " + held + "]";
    }
}
