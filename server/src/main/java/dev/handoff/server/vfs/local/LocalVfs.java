package dev.handoff.server.vfs.local;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.linux.AtFlags;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.Fd;
import dev.handoff.server.linux.FileType;
import dev.handoff.server.linux.LinuxAttrs;
import dev.handoff.server.linux.LinuxFs;
import dev.handoff.server.linux.StatVfs;
import dev.handoff.server.linux.Statx;
import dev.handoff.server.linux.ThreadIdentity;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.CallScope;
import dev.handoff.server.vfs.CreateMode;
import dev.handoff.server.vfs.DirectoryPage;
import dev.handoff.server.vfs.FsStats;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.IoResults;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.SpecialFile;
import dev.handoff.server.vfs.Stability;
import dev.handoff.server.vfs.Vfs;
import dev.handoff.server.vfs.VfsException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The {@link Vfs} of one exported directory of a local (or shared, cluster-mounted) Linux file system, with
 * inodes keyed by the kernel's own file handles (DESIGN.md §4).
 *
 * <p>Every call goes the same way: the inode's key is opened with open_by_handle_at(2) as O_PATH while the
 * thread still has the server's identity (it needs CAP_DAC_READ_SEARCH, which a switched thread has lost);
 * then, for calls made for a client, the thread switches to the client's {@link Identity} and works on that
 * descriptor with *at() calls, or reopens it through {@code /proc/self/fd/N} with the access it needs, so the
 * kernel judges every permission; then it switches back. Calls must come from platform threads.
 *
 * <p>Names never travel as paths: a client's name is one component ({@link Names}), looked up relative to a
 * directory descriptor without following a trailing symlink, so symlinks (even ones pointing outside the
 * export) are served as symlinks and never followed by the server. ".." of the export root is the root.
 * Errors are the kernel's errno values; a key whose file is gone gives ESTALE.
 */
public final class LocalVfs implements Vfs, AutoCloseable {
    private static final byte[] EMPTY = new byte[0];

    private final ExportRoot root;
    private final FileIo io;
    private final AttributeChanger changer;
    private final NewFiles newFiles;
    private final DirectoryReader directories;

    private LocalVfs(ExportRoot root, Identity server) {
        this.root = root;
        this.io = new FileIo(server);
        this.changer = new AttributeChanger(io);
        this.newFiles = new NewFiles(root, changer);
        this.directories = new DirectoryReader(root);
    }

    /**
     * Opens {@code directory} as export {@code exportId}, from a thread running as the server itself. Refuses,
     * saying why, a directory whose file system gives no file handles or handles too long for NFSv3.
     */
    public static LocalVfs open(int exportId, Path directory) throws VfsException {
        try {
            return new LocalVfs(ExportRoot.open(exportId, directory), Identities.current());
        } catch (ErrnoException e) {
            throw new VfsException(e.errno(), "cannot export " + directory + ": " + switch (e.errno()) {
                case Errno.EOPNOTSUPP -> "its file system does not give file handles (name_to_handle_at: "
                        + "EOPNOTSUPP), so NFS handles could not outlive a restart";
                case Errno.EOVERFLOW -> "its file system's handles are longer than " + InodeKeys.MAX_HANDLE_BYTES
                        + " bytes and do not fit a 64-byte NFSv3 handle";
                default -> e.getMessage();
            });
        }
    }

    @Override
    public int exportId() {
        return root.exportId();
    }

    @Override
    public Inode root() {
        return root.inode();
    }

    @Override
    public Attributes getattr(Inode inode) throws VfsException {
        return asServer(inode, this::attributes);
    }

    @Override
    public Attributes setattr(Identity who, Inode inode, SetAttributes change) throws VfsException {
        return asCaller(who, inode, file -> {
            changer.apply(file, LinuxAttrs.statx(file), who, change);
            return attributes(file);
        });
    }

    @Override
    public Inode lookup(Identity who, Inode dir, Opaque name) throws VfsException {
        return asCaller(who, dir, d -> {
            byte[] component = Names.component(name);
            // Looking up "." still makes the kernel check that d is a directory the caller may search.
            return root.isRoot(dir) && Names.isDotDot(component)
                    ? root.inodeOf(d, Names.DOT)
                    : root.inodeOf(d, component);
        });
    }

    @Override
    public int access(Identity who, Inode inode, int requested) throws VfsException {
        return asCaller(who, inode, file -> AccessCheck.granted(file, LinuxAttrs.statx(file).type(), requested));
    }

    @Override
    public Opaque readlink(Identity who, Inode link) throws VfsException {
        return asCaller(who, link, file -> {
            if (LinuxAttrs.statx(file).type() != FileType.SYMLINK) {
                throw new ErrnoException(Errno.EINVAL, "readlinkat");
            }
            return Opaque.copyOf(LinuxFs.readlinkat(file, EMPTY));
        });
    }

    @Override
    public IoResults.Read read(Identity who, Inode file, long offset, ByteBuffer dst) throws VfsException {
        return asCaller(who, file, f -> io.read(f, who, offset, dst));
    }

    @Override
    public IoResults.Write write(Identity who, Inode file, long offset, ByteBuffer src, Stability stability)
            throws VfsException {
        return asCaller(who, file, f -> io.write(f, who, offset, src, stability));
    }

    /** The whole file is flushed: fsync has no cheaper way to promise a range stable, metadata included. */
    @Override
    public void commit(Inode file, long offset, long count) throws VfsException {
        asServer(file, f -> {
            io.commit(f);
            return null;
        });
    }

    @Override
    public Inode create(Identity who, Inode dir, Opaque name, CreateMode how, SetAttributes attributes)
            throws VfsException {
        return asCaller(who, dir, d -> newFiles.create(d, Names.newEntry(name), how, who, attributes));
    }

    @Override
    public Inode mkdir(Identity who, Inode dir, Opaque name, SetAttributes attributes) throws VfsException {
        return asCaller(who, dir, d -> newFiles.mkdir(d, Names.newEntry(name), who, attributes));
    }

    @Override
    public Inode symlink(Identity who, Inode dir, Opaque name, Opaque target, SetAttributes attributes)
            throws VfsException {
        return asCaller(who, dir, d ->
                newFiles.symlink(d, Names.newEntry(name), target.toByteArray(), who, attributes));
    }

    @Override
    public Inode mknod(Identity who, Inode dir, Opaque name, SpecialFile kind, SetAttributes attributes)
            throws VfsException {
        return asCaller(who, dir, d -> newFiles.mknod(d, Names.newEntry(name), kind, who, attributes));
    }

    /** unlinkat(2) answers EISDIR for a directory. */
    @Override
    public void remove(Identity who, Inode dir, Opaque name) throws VfsException {
        asCaller(who, dir, d -> {
            LinuxFs.unlinkat(d, Names.component(name), 0);
            return null;
        });
    }

    @Override
    public void rmdir(Identity who, Inode dir, Opaque name) throws VfsException {
        asCaller(who, dir, d -> {
            LinuxFs.unlinkat(d, Names.component(name), AtFlags.AT_REMOVEDIR);
            return null;
        });
    }

    @Override
    public void rename(Identity who, Inode fromDir, Opaque fromName, Inode toDir, Opaque toName)
            throws VfsException {
        asCaller(who, fromDir, toDir, (from, to) ->
                LinuxFs.renameat2(from, Names.component(fromName), to, Names.component(toName), 0));
    }

    /** Links the open file, not a name, so a concurrent rename cannot make it link something else. */
    @Override
    public void link(Identity who, Inode file, Inode dir, Opaque name) throws VfsException {
        asCaller(who, file, dir, (f, d) -> LinuxFs.linkFd(f, d, Names.newEntry(name)));
    }

    @Override
    public DirectoryPage readdir(Identity who, Inode dir, long cookie, int maxEntries, boolean plus)
            throws VfsException {
        return asCaller(who, dir, d -> directories.read(d, dir, cookie, maxEntries, plus));
    }

    @Override
    public FsStats fsstat(Inode inode) throws VfsException {
        return asServer(inode, file -> {
            StatVfs st = LinuxAttrs.fstatvfs(file);
            return new FsStats(st.totalBytes(), st.freeBytes(), st.availBytes(), st.files(), st.freeFiles(),
                    st.availFiles());
        });
    }

    /** Closes the export root; calls still running on other threads then fail. */
    @Override
    public void close() throws VfsException {
        try {
            root.close();
        } catch (ErrnoException e) {
            throw VfsErrors.of(e);
        }
    }

    @Override
    public String toString() {
        return "LocalVfs[" + root.path() + ", export " + Integer.toUnsignedString(root.exportId()) + "]";
    }

    private Attributes attributes(Fd file) throws ErrnoException {
        Statx st = LinuxAttrs.statx(file);
        return StatxAttributes.of(st, root.exportId());
    }

    @FunctionalInterface
    private interface FileCall<T> {
        T run(Fd file) throws ErrnoException;
    }

    @FunctionalInterface
    private interface TwoFileCall {
        void run(Fd first, Fd second) throws ErrnoException;
    }

    private <T> T asServer(Inode inode, FileCall<T> call) throws VfsException {
        try (Opened file = open(inode)) {
            return call.run(file.fd());
        } catch (ErrnoException e) {
            throw VfsErrors.of(e);
        }
    }

    private <T> T asCaller(Identity who, Inode inode, FileCall<T> call) throws VfsException {
        try (Opened file = open(inode); ThreadIdentity _ = Identities.become(who)) {
            return call.run(file.fd());
        } catch (ErrnoException e) {
            throw VfsErrors.of(e);
        }
    }

    /** Both inodes are opened before the switch; the second must be in this export too (EXDEV otherwise). */
    private void asCaller(Identity who, Inode first, Inode second, TwoFileCall call) throws VfsException {
        if (second.exportId() != root.exportId()) {
            throw new VfsException(Errno.EXDEV, "the two files are in different exports");
        }
        try (Opened a = open(first); Opened b = open(second); ThreadIdentity _ = Identities.become(who)) {
            call.run(a.fd(), b.fd());
        } catch (ErrnoException e) {
            throw VfsErrors.of(e);
        }
    }

    /**
     * The file's O_PATH descriptor: the one this call opened already if there is a {@link CallScope}, else a new
     * one. Opening needs the server's identity (CAP_DAC_READ_SEARCH), so it happens before any switch.
     */
    private Opened open(Inode inode) throws ErrnoException {
        CallScope scope = CallScope.current();
        if (scope == null) {
            return new Opened(root.open(inode), true);
        }
        OpenKey key = new OpenKey(this, inode);
        Fd kept = scope.get(key);
        if (kept != null) {
            return new Opened(kept, false);
        }
        Fd fd = root.open(inode);
        return new Opened(fd, !scope.keep(key, fd));
    }

    /** A descriptor, closed here unless a {@link CallScope} keeps it. */
    private record Opened(Fd fd, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws ErrnoException {
            if (owned) {
                fd.close();
            }
        }
    }

    /** One file of one export: two exports may share a file system, and so keys. */
    private record OpenKey(LocalVfs vfs, Inode inode) {
    }
}
