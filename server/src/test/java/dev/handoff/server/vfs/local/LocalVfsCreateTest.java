package dev.handoff.server.vfs.local;

import static dev.handoff.server.vfs.local.ExportFixture.ROOT;
import static dev.handoff.server.vfs.local.ExportFixture.USER;
import static dev.handoff.server.vfs.local.ExportFixture.assertErrno;
import static dev.handoff.server.vfs.local.ExportFixture.direct;
import static dev.handoff.server.vfs.local.ExportFixture.mode;
import static dev.handoff.server.vfs.local.ExportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.CreateMode;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.Inode;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.SpecialFile;
import dev.handoff.server.vfs.Stability;
import dev.handoff.server.vfs.TimeChange;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalVfsCreateTest extends ExportTestCase {
    private static final CreateMode UNCHECKED = new CreateMode.Unchecked();
    private static final CreateMode GUARDED = new CreateMode.Guarded();

    Inode home;

    @BeforeEach
    void makeHome() throws Exception {
        home = export.directory("home", 0755, USER.uid());
    }

    @Test
    void aNewFileBelongsToTheCallerAndHasExactlyTheModeAskedDespiteTheServersUmask() throws Exception {
        Inode f = vfs.create(USER, home, name("f"), GUARDED, mode(0664));

        Attributes a = vfs.getattr(f);
        assertThat(a.kind()).isEqualTo(FileKind.REGULAR);
        assertThat(a.mode()).isEqualTo(0664); // the test JVM's umask is 022
        assertThat(a.uid()).isEqualTo(USER.uid());
        assertThat(a.gid()).isEqualTo(USER.gid());
        assertThat(vfs.lookup(USER, home, name("f"))).isEqualTo(f);
    }

    @Test
    void withoutAModeFilesGet0666AndDirectories0777() throws Exception {
        Inode f = vfs.create(USER, home, name("f"), UNCHECKED, SetAttributes.NONE);
        Inode d = vfs.mkdir(USER, home, name("d"), SetAttributes.NONE);

        assertThat(vfs.getattr(f).mode()).isEqualTo(0666);
        assertThat(vfs.getattr(d).mode()).isEqualTo(0777);
    }

    @Test
    void guardedFailsWhenTheNameExistsEvenAsADanglingSymlink() throws Exception {
        vfs.create(USER, home, name("f"), GUARDED, mode(0644));
        Files.createSymbolicLink(export.dir.resolve("home/dangling"), export.dir.resolve("home/nowhere"));

        assertErrno(Errno.EEXIST, () -> vfs.create(USER, home, name("f"), GUARDED, mode(0644)));
        assertErrno(Errno.EEXIST, () -> vfs.create(USER, home, name("dangling"), GUARDED, mode(0644)));
        assertThat(Files.exists(export.dir.resolve("home/nowhere"))).isFalse();
    }

    @Test
    void uncheckedUsesAnExistingFileAndAppliesOnlyTheSize() throws Exception {
        Inode first = vfs.create(USER, home, name("f"), UNCHECKED, mode(0600));
        vfs.write(USER, first, 0, direct("some content"), Stability.UNSTABLE);

        Inode again = vfs.create(USER, home, name("f"), UNCHECKED, new SetAttributes(0777, null, null, 0L, null, null));

        assertThat(again).isEqualTo(first);
        assertThat(vfs.getattr(first).size()).isZero();
        assertThat(vfs.getattr(first).mode()).isEqualTo(0600);
        Inode keep = vfs.create(USER, home, name("f"), UNCHECKED, SetAttributes.NONE);
        assertThat(keep).isEqualTo(first);
    }

    @Test
    void uncheckedOnAnExistingDirectoryReturnsItUnchanged() throws Exception {
        Inode d = vfs.mkdir(USER, home, name("d"), mode(0755));

        assertThat(vfs.create(USER, home, name("d"), UNCHECKED, new SetAttributes(null, null, null, 0L, null, null)))
                .isEqualTo(d);
    }

    @Test
    void exclusiveCreateSucceedsAgainForARetransmissionWithTheSameVerifier() throws Exception {
        CreateMode how = new CreateMode.Exclusive(0x0102030405060708L);

        Inode created = vfs.create(USER, home, name("x"), how, SetAttributes.NONE);
        Inode retried = vfs.create(USER, home, name("x"), how, SetAttributes.NONE);

        assertThat(retried).isEqualTo(created);
        Attributes a = vfs.getattr(created);
        assertThat(a.mtime()).isEqualTo(Instant.ofEpochSecond(0x01020304));
        assertThat(a.atime()).isEqualTo(Instant.ofEpochSecond(0x05060708));
        assertThat(a.uid()).isEqualTo(USER.uid());
        assertThat(a.mode()).isEqualTo(0666);
    }

    @Test
    void exclusiveCreateWithAnotherVerifierFindsTheNameTaken() throws Exception {
        vfs.create(USER, home, name("x"), new CreateMode.Exclusive(1), SetAttributes.NONE);

        assertErrno(Errno.EEXIST, () -> vfs.create(USER, home, name("x"), new CreateMode.Exclusive(2),
                SetAttributes.NONE));
    }

    @Test
    void exclusiveCreateIsNotMistakenForARetryOnceTheClientSetItsAttributes() throws Exception {
        CreateMode how = new CreateMode.Exclusive(0x7777L);
        Inode created = vfs.create(USER, home, name("x"), how, SetAttributes.NONE);
        // What a client does right after: set the real mode and times.
        vfs.setattr(USER, created, new SetAttributes(0640, null, null, null, TimeChange.NOW, TimeChange.NOW));

        assertErrno(Errno.EEXIST, () -> vfs.create(USER, home, name("x"), how, SetAttributes.NONE));
    }

    @Test
    void exclusiveCreateDoesNotTakeAnExistingFileThatWasNeverCreatedThatWay() throws Exception {
        export.file("home/plain", "", 0644, USER.uid());

        assertErrno(Errno.EEXIST, () -> vfs.create(USER, home, name("plain"), new CreateMode.Exclusive(0),
                SetAttributes.NONE));
    }

    @Test
    void createAppliesOwnerSizeAndTimesItWasGivenAsRoot() throws Exception {
        Instant when = Instant.parse("2020-01-02T03:04:05.123456789Z");
        SetAttributes attrs = new SetAttributes(0640, 1234, 5678, 0L, new TimeChange.To(when), new TimeChange.To(when));

        Inode f = vfs.create(ROOT, home, name("owned"), GUARDED, attrs);

        Attributes a = vfs.getattr(f);
        assertThat(a.uid()).isEqualTo(1234);
        assertThat(a.gid()).isEqualTo(5678);
        assertThat(a.mode()).isEqualTo(0640);
        assertThat(a.mtime()).isEqualTo(when);
        assertThat(a.atime()).isEqualTo(when);
    }

    @Test
    void aNewFileWithMode0444CanStillBeGivenItsSizeByItsOwner() throws Exception {
        Inode f = vfs.create(USER, home, name("ro"), GUARDED, new SetAttributes(0444, null, null, 0L, null, null));

        assertThat(vfs.getattr(f).mode()).isEqualTo(0444);
    }

    @Test
    void mkdirMakesADirectoryOwnedByTheCallerWithTheExactMode() throws Exception {
        Inode d = vfs.mkdir(USER, home, name("d"), mode(0750));

        Attributes a = vfs.getattr(d);
        assertThat(a.kind()).isEqualTo(FileKind.DIRECTORY);
        assertThat(a.mode()).isEqualTo(0750);
        assertThat(a.uid()).isEqualTo(USER.uid());
        assertThat(vfs.lookup(USER, d, name(".."))).isEqualTo(home);
        assertErrno(Errno.EEXIST, () -> vfs.mkdir(USER, home, name("d"), mode(0750)));
    }

    @Test
    void mkdirInASetGroupIdDirectoryKeepsTheInheritedBit() throws Exception {
        Inode shared = export.directory("shared", 02777, 0);

        Inode d = vfs.mkdir(USER, shared, name("d"), mode(0755));

        assertThat(vfs.getattr(d).mode()).isEqualTo(02755);
        assertThat(vfs.getattr(d).gid()).isZero();
    }

    @Test
    void symlinkStoresTheTargetBytesAsGiven() throws Exception {
        Opaque target = Opaque.copyOf(new byte[] {'.', '.', '/', (byte) 0xff, 'x'});

        Inode link = vfs.symlink(USER, home, name("l"), target, mode(0777));

        assertThat(vfs.readlink(USER, link)).isEqualTo(target);
        assertThat(vfs.getattr(link).kind()).isEqualTo(FileKind.SYMLINK);
        assertThat(vfs.getattr(link).uid()).isEqualTo(USER.uid());
        assertThat(vfs.lookup(USER, home, name("l"))).isEqualTo(link);
    }

    @Test
    void mknodMakesFifosAndSocketsForAnyoneAndDevicesOnlyForRoot() throws Exception {
        Inode fifo = vfs.mknod(USER, home, name("fifo"), new SpecialFile.Fifo(), mode(0660));
        Inode socket = vfs.mknod(USER, home, name("sock"), new SpecialFile.Socket(), SetAttributes.NONE);
        Inode tty = vfs.mknod(ROOT, home, name("null"), new SpecialFile.CharDevice(1, 3), mode(0666));
        Inode disk = vfs.mknod(ROOT, home, name("disk"), new SpecialFile.BlockDevice(259, 70000), mode(0600));

        assertThat(vfs.getattr(fifo).kind()).isEqualTo(FileKind.FIFO);
        assertThat(vfs.getattr(fifo).mode()).isEqualTo(0660);
        assertThat(vfs.getattr(socket).kind()).isEqualTo(FileKind.SOCKET);
        Attributes chr = vfs.getattr(tty);
        assertThat(chr.kind()).isEqualTo(FileKind.CHAR_DEVICE);
        assertThat(chr.rdevMajor()).isEqualTo(1);
        assertThat(chr.rdevMinor()).isEqualTo(3);
        Attributes blk = vfs.getattr(disk);
        assertThat(blk.kind()).isEqualTo(FileKind.BLOCK_DEVICE);
        assertThat(blk.rdevMajor()).isEqualTo(259);
        assertThat(blk.rdevMinor()).isEqualTo(70000);
        assertErrno(Errno.EPERM, () -> vfs.mknod(USER, home, name("mine"), new SpecialFile.CharDevice(1, 3),
                mode(0666)));
    }

    @Test
    void aCallerWithoutWriteAccessToTheDirectoryCannotCreateInIt() throws Exception {
        assertErrno(Errno.EACCES, () -> vfs.create(USER, export.root(), name("f"), GUARDED, mode(0644)));
        assertErrno(Errno.EACCES, () -> vfs.mkdir(USER, export.root(), name("d"), mode(0755)));
        assertErrno(Errno.EACCES, () -> vfs.symlink(USER, export.root(), name("l"), name("t"), SetAttributes.NONE));
        assertErrno(Errno.EACCES, () -> vfs.mknod(USER, export.root(), name("p"), new SpecialFile.Fifo(),
                SetAttributes.NONE));
    }

    @Test
    void dotAndDotDotCannotBeCreated() throws Exception {
        assertErrno(Errno.EEXIST, () -> vfs.mkdir(ROOT, export.root(), name(".."), mode(0755)));
        assertErrno(Errno.EEXIST, () -> vfs.symlink(ROOT, export.root(), name(".."), name("x"), SetAttributes.NONE));
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    }

    /** UNCHECKED would otherwise open the existing "..": at the export root, the directory above the export. */
    @Test
    void createByDotDotAtTheRootNeverHandsOutTheDirectoryAbove() throws Exception {
        for (String n : new String[] {"..", "."}) {
            assertErrno(Errno.EEXIST, () -> vfs.create(ROOT, export.root(), name(n), UNCHECKED, SetAttributes.NONE));
            assertErrno(Errno.EEXIST, () -> vfs.create(ROOT, export.root(), name(n), GUARDED, SetAttributes.NONE));
            assertErrno(Errno.EEXIST, () -> vfs.create(ROOT, export.root(), name(n), new CreateMode.Exclusive(7),
                    SetAttributes.NONE));
            assertErrno(Errno.EEXIST, () -> vfs.mknod(ROOT, export.root(), name(n), new SpecialFile.Fifo(),
                    SetAttributes.NONE));
        }
    }
}
