package dev.handoff.server.mount;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.CreateMode;
import dev.handoff.server.vfs.DirectoryPage;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.FsStats;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.IoResults;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.SpecialFile;
import dev.handoff.server.vfs.Stability;
import dev.handoff.server.vfs.Vfs;
import dev.handoff.server.vfs.VfsException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree of names in memory with just what MOUNT uses (root, lookup, getattr); the rest is unsupported. Keys
 * are {@code keyLength} bytes, so tests choose how long the signed handles get. Records who looked up what.
 */
final class FakeVfs implements Vfs {
    private record Node(FileKind kind, Map<String, Inode> children) {
    }

    private final int exportId;
    private final int keyLength;
    private final Map<Inode, Node> nodes = new HashMap<>();
    private final Inode root;
    final List<Identity> lookupsBy = new ArrayList<>();

    FakeVfs(int exportId, int keyLength) {
        this.exportId = exportId;
        this.keyLength = keyLength;
        this.root = add(FileKind.DIRECTORY);
    }

    /** Adds {@code path} (relative to the root, "/"-separated) of {@code kind}; its parents must exist. */
    FakeVfs with(String path, FileKind kind) {
        int slash = path.lastIndexOf('/');
        Inode parent = slash < 0 ? root : inodeOf(path.substring(0, slash));
        nodes.get(parent).children().put(path.substring(slash + 1), add(kind));
        return this;
    }

    Inode inodeOf(String path) {
        Inode inode = root;
        for (String name : path.split("/")) {
            inode = nodes.get(inode).children().get(name);
        }
        return inode;
    }

    private Inode add(FileKind kind) {
        byte[] key = Arrays.copyOf(ByteBuffer.allocate(4).putInt(nodes.size()).array(), keyLength);
        Inode inode = new Inode(exportId, Opaque.copyOf(key));
        nodes.put(inode, new Node(kind, new HashMap<>()));
        return inode;
    }

    @Override
    public int exportId() {
        return exportId;
    }

    @Override
    public Inode root() {
        return root;
    }

    @Override
    public Attributes getattr(Inode inode) throws VfsException {
        Node node = node(inode);
        Instant t = Instant.EPOCH;
        return new Attributes(node.kind(), 0755, 1, 0, 0, 0, 0, 0, 0, exportId, 1, t, t, t);
    }

    @Override
    public Inode lookup(Identity who, Inode dir, Opaque name) throws VfsException {
        lookupsBy.add(who);
        Node node = node(dir);
        if (node.kind() != FileKind.DIRECTORY) {
            throw new VfsException(Errno.ENOTDIR, "not a directory");
        }
        Inode child = node.children().get(new String(name.toByteArray(), StandardCharsets.UTF_8));
        if (child == null) {
            throw new VfsException(Errno.ENOENT, "no such file");
        }
        return child;
    }

    private Node node(Inode inode) throws VfsException {
        Node node = nodes.get(inode);
        if (node == null) {
            throw new VfsException(Errno.ESTALE, "stale");
        }
        return node;
    }

    @Override
    public Attributes setattr(Identity who, Inode inode, SetAttributes change) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int access(Identity who, Inode inode, int requested) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Opaque readlink(Identity who, Inode link) {
        throw new UnsupportedOperationException();
    }

    @Override
    public IoResults.Read read(Identity who, Inode file, long offset, ByteBuffer dst) {
        throw new UnsupportedOperationException();
    }

    @Override
    public IoResults.Write write(Identity who, Inode file, long offset, ByteBuffer src, Stability stability) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void commit(Inode file, long offset, long count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Inode create(Identity who, Inode dir, Opaque name, CreateMode how, SetAttributes attributes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Inode mkdir(Identity who, Inode dir, Opaque name, SetAttributes attributes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Inode symlink(Identity who, Inode dir, Opaque name, Opaque target, SetAttributes attributes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Inode mknod(Identity who, Inode dir, Opaque name, SpecialFile kind, SetAttributes attributes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void remove(Identity who, Inode dir, Opaque name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void rmdir(Identity who, Inode dir, Opaque name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void rename(Identity who, Inode fromDir, Opaque fromName, Inode toDir, Opaque toName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void link(Identity who, Inode file, Inode dir, Opaque name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DirectoryPage readdir(Identity who, Inode dir, long cookie, int maxEntries, boolean plus) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FsStats fsstat(Inode inode) {
        throw new UnsupportedOperationException();
    }
}
