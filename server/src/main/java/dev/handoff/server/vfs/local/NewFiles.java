package dev.handoff.server.vfs.local;

import static dev.handoff.server.linux.OpenFlags.O_CREAT;
import static dev.handoff.server.linux.OpenFlags.O_DIRECTORY;
import static dev.handoff.server.linux.OpenFlags.O_EXCL;
import static dev.handoff.server.linux.OpenFlags.O_NOFOLLOW;
import static dev.handoff.server.linux.OpenFlags.O_PATH;
import static dev.handoff.server.linux.OpenFlags.O_RDONLY;

import dev.handoff.server.exports.Identity;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.Fd;
import dev.handoff.server.linux.FileType;
import dev.handoff.server.linux.LinuxAttrs;
import dev.handoff.server.linux.LinuxFs;
import dev.handoff.server.linux.Statx;
import dev.handoff.server.linux.TimeSet;
import dev.handoff.server.vfs.CreateMode;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.SpecialFile;

/**
 * CREATE, MKDIR, SYMLINK and MKNOD (RFC 1813 §3.3.8-§3.3.11) in a directory descriptor, on a thread running
 * as the caller, so new files belong to the caller's fsuid/fsgid (or the directory's group when it is
 * set-group-id). The mode is the one the client sent, exactly: the client has applied its user's umask
 * already, so the server's umask is undone with a chmod when it took bits away; without a mode, 0666 for
 * files and 0777 for directories, as if the client's umask were 0. The new file is then opened by descriptor
 * (O_NOFOLLOW), never looked up again by name for its attributes and handle.
 */
final class NewFiles {
    static final int DEFAULT_FILE_MODE = 0666;
    static final int DEFAULT_DIRECTORY_MODE = 0777;
    private static final int S_ISGID = 02000;
    private static final int CREATE_NEW = O_CREAT | O_EXCL | O_RDONLY | O_NOFOLLOW;
    /** UNCHECKED retries when the name it found vanishes before it could be opened. */
    private static final int ATTEMPTS = 3;

    private final ExportRoot root;
    private final AttributeChanger changer;

    NewFiles(ExportRoot root, AttributeChanger changer) {
        this.root = root;
        this.changer = changer;
    }

    Inode create(Fd dir, byte[] name, CreateMode how, Identity who, SetAttributes attributes)
            throws ErrnoException {
        return switch (how) {
            case CreateMode.Guarded guarded -> createNew(dir, name, who, attributes);
            case CreateMode.Unchecked unchecked -> createOrUse(dir, name, who, attributes);
            case CreateMode.Exclusive(long verifier) -> createOnce(dir, name, ExclusiveVerifier.of(verifier));
        };
    }

    Inode mkdir(Fd dir, byte[] name, Identity who, SetAttributes attributes) throws ErrnoException {
        int mode = modeOf(attributes, DEFAULT_DIRECTORY_MODE);
        LinuxFs.mkdirat(dir, name, mode);
        try (Fd made = LinuxFs.openat(dir, name, O_PATH | O_NOFOLLOW | O_DIRECTORY, 0)) {
            return finish(made, who, mode, attributes);
        }
    }

    /** The target is stored as the client's bytes; it is never followed by this server. */
    Inode symlink(Fd dir, byte[] name, byte[] target, Identity who, SetAttributes attributes)
            throws ErrnoException {
        LinuxFs.symlinkat(target, dir, name);
        try (Fd made = LinuxFs.openat(dir, name, O_PATH | O_NOFOLLOW, 0)) {
            SetAttributes rest = withoutMode(attributes);
            if (!rest.isEmpty()) {
                changer.apply(made, LinuxAttrs.statx(made), who, rest);
            }
            return root.inodeOf(made);
        }
    }

    /** Devices need CAP_MKNOD, which a thread running as a non-root caller lacks: EPERM, as on the client. */
    Inode mknod(Fd dir, byte[] name, SpecialFile kind, Identity who, SetAttributes attributes)
            throws ErrnoException {
        int mode = modeOf(attributes, DEFAULT_FILE_MODE);
        switch (kind) {
            case SpecialFile.Fifo fifo -> LinuxFs.mknodat(dir, name, FileType.FIFO.modeBits() | mode, 0);
            case SpecialFile.Socket socket -> LinuxFs.mknodat(dir, name, FileType.SOCKET.modeBits() | mode, 0);
            case SpecialFile.CharDevice(int major, int minor) -> LinuxFs.mknodat(dir, name,
                    FileType.CHAR_DEVICE.modeBits() | mode, LinuxFs.makedev(major, minor));
            case SpecialFile.BlockDevice(int major, int minor) -> LinuxFs.mknodat(dir, name,
                    FileType.BLOCK_DEVICE.modeBits() | mode, LinuxFs.makedev(major, minor));
        }
        try (Fd made = LinuxFs.openat(dir, name, O_PATH | O_NOFOLLOW, 0)) {
            return finish(made, who, mode, attributes);
        }
    }

    /** GUARDED: EEXIST when the name exists, whatever it is (O_EXCL does not follow a symlink either). */
    private Inode createNew(Fd dir, byte[] name, Identity who, SetAttributes attributes) throws ErrnoException {
        int mode = modeOf(attributes, DEFAULT_FILE_MODE);
        try (Fd made = LinuxFs.openat(dir, name, CREATE_NEW, mode)) {
            return finish(made, who, mode, attributes);
        }
    }

    /**
     * UNCHECKED: an existing file is used as it is, except that a regular file takes the size asked for
     * (truncation by O_TRUNC-style creates); the other attributes are ignored, as knfsd does.
     */
    private Inode createOrUse(Fd dir, byte[] name, Identity who, SetAttributes attributes) throws ErrnoException {
        for (int attempt = 1; ; attempt++) {
            try {
                return createNew(dir, name, who, attributes);
            } catch (ErrnoException e) {
                if (!e.is(Errno.EEXIST)) {
                    throw e;
                }
            }
            try (Fd existing = LinuxFs.openat(dir, name, O_PATH | O_NOFOLLOW, 0)) {
                Statx st = LinuxAttrs.statx(existing);
                if (st.type() == FileType.REGULAR && attributes.size() != null) {
                    changer.apply(existing, st, who, new SetAttributes(null, null, null, attributes.size(), null,
                            null));
                }
                return root.inodeOf(existing);
            } catch (ErrnoException e) {
                if (!e.is(Errno.ENOENT) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** EXCLUSIVE: a retransmission finds the file the first try made, by its verifier, and succeeds. */
    private Inode createOnce(Fd dir, byte[] name, ExclusiveVerifier verifier) throws ErrnoException {
        Fd made;
        try {
            made = LinuxFs.openat(dir, name, CREATE_NEW, DEFAULT_FILE_MODE);
        } catch (ErrnoException e) {
            if (!e.is(Errno.EEXIST)) {
                throw e;
            }
            try (Fd existing = LinuxFs.openat(dir, name, O_PATH | O_NOFOLLOW, 0)) {
                if (verifier.matches(LinuxAttrs.statx(existing))) {
                    return root.inodeOf(existing);
                }
            }
            throw e;
        }
        try (made) {
            fixMode(made, LinuxAttrs.statx(made), DEFAULT_FILE_MODE);
            LinuxAttrs.setTimes(made, TimeSet.at(verifier.atime()), TimeSet.at(verifier.mtime()));
            return root.inodeOf(made);
        }
    }

    private Inode finish(Fd made, Identity who, int mode, SetAttributes attributes) throws ErrnoException {
        Statx st = LinuxAttrs.statx(made);
        fixMode(made, st, mode);
        SetAttributes rest = withoutMode(attributes);
        if (!rest.isEmpty()) {
            changer.apply(made, st, who, rest);
        }
        return root.inodeOf(made);
    }

    /**
     * Undoes the server's umask. A directory keeps the set-group-id bit it inherits from a set-group-id
     * parent; a bit the kernel refused (set-group-id of a group the caller is not in) stays refused.
     */
    private static void fixMode(Fd made, Statx st, int mode) throws ErrnoException {
        int wanted = st.type() == FileType.DIRECTORY ? mode | (st.mode() & S_ISGID) : mode;
        if (st.mode() != wanted) {
            AttributeChanger.chmod(made, wanted);
        }
    }

    private static int modeOf(SetAttributes attributes, int defaultMode) {
        return attributes.mode() == null ? defaultMode : attributes.mode() & 07777;
    }

    private static SetAttributes withoutMode(SetAttributes a) {
        return new SetAttributes(null, a.uid(), a.gid(), a.size(), a.atime(), a.mtime());
    }
}
