package dev.handoff.server.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Downcall plumbing shared by the bindings: symbol lookup in the C library, errno capture and C strings
 * checked against the kernel's limits. Every handle built here takes the errno capture segment as its first
 * argument ({@link Linker.Option#captureCallState}); reading errno later through the JVM would be unreliable,
 * because the JVM itself makes system calls between ours.
 */
final class Native {
    /** Kernel limit for a path argument, including the terminating NUL (linux/limits.h). */
    static final int PATH_MAX = 4096;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private Native() {}

    /**
     * Looks up a libc function once; callers keep the result in a static final. Restricted: the server runs
     * with {@code --enable-native-access=ALL-UNNAMED} (the launcher and surefire pass it).
     */
    @SuppressWarnings("restricted")
    static MethodHandle downcall(String name, FunctionDescriptor descriptor, Linker.Option... extra) {
        MemorySegment symbol = LIBC.find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("the C library has no " + name));
        Linker.Option[] options = Arrays.copyOf(extra, extra.length + 1);
        options[extra.length] = Linker.Option.captureCallState("errno");
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    /** A native call that allocates its arguments in the arena it is given. */
    @FunctionalInterface
    interface Call {
        long invoke(MemorySegment errno, Arena arena) throws Throwable;
    }

    /** A native call whose buffers the caller allocated in its own arena, to decode them afterwards. */
    @FunctionalInterface
    interface BufferCall {
        long invoke(MemorySegment errno) throws Throwable;
    }

    /** Runs {@code call} with a confined arena that is freed on return; see {@link #call(String, Arena, BufferCall)}. */
    static long call(String operation, Call call) throws ErrnoException {
        try (Arena arena = ScratchArena.open()) {
            return call(operation, arena, errno -> call.invoke(errno, arena));
        }
    }

    /**
     * Runs {@code call} and turns the C convention (-1 and errno) into an {@link ErrnoException}.
     * Returns the call's result, which is then non-negative.
     */
    static long call(String operation, Arena arena, BufferCall call) throws ErrnoException {
        MemorySegment errno = arena.allocate(CAPTURE);
        long result;
        try {
            result = call.invoke(errno);
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // invokeExact declares Throwable; a downcall throws nothing checked, so this is a bug.
            throw new IllegalStateException(operation + " failed unexpectedly", t);
        }
        if (result == -1) {
            throw new ErrnoException((int) ERRNO.get(errno, 0L), operation);
        }
        return result;
    }

    /**
     * A NUL-terminated copy of {@code path} in {@code arena}. The kernel takes names as bytes, with no
     * encoding; an embedded NUL would silently cut the name short, so it is refused (EINVAL), as is a path
     * longer than {@link #PATH_MAX} (ENAMETOOLONG), before any system call.
     */
    static MemorySegment cString(Arena arena, byte[] path, String operation) throws ErrnoException {
        if (path.length >= PATH_MAX) {
            throw new ErrnoException(Errno.ENAMETOOLONG, operation);
        }
        for (byte b : path) {
            if (b == 0) {
                throw new ErrnoException(Errno.EINVAL, operation);
            }
        }
        MemorySegment segment = arena.allocate(path.length + 1L); // zeroed, so the NUL is already there
        MemorySegment.copy(path, 0, segment, ValueLayout.JAVA_BYTE, 0, path.length);
        return segment;
    }
}
