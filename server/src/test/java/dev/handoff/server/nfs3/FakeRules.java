package dev.handoff.server.nfs3;

import static dev.handoff.server.linux.Errno.EACCES;
import static dev.handoff.server.linux.Errno.EEXIST;
import static dev.handoff.server.linux.Errno.EFBIG;
import static dev.handoff.server.linux.Errno.EINVAL;
import static dev.handoff.server.linux.Errno.EISDIR;
import static dev.handoff.server.linux.Errno.ENAMETOOLONG;
import static dev.handoff.server.linux.Errno.ENOENT;
import static dev.handoff.server.linux.Errno.EPERM;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.exports.Identity;
import dev.handoff.server.vfs.FileKind;
import dev.handoff.server.vfs.SetAttributes;
import dev.handoff.server.vfs.TimeChange;
import dev.handoff.server.vfs.VfsException;
import java.nio.charset.StandardCharsets;

/** What {@link FakeVfs} refuses, as Linux would: mode bits against uid and groups, names, ownership rules. */
final class FakeRules {
    static final int R = 4;
    static final int W = 2;
    static final int X = 1;
    static final int MAX_NAME = 255;
    static final long MAX_FILE = 1L << 30;

    private FakeRules() {
    }

    /** chmod and utimes by the owner, chown by root, chgrp to one's own groups, truncation with write access. */
    static void checkSetattr(Identity who, FakeNode n, SetAttributes change) throws VfsException {
        boolean owner = who.uid() == 0 || who.uid() == n.uid;
        if (change.mode() != null && !owner) {
            throw new VfsException(EPERM, "chmod by non-owner");
        }
        if (change.uid() != null && change.uid() != n.uid && who.uid() != 0) {
            throw new VfsException(EPERM, "chown by non-root");
        }
        if (change.gid() != null && change.gid() != n.gid && who.uid() != 0
                && !(owner && inGroup(who, change.gid()))) {
            throw new VfsException(EPERM, "chgrp to a foreign group");
        }
        if (change.size() != null) {
            if (n.isDir()) {
                throw new VfsException(EISDIR, "truncate of a directory");
            }
            if (n.kind != FileKind.REGULAR) {
                throw new VfsException(EINVAL, "truncate of a special file");
            }
            require(who, n, W);
            if (change.size() > MAX_FILE) {
                throw new VfsException(EFBIG, "size " + change.size());
            }
        }
        checkTime(who, n, owner, change.atime());
        checkTime(who, n, owner, change.mtime());
    }

    private static void checkTime(Identity who, FakeNode n, boolean owner, TimeChange change) throws VfsException {
        switch (change) {
            case TimeChange.Keep k -> { }
            case TimeChange.Now t -> {
                if (!owner) {
                    require(who, n, W);
                }
            }
            case TimeChange.To t -> {
                if (!owner) {
                    throw new VfsException(EPERM, "utimes by non-owner");
                }
            }
        }
    }

    static void checkName(Opaque name) throws VfsException {
        if (name.length() == 0) {
            throw new VfsException(ENOENT, "empty name");
        }
        if (name.length() > MAX_NAME) {
            throw new VfsException(ENAMETOOLONG, name.length() + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.byteAt(i) == '/' || name.byteAt(i) == 0) {
                throw new VfsException(EINVAL, "slash or NUL in a name");
            }
        }
    }

    static void refuseExisting(FakeNode d, Opaque name) throws VfsException {
        if (isDot(name) || isDotDot(name) || d.entry(name) != null) {
            throw new VfsException(EEXIST, text(name) + " exists");
        }
    }

    static FakeNode existing(FakeNode d, Opaque name) throws VfsException {
        FakeNode.Slot slot = d.entry(name);
        if (slot == null) {
            throw new VfsException(ENOENT, "no " + text(name));
        }
        return slot.node();
    }

    /** In a sticky directory only the owner of the entry or of the directory, or root, may remove it. */
    static void checkSticky(Identity who, FakeNode d, FakeNode n) throws VfsException {
        if ((d.mode & 01000) != 0 && who.uid() != 0 && who.uid() != d.uid && who.uid() != n.uid) {
            throw new VfsException(EPERM, "sticky directory");
        }
    }

    static void require(Identity who, FakeNode n, int bits) throws VfsException {
        if (!allowed(who, n, bits)) {
            throw new VfsException(EACCES, "mode " + Integer.toOctalString(n.mode) + " refuses " + who);
        }
    }

    static boolean allowed(Identity who, FakeNode n, int bits) {
        if (who.uid() == 0) {
            return (bits & X) == 0 || n.isDir() || (n.mode & 0111) != 0;
        }
        int granted = who.uid() == n.uid ? n.mode >> 6 : inGroup(who, n.gid) ? n.mode >> 3 : n.mode;
        return (granted & bits) == bits;
    }

    static boolean inGroup(Identity who, int gid) {
        return who.gid() == gid || who.gids().contains(gid);
    }

    static boolean isDot(Opaque name) {
        return name.length() == 1 && name.byteAt(0) == '.';
    }

    static boolean isDotDot(Opaque name) {
        return name.length() == 2 && name.byteAt(0) == '.' && name.byteAt(1) == '.';
    }

    static String text(Opaque name) {
        return new String(name.toByteArray(), StandardCharsets.UTF_8);
    }
}
