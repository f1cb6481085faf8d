package dev.handoff.server.vfs.local;

import static dev.handoff.server.linux.OpenFlags.O_DIRECTORY;
import static dev.handoff.server.linux.OpenFlags.O_PATH;
import static dev.handoff.server.linux.OpenFlags.O_RDONLY;

import dev.handoff.server.linux.AtFlags;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.Fd;
import dev.handoff.server.linux.KernelHandle;
import dev.handoff.server.linux.KernelHandles;
import dev.handoff.server.linux.LinuxFs;
import dev.handoff.server.linux.NamedHandle;
import dev.handoff.server.linux.OpenFlags;
import dev.handoff.server.vfs.Inode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The export's root directory, open once, which is the mount descriptor every open_by_handle_at(2) decodes
 * against, and the bridge between {@link Inode}s and descriptors (DESIGN.md §4). It is opened O_RDONLY, not
 * O_PATH: open_by_handle_at takes its mount descriptor with fdget(), which refuses O_PATH files (EBADF).
 *
 * <p>Containment. A key is only ever turned into a file of the root's file system (the kernel decodes it
 * with the root's super block and places the result on the root's mount), and names are only turned into keys
 * when they stay on the root's mount ({@link #inodeOf}: another file system mounted inside the export would
 * give keys that decode to unrelated files here, so crossing into it is EXDEV). What this class does NOT
 * check is that a decoded file lies below the export directory when the export is a subdirectory of its file
 * system: walking up from every file would cost a system call per level. That rests on the handles being
 * signed ({@code handles.SignedHandles}): a client cannot make up a key, it can only replay one this export
 * gave out, and the export id in the {@link Inode} is checked here.
 */
final class ExportRoot implements AutoCloseable {
    private static final byte[] EMPTY = new byte[0];

    private final int exportId;
    private final Path path;
    private final Fd fd;
    private final int mountId;
    private final Inode inode;

    private ExportRoot(int exportId, Path path, Fd fd, int mountId, Inode inode) {
        this.exportId = exportId;
        this.path = path;
        this.fd = fd;
        this.mountId = mountId;
        this.inode = inode;
    }

    /**
     * Opens {@code directory} and takes its handle. Fails, saying why, when the file system gives no handles
     * (EOPNOTSUPP: /proc, some FUSE file systems) or handles longer than an inode key holds (EOVERFLOW).
     */
    static ExportRoot open(int exportId, Path directory) throws ErrnoException {
        byte[] name = directory.toString().getBytes(StandardCharsets.UTF_8);
        Fd fd = LinuxFs.openat(Fd.CWD, name, O_RDONLY | O_DIRECTORY, 0);
        try {
            NamedHandle named = KernelHandles.nameToHandleAt(fd, EMPTY, AtFlags.AT_EMPTY_PATH);
            Inode root = new Inode(exportId, InodeKeys.encode(named.handle()));
            return new ExportRoot(exportId, directory, fd, named.mountId(), root);
        } catch (ErrnoException e) {
            fd.close();
            throw e;
        }
    }

    int exportId() {
        return exportId;
    }

    Path path() {
        return path;
    }

    Inode inode() {
        return inode;
    }

    boolean isRoot(Inode candidate) {
        return inode.equals(candidate);
    }

    /**
     * An O_PATH descriptor of the file {@code target} names (O_NOFOLLOW: a symlink is opened as itself).
     * Must run with the server's own fsuid: open_by_handle_at needs CAP_DAC_READ_SEARCH, which a thread
     * switched to a client's identity has lost (EPERM). ESTALE when the file is gone, or when the key belongs
     * to another export or cannot be a handle of this file system.
     */
    Fd open(Inode target) throws ErrnoException {
        if (target.exportId() != exportId) {
            throw new ErrnoException(Errno.ESTALE, "open_by_handle_at");
        }
        KernelHandle handle = InodeKeys.decode(target.key());
        try {
            return KernelHandles.openByHandleAt(fd, handle, O_PATH | OpenFlags.O_NOFOLLOW);
        } catch (ErrnoException e) {
            // EINVAL: a handle type this file system does not know; ENOENT: some file systems say so for a
            // freed inode. For the client both mean the handle no longer names a file.
            if (e.is(Errno.EINVAL) || e.is(Errno.ENOENT)) {
                throw new ErrnoException(Errno.ESTALE, "open_by_handle_at");
            }
            throw e;
        }
    }

    /** The inode of {@code name} in {@code dir}, not following a trailing symlink. */
    Inode inodeOf(Fd dir, byte[] name) throws ErrnoException {
        return checked(KernelHandles.nameToHandleAt(dir, name, 0));
    }

    /** The inode of the file {@code file} is open on (O_PATH included). */
    Inode inodeOf(Fd file) throws ErrnoException {
        return checked(KernelHandles.nameToHandleAt(file, EMPTY, AtFlags.AT_EMPTY_PATH));
    }

    private Inode checked(NamedHandle named) throws ErrnoException {
        if (named.mountId() != mountId) {
            throw new ErrnoException(Errno.EXDEV, "name_to_handle_at");
        }
        return new Inode(exportId, InodeKeys.encode(named.handle()));
    }

    @Override
    public void close() throws ErrnoException {
        fd.close();
    }
}
