package dev.handoff.server.vfs.local;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.handoff.server.linux.AtFlags;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.Fd;
import dev.handoff.server.linux.ScratchArena;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * faccessat(2) on a descriptor (AT_EMPTY_PATH, O_PATH included), for NFSv3 ACCESS (RFC 1813 §3.3.4). It asks
 * with AT_EACCESS: without it the kernel checks the REAL uid and gid, which {@code ThreadIdentity} leaves as
 * the server's, and every client would be judged as root. With it the kernel uses the thread's fsuid, fsgid
 * and groups, and ACLs and read-only mounts count. glibc 2.33+ passes the flags to faccessat2 (Linux 5.8+).
 */
final class Faccessat {
    static final int R_OK = 4;
    static final int W_OK = 2;
    static final int X_OK = 1;
    /** AT_EACCESS (fcntl.h): judge with the effective (file-system) ids. */
    static final int AT_EACCESS = 0x200;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle FACCESSAT = downcall();

    private Faccessat() {
    }

    @SuppressWarnings("restricted")
    private static MethodHandle downcall() {
        MemorySegment symbol = LINKER.defaultLookup().find("faccessat")
                .orElseThrow(() -> new UnsatisfiedLinkError("the C library has no faccessat"));
        return LINKER.downcallHandle(symbol, FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
                Linker.Option.captureCallState("errno"));
    }

    /**
     * Whether the calling thread's identity may access the descriptor's file with {@code mode} (R_OK, W_OK,
     * X_OK or a combination). A denial (EACCES, EPERM, EROFS, ETXTBSY) is false; other failures are errors.
     */
    static boolean allowed(Fd file, int mode) throws ErrnoException {
        int errno;
        try (Arena arena = ScratchArena.open()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            MemorySegment emptyPath = arena.allocate(JAVA_BYTE); // "" (zeroed)
            int result = (int) FACCESSAT.invokeExact(capture, file.value(), emptyPath, mode,
                    AT_EACCESS | AtFlags.AT_EMPTY_PATH);
            if (result == 0) {
                return true;
            }
            errno = (int) ERRNO.get(capture, 0L);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("faccessat failed unexpectedly", t);
        }
        return switch (errno) {
            case Errno.EACCES, Errno.EPERM, Errno.EROFS, Errno.ETXTBSY -> false;
            default -> throw new ErrnoException(errno, "faccessat");
        };
    }
}
