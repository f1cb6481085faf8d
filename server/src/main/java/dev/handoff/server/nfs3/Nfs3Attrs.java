package dev.handoff.server.nfs3;

import dev.handoff.server.nfs3.xdr.Fattr3;
import dev.handoff.server.nfs3.xdr.FileType3;
import dev.handoff.server.nfs3.xdr.Nfs3Status;
import dev.handoff.server.nfs3.xdr.NfsTime3;
import dev.handoff.server.nfs3.xdr.Sattr3;
import dev.handoff.server.nfs3.xdr.SetTime3;
import dev.handoff.server.nfs3.xdr.SpecData3;
import dev.handoff.server.nfs3.xdr.StableHow;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.Stability;
import dev.handoff.server.vfs.TimeChange;

/** Conversions between the VFS's types and RFC 1813's (fattr3, sattr3, ftype3, stable_how). */
final class Nfs3Attrs {
    /** S_IALLUGO: permission, set-id and sticky bits, all that sattr3's mode may set and fattr3's reports. */
    static final int MODE_BITS = 07777;
    private static final long UINT32_MAX = 0xFFFF_FFFFL;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Nfs3Attrs() {
    }

    static Fattr3 fattr(Attributes a) {
        boolean device = a.kind() == FileKind.BLOCK_DEVICE || a.kind() == FileKind.CHAR_DEVICE;
        return new Fattr3(type(a.kind()), a.mode() & MODE_BITS, (int) Math.min(a.nlink(), UINT32_MAX), a.uid(),
                a.gid(), a.size(), a.used(), device ? new SpecData3(a.rdevMajor(), a.rdevMinor()) : SpecData3.NONE,
                a.fsid(), a.fileId(), NfsTime3.of(a.atime()), NfsTime3.of(a.mtime()), NfsTime3.of(a.ctime()));
    }

    static FileType3 type(FileKind kind) {
        return switch (kind) {
            case REGULAR -> FileType3.NF3REG;
            case DIRECTORY -> FileType3.NF3DIR;
            case BLOCK_DEVICE -> FileType3.NF3BLK;
            case CHAR_DEVICE -> FileType3.NF3CHR;
            case SYMLINK -> FileType3.NF3LNK;
            case SOCKET -> FileType3.NF3SOCK;
            case FIFO -> FileType3.NF3FIFO;
        };
    }

    /**
     * The change a sattr3 asks for. Mode bits above 07777 are dropped, as knfsd does; a size of 2^63 or more
     * becomes the largest the file system can be asked for, so that it answers EFBIG rather than the size
     * turning negative; nanoseconds of a second or more are NFS3ERR_INVAL.
     */
    static SetAttributes setAttributes(Sattr3 s) throws Nfs3Failure {
        Integer mode = s.mode() == null ? null : s.mode() & MODE_BITS;
        Long size = s.size() == null ? null : s.size() < 0 ? Long.MAX_VALUE : s.size();
        return new SetAttributes(mode, s.uid(), s.gid(), size, time(s.atime()), time(s.mtime()));
    }

    private static TimeChange time(SetTime3 t) throws Nfs3Failure {
        return switch (t) {
            case SetTime3.DontChange d -> TimeChange.KEEP;
            case SetTime3.ServerTime s -> TimeChange.NOW;
            case SetTime3.ClientTime c -> {
                if (c.time().nseconds() >= NANOS_PER_SECOND) {
                    throw new Nfs3Failure(Nfs3Status.NFS3ERR_INVAL, "nanoseconds " + c.time().nseconds());
                }
                yield new TimeChange.To(c.time().toInstant());
            }
        };
    }

    static Stability stability(StableHow how) {
        return switch (how) {
            case UNSTABLE -> Stability.UNSTABLE;
            case DATA_SYNC -> Stability.DATA_SYNC;
            case FILE_SYNC -> Stability.FILE_SYNC;
        };
    }

    static StableHow stableHow(Stability stability) {
        return switch (stability) {
            case UNSTABLE -> StableHow.UNSTABLE;
            case DATA_SYNC -> StableHow.DATA_SYNC;
            case FILE_SYNC -> StableHow.FILE_SYNC;
        };
    }
}
