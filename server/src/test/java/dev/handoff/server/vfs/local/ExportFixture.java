package dev.handoff.server.vfs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.linux.Capabilities;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ThreadIdentity;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.VfsException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * One export over a temporary directory, for the tests of this package: the {@link LocalVfs}, the identities
 * the tests act as, and helpers that check results through java.nio.file (an independent path to the disk).
 * The tests need root (open_by_handle_at, identity switches) and skip without it.
 */
final class ExportFixture implements AutoCloseable {
    static final int EXPORT_ID = 0x2a;
    static final Identity ROOT = new Identity(0, 0, List.of());
    static final Identity USER = new Identity(1000, 1000, List.of(1000));
    static final Identity OTHER = new Identity(1001, 1001, List.of(1001));

    final Path dir;
    final LocalVfs vfs;

    private ExportFixture(Path dir, LocalVfs vfs) {
        this.dir = dir;
        this.vfs = vfs;
    }

    /** Exports {@code tmp/export} (mode 0755, owned by root). */
    static ExportFixture under(Path tmp) throws Exception {
        assumeRoot();
        Path dir = tmp.resolve("export");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new ExportFixture(dir, LocalVfs.open(EXPORT_ID, dir));
    }

    static void assumeRoot() throws Exception {
        assumeTrue(ThreadIdentity.currentFsuid() == 0 && Capabilities.current().hasDacReadSearch(),
                "needs root with CAP_DAC_READ_SEARCH, CAP_SETUID, CAP_SETGID, CAP_CHOWN");
    }

    Inode root() {
        return vfs.root();
    }

    static Opaque name(String name) {
        return Opaque.copyOf(name.getBytes(StandardCharsets.UTF_8));
    }

    static SetAttributes mode(int mode) {
        return new SetAttributes(mode, null, null, null, null, null);
    }

    static SetAttributes owner(int uid, int gid) {
        return new SetAttributes(null, uid, gid, null, null, null);
    }

    Inode lookup(String relative) throws VfsException {
        Inode at = root();
        for (String part : relative.split("/")) {
            at = vfs.lookup(ROOT, at, name(part));
        }
        return at;
    }

    /** A regular file made directly on disk, with the given content, mode and owner (group = owner). */
    Inode file(String relative, String content, int mode, int uid) throws Exception {
        Path path = dir.resolve(relative);
        Files.writeString(path, content);
        return own(path, mode, uid, relative);
    }

    /** A directory made directly on disk, with the given mode and owner (group = owner). */
    Inode directory(String relative, int mode, int uid) throws Exception {
        Path path = dir.resolve(relative);
        Files.createDirectory(path);
        return own(path, mode, uid, relative);
    }

    private Inode own(Path path, int mode, int uid, String relative) throws Exception {
        Files.setAttribute(path, "unix:uid", uid);
        Files.setAttribute(path, "unix:gid", uid);
        Files.setAttribute(path, "unix:mode", mode); // after chown, which clears set-id bits
        return lookup(relative);
    }

    int modeOf(String relative) throws Exception {
        return (int) Files.getAttribute(dir.resolve(relative), "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    int uidOf(String relative) throws Exception {
        return (int) Files.getAttribute(dir.resolve(relative), "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    static ByteBuffer direct(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    static String text(ByteBuffer filled) {
        ByteBuffer view = filled.duplicate().flip();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void assertErrno(int errno, ThrowingCallable call) {
        // Compared by name, so that a failure reads "expected EACCES but was EPERM".
        assertThatThrownBy(call).isInstanceOfSatisfying(VfsException.class,
                e -> assertThat(Errno.name(e.errno())).as(e.getMessage()).isEqualTo(Errno.name(errno)));
    }

    @Override
    public void close() throws VfsException {
        vfs.close();
    }
}
