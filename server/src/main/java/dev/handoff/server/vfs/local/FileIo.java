package dev.handoff.server.vfs.local;

import static dev.handoff.server.linux.OpenFlags.O_RDONLY;
import static dev.handoff.server.linux.OpenFlags.O_WRONLY;

import dev.handoff.server.exports.Identity;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.Fd;
import dev.handoff.server.linux.FileType;
import dev.handoff.server.linux.LinuxAttrs;
import dev.handoff.server.linux.LinuxFs;
import dev.handoff.server.linux.LinuxIo;
import dev.handoff.server.linux.Statx;
import dev.handoff.server.linux.ThreadIdentity;
import dev.handoff.server.vfs.IoResults;
import dev.handoff.server.vfs.Stability;
import java.nio.ByteBuffer;

/**
 * READ, WRITE, COMMIT and truncation (RFC 1813 §3.3.6, §3.3.7, §3.3.21, §3.3.2) on the O_PATH descriptor of
 * a resolved inode. The file is reopened through {@code /proc/self/fd/N} with the access mode the call needs,
 * on a thread already switched to the caller, so the kernel checks the caller's rights at that open; the
 * descriptor lives for one call (no cache: a cached descriptor would carry one caller's rights to the next).
 *
 * <p>NFS checks rights per call, not per open, so two things that local programs get at open(2) time must be
 * granted here, as knfsd does: the file's OWNER may read and write whatever its mode (a program that creates
 * a file with mode 0444 and writes it, as git and tar do, sends CREATE then WRITEs), and a file the caller may
 * execute may be read (the client reads an execute-only program to run it). Only then is the file reopened
 * with the server's identity, for that one descriptor; the I/O itself still runs as the caller, so quotas
 * and the clearing of set-id bits on write apply as usual.
 */
final class FileIo {
    private final Identity server;

    FileIo(Identity server) {
        this.server = server;
    }

    IoResults.Read read(Fd file, Identity who, long offset, ByteBuffer dst) throws ErrnoException {
        Statx st = regular(file);
        try (Fd io = reopen(file, st, who, O_RDONLY)) {
            int wanted = dst.remaining();
            int got = 0;
            while (got < wanted) {
                int n = LinuxIo.pread(io, dst, offset + got);
                if (n == 0) {
                    break;
                }
                got += n;
            }
            boolean eof = got < wanted || offset + got >= LinuxAttrs.statx(io).size();
            return new IoResults.Read(got, eof);
        }
    }

    /** Writes all of {@code src} unless the file system fills up part way; then reports what was written. */
    IoResults.Write write(Fd file, Identity who, long offset, ByteBuffer src, Stability stability)
            throws ErrnoException {
        Statx st = regular(file);
        try (Fd io = reopen(file, st, who, O_WRONLY)) {
            int written = 0;
            while (src.hasRemaining()) {
                int n;
                try {
                    n = LinuxIo.pwrite(io, src, offset + written);
                } catch (ErrnoException e) {
                    if (written == 0) {
                        throw e;
                    }
                    break;
                }
                if (n == 0) {
                    break;
                }
                written += n;
            }
            switch (stability) {
                case UNSTABLE -> { } // left in the page cache until COMMIT
                case DATA_SYNC -> LinuxIo.fdatasync(io);
                case FILE_SYNC -> LinuxIo.fsync(io);
            }
            return new IoResults.Write(written, stability);
        }
    }

    /** As the server: COMMIT carries no need for the caller's rights, and fsync needs no write access. */
    void commit(Fd file) throws ErrnoException {
        regular(file);
        try (Fd io = LinuxFs.openat(Fd.CWD, file.procPath(), O_RDONLY, 0)) {
            LinuxIo.fsync(io);
        }
    }

    void truncate(Fd file, Statx st, Identity who, long size) throws ErrnoException {
        requireRegular(st, "ftruncate");
        try (Fd io = reopen(file, st, who, O_WRONLY)) {
            LinuxAttrs.ftruncate(io, size);
        }
    }

    /** Data calls are for regular files only: opening a FIFO or a device would block or act on hardware. */
    static Statx regular(Fd file) throws ErrnoException {
        Statx st = LinuxAttrs.statx(file);
        requireRegular(st, "open");
        return st;
    }

    private static void requireRegular(Statx st, String operation) throws ErrnoException {
        if (st.type() != FileType.REGULAR) {
            throw new ErrnoException(st.type() == FileType.DIRECTORY ? Errno.EISDIR : Errno.EINVAL, operation);
        }
    }

    /** Opens as the calling thread's identity {@code who}, with knfsd's owner and read-if-exec exceptions. */
    private Fd reopen(Fd file, Statx st, Identity who, int accessMode) throws ErrnoException {
        try {
            return LinuxFs.openat(Fd.CWD, file.procPath(), accessMode, 0);
        } catch (ErrnoException e) {
            if (!e.is(Errno.EACCES) || !mayOverride(file, st, who, accessMode)) {
                throw e;
            }
        }
        try (ThreadIdentity _ = Identities.become(server)) {
            return LinuxFs.openat(Fd.CWD, file.procPath(), accessMode, 0);
        }
    }

    private static boolean mayOverride(Fd file, Statx st, Identity who, int accessMode) throws ErrnoException {
        return st.uid() == who.uid() || (accessMode == O_RDONLY && Faccessat.allowed(file, Faccessat.X_OK));
    }
}
