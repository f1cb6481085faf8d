package dev.handoff.server.vfs;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Identity;
import java.nio.ByteBuffer;

/**
 * One exported directory tree. Every method that acts for a client takes its {@link Identity} (already squashed
 * by the export's options) and runs with it, so the kernel, not this server, decides what is allowed. Names are
 * single path components as bytes; "/" or NUL in a name is EINVAL, "." and ".." are resolved by
 * {@link #lookup} and never lead above {@link #root()}. A key that no longer names a file gives ESTALE.
 */
public interface Vfs {
    int exportId();

    Inode root();

    /** Attributes as the server sees them (no permission check: NFS GETATTR needs none). */
    Attributes getattr(Inode inode) throws VfsException;

    Attributes setattr(Identity who, Inode inode, SetAttributes change) throws VfsException;

    Inode lookup(Identity who, Inode dir, Opaque name) throws VfsException;

    /** The subset of {@code requested} ({@link AccessBits}) that {@code who} is granted. */
    int access(Identity who, Inode inode, int requested) throws VfsException;

    Opaque readlink(Identity who, Inode link) throws VfsException;

    /** Reads at most {@code dst.remaining()} bytes at {@code offset} into {@code dst} (a direct buffer). */
    IoResults.Read read(Identity who, Inode file, long offset, ByteBuffer dst) throws VfsException;

    IoResults.Write write(Identity who, Inode file, long offset, ByteBuffer src, Stability stability)
            throws VfsException;

    /** Makes stable what earlier unstable writes left in memory (RFC 1813 §3.3.21). */
    void commit(Inode file, long offset, long count) throws VfsException;

    Inode create(Identity who, Inode dir, Opaque name, CreateMode how, SetAttributes attributes)
            throws VfsException;

    Inode mkdir(Identity who, Inode dir, Opaque name, SetAttributes attributes) throws VfsException;

    Inode symlink(Identity who, Inode dir, Opaque name, Opaque target, SetAttributes attributes)
            throws VfsException;

    Inode mknod(Identity who, Inode dir, Opaque name, SpecialFile kind, SetAttributes attributes)
            throws VfsException;

    void remove(Identity who, Inode dir, Opaque name) throws VfsException;

    void rmdir(Identity who, Inode dir, Opaque name) throws VfsException;

    /** Replaces an existing target as rename(2) does. */
    void rename(Identity who, Inode fromDir, Opaque fromName, Inode toDir, Opaque toName) throws VfsException;

    void link(Identity who, Inode file, Inode dir, Opaque name) throws VfsException;

    /** Up to {@code maxEntries} entries after {@code cookie}; with {@code plus}, with inodes and attributes. */
    DirectoryPage readdir(Identity who, Inode dir, long cookie, int maxEntries, boolean plus) throws VfsException;

    FsStats fsstat(Inode inode) throws VfsException;
}
