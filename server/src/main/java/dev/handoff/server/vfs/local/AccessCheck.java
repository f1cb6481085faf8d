package dev.handoff.server.vfs.local;

import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.Fd;
import dev.handoff.server.linux.FileType;
import dev.handoff.server.vfs.AccessBits;

/**
 * NFSv3 ACCESS (RFC 1813 §3.3.4): which of the asked bits the kernel would grant the calling thread's
 * identity. Each bit maps to one mode the kernel checks: for a directory READ is r, LOOKUP and EXECUTE are x,
 * MODIFY, EXTEND and DELETE are w (deleting is a change to the directory); for any other file READ is r,
 * EXECUTE is x, MODIFY and EXTEND are w, and LOOKUP and DELETE mean nothing and are never granted. Each mode
 * is asked once, and only when some requested bit needs it.
 */
final class AccessCheck {
    private static final int DIRECTORY_READ = AccessBits.READ;
    private static final int DIRECTORY_EXEC = AccessBits.LOOKUP | AccessBits.EXECUTE;
    private static final int DIRECTORY_WRITE = AccessBits.MODIFY | AccessBits.EXTEND | AccessBits.DELETE;
    private static final int FILE_READ = AccessBits.READ;
    private static final int FILE_EXEC = AccessBits.EXECUTE;
    private static final int FILE_WRITE = AccessBits.MODIFY | AccessBits.EXTEND;

    /** How the kernel is asked; production code uses {@link Faccessat#allowed}. */
    @FunctionalInterface
    interface Probe {
        boolean allowed(int mode) throws ErrnoException;
    }

    private AccessCheck() {
    }

    static int granted(Fd file, FileType type, int requested) throws ErrnoException {
        return granted(type, requested, mode -> Faccessat.allowed(file, mode));
    }

    static int granted(FileType type, int requested, Probe probe) throws ErrnoException {
        boolean dir = type == FileType.DIRECTORY;
        int granted = 0;
        granted |= grant(requested & (dir ? DIRECTORY_READ : FILE_READ), Faccessat.R_OK, probe);
        granted |= grant(requested & (dir ? DIRECTORY_WRITE : FILE_WRITE), Faccessat.W_OK, probe);
        granted |= grant(requested & (dir ? DIRECTORY_EXEC : FILE_EXEC), Faccessat.X_OK, probe);
        return granted;
    }

    private static int grant(int bits, int mode, Probe probe) throws ErrnoException {
        return bits != 0 && probe.allowed(mode) ? bits : 0;
    }
}
