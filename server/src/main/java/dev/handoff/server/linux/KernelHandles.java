package dev.handoff.server.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.handoff.rpc.xdr.Opaque;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * name_to_handle_at(2) and open_by_handle_at(2): the basis of NFS file handles that survive restarts and
 * failover (DESIGN.md §4). Taking a handle needs no privilege. Opening one needs CAP_DAC_READ_SEARCH in the
 * calling thread's effective set, which the kernel clears while the thread's fsuid is not 0: resolve handles
 * before switching to the caller's {@link ThreadIdentity}, or the call fails with EPERM.
 */
public final class KernelHandles {
    /** struct file_handle: u32 handle_bytes; s32 handle_type; u8 f_handle[]. */
    private static final long HEADER = 8;

    private static final MethodHandle NAME_TO_HANDLE_AT = Native.downcall("name_to_handle_at",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle OPEN_BY_HANDLE_AT = Native.downcall("open_by_handle_at",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));

    private KernelHandles() {}

    /**
     * The handle of {@code path} relative to {@code dir}. Flags: AT_EMPTY_PATH (with an empty path: the
     * descriptor's own file), AT_SYMLINK_FOLLOW (a trailing symlink is NOT followed by default).
     */
    public static NamedHandle nameToHandleAt(Fd dir, byte[] path, int flags) throws ErrnoException {
        try (Arena arena = ScratchArena.open()) {
            MemorySegment handle = arena.allocate(HEADER + KernelHandle.MAX_BYTES, 4);
            handle.set(JAVA_INT, 0, KernelHandle.MAX_BYTES);
            MemorySegment mountId = arena.allocate(JAVA_INT);
            Native.call("name_to_handle_at", arena, errno -> (int) NAME_TO_HANDLE_AT.invokeExact(errno,
                    dir.value(), Native.cString(arena, path, "name_to_handle_at"), handle, mountId, flags));
            int length = handle.get(JAVA_INT, 0);
            if (length <= 0 || length > KernelHandle.MAX_BYTES) {
                throw new ErrnoException(Errno.EOVERFLOW, "name_to_handle_at");
            }
            byte[] bytes = handle.asSlice(HEADER, length).toArray(JAVA_BYTE);
            return new NamedHandle(new KernelHandle(handle.get(JAVA_INT, 4), Opaque.copyOf(bytes)),
                    mountId.get(JAVA_INT, 0));
        }
    }

    /**
     * Opens the file a handle names. {@code mount} is any descriptor on the same file system (the export
     * root, typically opened O_PATH). ESTALE means the file is gone; EPERM, that the thread lacks
     * CAP_DAC_READ_SEARCH. O_CLOEXEC is always added.
     */
    public static Fd openByHandleAt(Fd mount, KernelHandle kernelHandle, int flags) throws ErrnoException {
        try (Arena arena = ScratchArena.open()) {
            byte[] bytes = kernelHandle.bytes().toByteArray();
            MemorySegment handle = arena.allocate(HEADER + bytes.length, 4);
            handle.set(JAVA_INT, 0, bytes.length);
            handle.set(JAVA_INT, 4, kernelHandle.type());
            MemorySegment.copy(bytes, 0, handle, JAVA_BYTE, HEADER, bytes.length);
            int fd = (int) Native.call("open_by_handle_at", arena, errno -> (int) OPEN_BY_HANDLE_AT.invokeExact(
                    errno, mount.value(), handle, flags | OpenFlags.O_CLOEXEC));
            return Fd.adopt(fd);
        }
    }
}
