package dev.handoff.server.vfs.local;

import dev.handoff.server.exports.Identity;
import dev.handoff.server.linux.AtFlags;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.Fd;
import dev.handoff.server.linux.FileType;
import dev.handoff.server.linux.LinuxAttrs;
import dev.handoff.server.linux.Statx;
import dev.handoff.server.linux.TimeSet;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.TimeChange;
import java.time.Instant;

/**
 * SETATTR (RFC 1813 §3.3.2) as a series of calls on the inode's O_PATH descriptor, made by a thread that runs
 * as the caller, so the kernel applies its own rules (only the owner changes the mode, only root gives a file
 * away, explicit times need ownership...). Order: size (write access, checked before anything else changes),
 * owner and group (which clear set-id bits), mode (so that set-id bits asked for in the same call survive),
 * times last (truncation and chown would move ctime/mtime again). Not atomic: a failure part way leaves the
 * earlier changes made, and the reply's attributes show them, as RFC 1813 allows.
 */
final class AttributeChanger {
    private static final byte[] EMPTY = new byte[0];
    private static final int UNCHANGED = -1;

    private final FileIo io;

    AttributeChanger(FileIo io) {
        this.io = io;
    }

    /** {@code before} is the file's statx from just before; {@code who} the identity the thread runs as. */
    void apply(Fd file, Statx before, Identity who, SetAttributes change) throws ErrnoException {
        if (change.size() != null) {
            io.truncate(file, before, who, change.size());
        }
        if (change.uid() != null || change.gid() != null) {
            int uid = change.uid() == null ? UNCHANGED : change.uid();
            int gid = change.gid() == null ? UNCHANGED : change.gid();
            LinuxAttrs.fchownat(file, EMPTY, uid, gid, AtFlags.AT_EMPTY_PATH);
        }
        // Links have no mode of their own (chmod would follow them to their target); knfsd ignores it too.
        if (change.mode() != null && before.type() != FileType.SYMLINK) {
            chmod(file, change.mode() & 07777);
        }
        if (!(change.atime() instanceof TimeChange.Keep && change.mtime() instanceof TimeChange.Keep)) {
            LinuxAttrs.setTimes(file, timeSet(change.atime()), timeSet(change.mtime()));
        }
    }

    /**
     * fchmod of any descriptor, O_PATH included, through {@code /proc/self/fd/N} (fchmod(2) refuses O_PATH).
     * Never for a symlink: the path would lead to its target.
     */
    static void chmod(Fd file, int mode) throws ErrnoException {
        LinuxAttrs.fchmodat(Fd.CWD, file.procPath(), mode, 0);
    }

    static TimeSet timeSet(TimeChange change) {
        return switch (change) {
            case TimeChange.Keep keep -> TimeSet.OMIT;
            case TimeChange.Now now -> TimeSet.NOW;
            case TimeChange.To(Instant time) -> TimeSet.at(time);
        };
    }
}
