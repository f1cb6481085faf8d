package dev.handoff.server.nfs3;

import static dev.handoff.server.linux.Errno.EEXIST;
import static dev.handoff.server.linux.Errno.EFBIG;
import static dev.handoff.server.linux.Errno.EINVAL;
import static dev.handoff.server.linux.Errno.EISDIR;
import static dev.handoff.server.linux.Errno.ENOENT;
import static dev.handoff.server.linux.Errno.ENOTDIR;
import static dev.handoff.server.linux.Errno.ENOTEMPTY;
import static dev.handoff.server.linux.Errno.EPERM;
import static dev.handoff.server.linux.Errno.ESTALE;
import static dev.handoff.server.nfs3.FakeRules.MAX_FILE;
import static dev.handoff.server.nfs3.FakeRules.R;
import static dev.handoff.server.nfs3.FakeRules.W;
import static dev.handoff.server.nfs3.FakeRules.X;
import static dev.handoff.server.nfs3.FakeRules.allowed;
import static dev.handoff.server.nfs3.FakeRules.checkName;
import static dev.handoff.server.nfs3.FakeRules.checkSticky;
import static dev.handoff.server.nfs3.FakeRules.existing;
import static dev.handoff.server.nfs3.FakeRules.isDot;
import static dev.handoff.server.nfs3.FakeRules.isDotDot;
import static dev.handoff.server.nfs3.FakeRules.refuseExisting;
import static dev.handoff.server.nfs3.FakeRules.require;
import static dev.handoff.server.nfs3.FakeRules.text;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.vfs.AccessBits;
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
 * A strict in-memory {@link Vfs}, judging as Linux would: mode bits against the caller's uid and groups (root
 * passes all but execute), search permission on directories, EEXIST, ENOTEMPTY, EISDIR, ENOTDIR, rename(2)'s
 * rules, and ESTALE for a key whose file is gone (ids are never reused). Every change advances its clock by
 * one millisecond, so ctime and mtime move. Records each caller's identity and can fail the next call
 * with a chosen errno. Single-threaded, as the handler tests are.
 *
 * <p>Longer than a test helper should be: it is one file system, its twenty SPI methods side by side so that a
 * test's expectation can be checked against the behaviour in one place; the refusal rules are in
 * {@link FakeRules}, a file's state in {@link FakeNode}.
 */
final class FakeVfs implements Vfs {
    static final Identity ROOT = new Identity(0, 0, List.of());

    private final int exportId;
    private final Map<Long, FakeNode> nodes = new HashMap<>();
    private final FakeNode root;
    private long nextId = 1;
    private Instant now = Instant.parse("2024-05-01T10:00:00.123456789Z");
    private String failOperation;
    private int failErrno;
    /** The SPI methods called, in order, and the identities of those that act for a caller. */
    final List<String> calls = new ArrayList<>();
    final List<Identity> callers = new ArrayList<>();
    int commits;
    Stability lastWriteStability;

    FakeVfs(int exportId) {
        this.exportId = exportId;
        this.root = newNode(FileKind.DIRECTORY, 0755, 0, 0);
        root.parent = root;
    }

    /** The next call of {@code operation} throws {@code errno} instead of doing anything. */
    void failNext(String operation, int errno) {
        failOperation = operation;
        failErrno = errno;
    }

    Identity lastCaller() {
        return callers.getLast();
    }

    // Test set-up, as root

    Inode file(Inode dir, String name, String content, int mode, int uid, int gid) throws VfsException {
        Inode made = create(ROOT, dir, name(name), new CreateMode.Guarded(),
                new SetAttributes(mode, uid, gid, null, null, null));
        node(made).data = content.getBytes(StandardCharsets.UTF_8);
        forgetLastCall();
        return made;
    }

    Inode dir(Inode parent, String name, int mode, int uid, int gid) throws VfsException {
        Inode made = mkdir(ROOT, parent, name(name), new SetAttributes(mode, uid, gid, null, null, null));
        forgetLastCall();
        return made;
    }

    /** Set-up is not what a test asks about. */
    private void forgetLastCall() {
        calls.removeLast();
        callers.removeLast();
    }

    static Opaque name(String name) {
        return Opaque.copyOf(name.getBytes(StandardCharsets.UTF_8));
    }

    Inode inodeOf(long id) {
        return new Inode(exportId, Opaque.copyOf(ByteBuffer.allocate(8).putLong(id).array()));
    }

    String contents(Inode file) throws VfsException {
        return new String(node(file).data, StandardCharsets.UTF_8);
    }

    // The SPI

    @Override
    public int exportId() {
        return exportId;
    }

    @Override
    public Inode root() {
        return inodeOf(root.id);
    }

    @Override
    public Attributes getattr(Inode inode) throws VfsException {
        enter("getattr", null);
        return node(inode).attributes(exportId);
    }

    @Override
    public Attributes setattr(Identity who, Inode inode, SetAttributes change) throws VfsException {
        enter("setattr", who);
        FakeNode n = node(inode);
        FakeRules.checkSetattr(who, n, change);
        tick();
        n.apply(change, now);
        return n.attributes(exportId);
    }

    @Override
    public Inode lookup(Identity who, Inode dir, Opaque name) throws VfsException {
        enter("lookup", who);
        FakeNode d = dir(dir);
        require(who, d, X);
        return inodeOf(resolve(d, name).id);
    }

    private FakeNode resolve(FakeNode d, Opaque name) throws VfsException {
        if (isDot(name)) {
            return d;
        }
        if (isDotDot(name)) {
            return d.parent;
        }
        checkName(name);
        FakeNode.Slot slot = d.entry(name);
        if (slot == null) {
            throw new VfsException(ENOENT, "no " + text(name));
        }
        return slot.node();
    }

    @Override
    public int access(Identity who, Inode inode, int requested) throws VfsException {
        enter("access", who);
        FakeNode n = node(inode);
        int granted = 0;
        granted |= allowed(who, n, R) ? AccessBits.READ : 0;
        granted |= allowed(who, n, W) ? AccessBits.MODIFY | AccessBits.EXTEND : 0;
        if (n.isDir()) {
            granted |= allowed(who, n, X) ? AccessBits.LOOKUP : 0;
            granted |= allowed(who, n, W | X) ? AccessBits.DELETE : 0;
        } else {
            granted |= allowed(who, n, X) ? AccessBits.EXECUTE : 0;
        }
        return granted & requested;
    }

    @Override
    public Opaque readlink(Identity who, Inode link) throws VfsException {
        enter("readlink", who);
        FakeNode n = node(link);
        if (n.kind != FileKind.SYMLINK) {
            throw new VfsException(EINVAL, "not a link");
        }
        return n.target;
    }

    @Override
    public IoResults.Read read(Identity who, Inode file, long offset, ByteBuffer dst) throws VfsException {
        enter("read", who);
        FakeNode n = regular(file);
        require(who, n, R);
        int from = (int) Math.min(offset, n.data.length);
        int count = Math.min(dst.remaining(), n.data.length - from);
        dst.put(n.data, from, count);
        return new IoResults.Read(count, from + count >= n.data.length);
    }

    @Override
    public IoResults.Write write(Identity who, Inode file, long offset, ByteBuffer src, Stability stability)
            throws VfsException {
        enter("write", who);
        FakeNode n = regular(file);
        require(who, n, W);
        int count = src.remaining();
        if (offset + count > MAX_FILE) {
            throw new VfsException(EFBIG, "offset " + offset);
        }
        if (offset + count > n.data.length) {
            n.data = Arrays.copyOf(n.data, (int) offset + count);
        }
        src.get(n.data, (int) offset, count);
        tick();
        n.touch(now);
        lastWriteStability = stability;
        return new IoResults.Write(count, stability);
    }

    @Override
    public void commit(Inode file, long offset, long count) throws VfsException {
        enter("commit", null);
        node(file);
        commits++;
    }

    @Override
    public Inode create(Identity who, Inode dir, Opaque name, CreateMode how, SetAttributes attributes)
            throws VfsException {
        enter("create", who);
        FakeNode d = writableDir(who, dir, name);
        FakeNode.Slot existing = d.entry(name);
        if (existing != null) {
            FakeNode n = existing.node();
            switch (how) {
                case CreateMode.Guarded g -> throw new VfsException(EEXIST, text(name) + " exists");
                case CreateMode.Exclusive e -> {
                    if (n.verifier == null || n.verifier != e.verifier()) {
                        throw new VfsException(EEXIST, text(name) + " exists with another verifier");
                    }
                    return inodeOf(n.id);
                }
                case CreateMode.Unchecked u -> {
                    if (n.isDir()) {
                        throw new VfsException(EISDIR, text(name) + " is a directory");
                    }
                    if (attributes.size() != null) {
                        setattr(who, inodeOf(n.id), new SetAttributes(null, null, null, attributes.size(), null,
                                null));
                    }
                    return inodeOf(n.id);
                }
            }
        }
        FakeNode made = make(who, d, name, FileKind.REGULAR, attributes, 0644);
        if (how instanceof CreateMode.Exclusive e) {
            made.verifier = e.verifier();
        }
        return inodeOf(made.id);
    }

    @Override
    public Inode mkdir(Identity who, Inode dir, Opaque name, SetAttributes attributes) throws VfsException {
        enter("mkdir", who);
        FakeNode d = writableDir(who, dir, name);
        refuseExisting(d, name);
        FakeNode made = make(who, d, name, FileKind.DIRECTORY, attributes, 0755);
        made.parent = d;
        d.nlink++;
        return inodeOf(made.id);
    }

    @Override
    public Inode symlink(Identity who, Inode dir, Opaque name, Opaque target, SetAttributes attributes)
            throws VfsException {
        enter("symlink", who);
        FakeNode d = writableDir(who, dir, name);
        refuseExisting(d, name);
        if (target.length() == 0) {
            throw new VfsException(ENOENT, "empty link text");
        }
        FakeNode made = make(who, d, name, FileKind.SYMLINK, SetAttributes.NONE, 0777);
        made.target = target;
        return inodeOf(made.id);
    }

    @Override
    public Inode mknod(Identity who, Inode dir, Opaque name, SpecialFile kind, SetAttributes attributes)
            throws VfsException {
        enter("mknod", who);
        FakeNode d = writableDir(who, dir, name);
        refuseExisting(d, name);
        FileKind fileKind = switch (kind) {
            case SpecialFile.Fifo f -> FileKind.FIFO;
            case SpecialFile.Socket s -> FileKind.SOCKET;
            case SpecialFile.CharDevice c -> FileKind.CHAR_DEVICE;
            case SpecialFile.BlockDevice b -> FileKind.BLOCK_DEVICE;
        };
        boolean device = fileKind == FileKind.CHAR_DEVICE || fileKind == FileKind.BLOCK_DEVICE;
        if (device && who.uid() != 0) {
            throw new VfsException(EPERM, "devices are made by root");
        }
        FakeNode made = make(who, d, name, fileKind, attributes, 0644);
        if (kind instanceof SpecialFile.CharDevice(int major, int minor)) {
            made.rdevMajor = major;
            made.rdevMinor = minor;
        } else if (kind instanceof SpecialFile.BlockDevice(int major, int minor)) {
            made.rdevMajor = major;
            made.rdevMinor = minor;
        }
        return inodeOf(made.id);
    }

    @Override
    public void remove(Identity who, Inode dir, Opaque name) throws VfsException {
        enter("remove", who);
        FakeNode d = writableDir(who, dir, name);
        if (isDot(name) || isDotDot(name)) {
            throw new VfsException(EISDIR, "unlink of " + text(name));
        }
        FakeNode n = existing(d, name);
        if (n.isDir()) {
            throw new VfsException(EISDIR, text(name) + " is a directory");
        }
        checkSticky(who, d, n);
        unlink(d, name, n);
    }

    @Override
    public void rmdir(Identity who, Inode dir, Opaque name) throws VfsException {
        enter("rmdir", who);
        FakeNode d = writableDir(who, dir, name);
        if (isDot(name)) {
            throw new VfsException(EINVAL, "rmdir of .");
        }
        if (isDotDot(name)) {
            throw new VfsException(ENOTEMPTY, "rmdir of ..");
        }
        FakeNode n = existing(d, name);
        if (!n.isDir()) {
            throw new VfsException(ENOTDIR, text(name) + " is not a directory");
        }
        if (!n.byName.isEmpty()) {
            throw new VfsException(ENOTEMPTY, text(name) + " is not empty");
        }
        checkSticky(who, d, n);
        unlink(d, name, n);
    }

    @Override
    public void rename(Identity who, Inode fromDir, Opaque fromName, Inode toDir, Opaque toName)
            throws VfsException {
        enter("rename", who);
        FakeNode from = writableDir(who, fromDir, fromName);
        FakeNode to = writableDir(who, toDir, toName);
        if (isDot(fromName) || isDotDot(fromName) || isDot(toName) || isDotDot(toName)) {
            throw new VfsException(EINVAL, "rename of . or ..");
        }
        FakeNode moving = existing(from, fromName);
        checkSticky(who, from, moving);
        for (FakeNode p = to; moving.isDir(); p = p.parent) {
            if (p == moving) {
                throw new VfsException(EINVAL, "a directory cannot move into itself");
            }
            if (p == root) {
                break;
            }
        }
        FakeNode.Slot replaced = to.entry(toName);
        if (replaced != null) {
            FakeNode old = replaced.node();
            if (old == moving) {
                return;
            }
            if (moving.isDir() && !old.isDir()) {
                throw new VfsException(ENOTDIR, text(toName) + " is not a directory");
            }
            if (!moving.isDir() && old.isDir()) {
                throw new VfsException(EISDIR, text(toName) + " is a directory");
            }
            if (old.isDir() && !old.byName.isEmpty()) {
                throw new VfsException(ENOTEMPTY, text(toName) + " is not empty");
            }
            checkSticky(who, to, old);
            unlink(to, toName, old);
        }
        tick();
        from.drop(fromName);
        to.add(toName, moving);
        if (moving.isDir() && from != to) {
            moving.parent = to;
            from.nlink--;
            to.nlink++;
        }
        from.touch(now);
        to.touch(now);
        moving.ctime = now;
    }

    @Override
    public void link(Identity who, Inode file, Inode dir, Opaque name) throws VfsException {
        enter("link", who);
        FakeNode n = node(file);
        FakeNode d = writableDir(who, dir, name);
        if (n.isDir()) {
            throw new VfsException(EPERM, "hard link to a directory");
        }
        refuseExisting(d, name);
        tick();
        d.add(name, n);
        n.nlink++;
        n.ctime = now;
        d.touch(now);
    }

    @Override
    public DirectoryPage readdir(Identity who, Inode dir, long cookie, int maxEntries, boolean plus)
            throws VfsException {
        enter("readdir", who);
        FakeNode d = dir(dir);
        require(who, d, R);
        List<FakeNode.Slot> all = new ArrayList<>();
        all.add(new FakeNode.Slot(name("."), d, 1));
        all.add(new FakeNode.Slot(name(".."), d.parent, 2));
        all.addAll(d.byCookie.values());
        List<DirectoryPage.Entry> page = new ArrayList<>();
        boolean eof = true;
        for (FakeNode.Slot slot : all) {
            if (slot.cookie() <= cookie) {
                continue;
            }
            if (page.size() == maxEntries) {
                eof = false;
                break;
            }
            FakeNode n = slot.node();
            page.add(new DirectoryPage.Entry(slot.name(), n.id, slot.cookie(), plus ? inodeOf(n.id) : null,
                    plus ? n.attributes(exportId) : null));
        }
        return new DirectoryPage(page, eof);
    }

    @Override
    public FsStats fsstat(Inode inode) throws VfsException {
        enter("fsstat", null);
        node(inode);
        return new FsStats(1L << 40, 1L << 39, 1L << 38, 1_000_000, 500_000, 400_000);
    }

    // Rules

    private void enter(String operation, Identity who) throws VfsException {
        calls.add(operation);
        if (who != null) {
            callers.add(who);
        }
        if (operation.equals(failOperation)) {
            failOperation = null;
            throw new VfsException(failErrno, "injected");
        }
    }

    private void tick() {
        now = now.plusMillis(1);
    }

    private FakeNode node(Inode inode) throws VfsException {
        if (inode.exportId() != exportId || inode.key().length() != 8) {
            throw new VfsException(ESTALE, "not a key of this file system");
        }
        FakeNode n = nodes.get(ByteBuffer.wrap(inode.key().toByteArray()).getLong());
        if (n == null) {
            throw new VfsException(ESTALE, "file is gone");
        }
        return n;
    }

    private FakeNode dir(Inode inode) throws VfsException {
        FakeNode n = node(inode);
        if (!n.isDir()) {
            throw new VfsException(ENOTDIR, "not a directory");
        }
        return n;
    }

    private FakeNode regular(Inode inode) throws VfsException {
        FakeNode n = node(inode);
        if (n.isDir()) {
            throw new VfsException(EISDIR, "a directory");
        }
        if (n.kind != FileKind.REGULAR) {
            throw new VfsException(EINVAL, "not a regular file");
        }
        return n;
    }

    /** A directory the caller may add to or remove from, and a name that may be one of its entries. */
    private FakeNode writableDir(Identity who, Inode dir, Opaque name) throws VfsException {
        FakeNode d = dir(dir);
        require(who, d, W | X);
        if (!isDot(name) && !isDotDot(name)) {
            checkName(name);
        }
        return d;
    }

    private FakeNode make(Identity who, FakeNode d, Opaque name, FileKind kind, SetAttributes attributes,
                          int defaultMode) {
        tick();
        int mode = attributes.mode() == null ? defaultMode : attributes.mode() & 07777;
        FakeNode n = newNode(kind, mode, attributes.uid() == null ? who.uid() : attributes.uid(),
                attributes.gid() == null ? who.gid() : attributes.gid());
        if (attributes.size() != null && kind == FileKind.REGULAR) {
            n.data = new byte[(int) (long) attributes.size()];
        }
        d.add(name, n);
        d.touch(now);
        return n;
    }

    private FakeNode newNode(FileKind kind, int mode, int uid, int gid) {
        FakeNode n = new FakeNode(nextId++, kind, mode, uid, gid, now);
        nodes.put(n.id, n);
        return n;
    }

    private void unlink(FakeNode d, Opaque name, FakeNode n) {
        tick();
        d.drop(name);
        d.touch(now);
        n.ctime = now;
        if (n.isDir()) {
            d.nlink--;
            nodes.remove(n.id);
        } else if (--n.nlink == 0) {
            nodes.remove(n.id);
        }
    }
}
