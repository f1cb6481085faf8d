package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsGetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsSetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsStatus;
import com.emc.ecs.nfsclient.nfs.NfsTime;
import com.emc.ecs.nfsclient.nfs.NfsType;
import com.emc.ecs.nfsclient.nfs.nfs3.Nfs3SetAttrResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** NULL, GETATTR and SETATTR (RFC 1813 §3.3.0 to §3.3.2), each result compared with the file on disk. */
final class AttrChecks {
    /** 2001-09-09T01:46:40.123Z: a time with milliseconds, the finest the library sends. */
    private static final long SET_MILLIS = 1_000_000_000_123L;

    private AttrChecks() {
    }

    static void run(WireSession s) {
        WireClient c = s.root();
        Path hello = s.tree().rw(WireTree.HELLO);
        Path attr = s.tree().rw(WireTree.ATTR);

        s.check("NULL", () -> {
            c.nullCall();
            return "NULL -> accepted, SUCCESS";
        });
        s.check("GETATTR.root", () -> {
            NfsGetAttributes a = c.attributes(c.root(), "export root");
            Path root = s.tree().export(WireTree.RW);
            Expect.equal(NfsType.NFS_DIR, a.getType(), "GETATTR(root) type");
            Expect.equal(Disk.ino(root), a.getFileid(), "GETATTR(root) fileid vs inode on disk");
            Expect.equal(Expect.octal(Disk.permissions(root)), Expect.octal(a.getMode()), "GETATTR(root) mode");
            return "dir, fileid " + a.getFileid() + ", mode " + Expect.octal(a.getMode());
        });
        s.check("GETATTR.file", () -> {
            NfsGetAttributes a = c.attributes(c.walk(WireTree.HELLO), WireTree.HELLO);
            Expect.equal(NfsType.NFS_REG, a.getType(), "type");
            Expect.equal((long) WireTree.HELLO_TEXT.length(), a.getSize(), "size");
            Expect.equal(Disk.ino(hello), a.getFileid(), "fileid vs inode on disk");
            Expect.equal(0644L, a.getMode() & 07777, "mode");
            Expect.equal(1L, a.getNlink(), "nlink");
            Expect.equal((long) Disk.uid(hello), a.getUid(), "uid");
            Expect.equal(Disk.mtime(hello), Times.instant(a.getMtime()), "mtime vs disk (to the nanosecond)");
            Expect.equal(Disk.ctime(hello), Times.instant(a.getCtime()), "ctime vs disk (to the nanosecond)");
            return "regular, size " + a.getSize() + ", mtime " + Times.instant(a.getMtime()) + " as on disk";
        });

        s.check("SETATTR.mode", () -> {
            Nfs3SetAttrResponse r = Expect.ok(c.setattr(c.walk(WireTree.ATTR), sattr(0640L, null, null), null),
                    "SETATTR(attr.txt, mode=0640)");
            Expect.equal("0640", Expect.octal(Disk.permissions(attr)), "mode on disk");
            NfsGetAttributes after = r.getObjectWccData().getAttributes();
            Expect.isTrue(after != null, "SETATTR reply has no post-op attributes");
            Expect.equal("0640", Expect.octal(after.getMode()), "post-op mode in the reply");
            return "mode 0640 on disk and in wcc_data";
        });
        s.check("SETATTR.truncate", () -> {
            Expect.ok(c.setattr(c.walk(WireTree.ATTR), sattr(null, 4L, null), null), "SETATTR(attr.txt, size=4)");
            Expect.equal("0123", Files.readString(attr), "content on disk");
            return "size 4: \"0123\" on disk";
        });
        s.check("SETATTR.extend", () -> {
            Expect.ok(c.setattr(c.walk(WireTree.ATTR), sattr(null, 100L, null), null), "SETATTR(attr.txt, size=100)");
            byte[] disk = Files.readAllBytes(attr);
            Expect.equal(100, disk.length, "size on disk");
            for (int i = 4; i < disk.length; i++) {
                Expect.equal((byte) 0, disk[i], "byte " + i + " after extending");
            }
            return "size 100, zero-filled past byte 4";
        });
        s.check("SETATTR.times-client", () -> {
            NfsSetAttributes a = new NfsSetAttributes();
            a.setAtime(new NfsTime(SET_MILLIS));
            a.setMtime(new NfsTime(SET_MILLIS));
            Expect.ok(c.setattr(c.walk(WireTree.ATTR), a, null),
                    "SETATTR(attr.txt, atime=mtime=" + SET_MILLIS + " ms)");
            Instant want = Instant.ofEpochMilli(SET_MILLIS);
            Expect.equal(want, Disk.mtime(attr), "mtime on disk");
            Expect.equal(want, Disk.atime(attr), "atime on disk");
            return "atime and mtime " + want + " on disk";
        });
        s.check("SETATTR.times-server", () -> {
            Instant before = Instant.now();
            Expect.ok(c.setattr(c.walk(WireTree.ATTR), sattr(null, null, NfsTime.SET_TO_CURRENT_ON_SERVER), null),
                    "SETATTR(attr.txt, mtime=SET_TO_SERVER_TIME)");
            Instant mtime = Disk.mtime(attr);
            Expect.isTrue(Duration.between(before, mtime).abs().compareTo(Duration.ofSeconds(5)) < 0,
                    "mtime on disk " + mtime + " is not the server's time (" + before + ")");
            return "mtime " + mtime;
        });
        s.check("SETATTR.chown-by-root", () -> {
            NfsSetAttributes a = new NfsSetAttributes();
            a.setUid((long) WireTree.USER);
            a.setGid((long) WireTree.USER);
            Expect.ok(c.setattr(c.walk(WireTree.ATTR), a, null), "SETATTR(attr.txt, uid=gid=1000) as root");
            Expect.equal(WireTree.USER, Disk.uid(attr), "owner on disk");
            Expect.equal(WireTree.USER, Disk.gid(attr), "group on disk");
            return "owner 1000:1000 on disk";
        });
        s.check("SETATTR.guard-match", () -> {
            byte[] fh = c.walk(WireTree.ATTR);
            Instant ctime = Times.instant(c.attributes(fh, WireTree.ATTR).getCtime());
            Expect.ok(c.setattr(fh, sattr(0600L, null, null), Times.bare(ctime)),
                    "SETATTR(attr.txt, mode=0600, guard=ctime " + ctime + " from GETATTR)");
            Expect.equal("0600", Expect.octal(Disk.permissions(attr)), "mode on disk");
            return "guard " + ctime + " matched; mode 0600";
        });
        s.check("ERR.NOT_SYNC.setattr-guard", () -> {
            byte[] fh = c.walk(WireTree.ATTR);
            Instant ctime = Times.instant(c.attributes(fh, WireTree.ATTR).getCtime());
            Instant wrong = ctime.minusSeconds(1);
            Nfs3SetAttrResponse r = Expect.status(c.setattr(fh, sattr(0644L, null, null), Times.bare(wrong)),
                    NfsStatus.NFS3ERR_NOT_SYNC,
                    "SETATTR(attr.txt, mode=0644, guard=" + wrong + ", ctime is " + ctime + ")");
            Expect.equal("0600", Expect.octal(Disk.permissions(attr)), "mode on disk after the refused SETATTR");
            return "NOT_SYNC, mode unchanged; wcc post-op " + (r.getObjectWccData().getAttributes() != null);
        });
    }

    static NfsSetAttributes sattr(Long mode, Long size, NfsTime mtime) {
        NfsSetAttributes a = new NfsSetAttributes();
        a.setMode(mode);
        a.setSize(size);
        if (mtime != null) {
            a.setMtime(mtime);
        }
        return a;
    }
}
