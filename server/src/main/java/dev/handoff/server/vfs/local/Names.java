package dev.handoff.server.vfs.local;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.DirEntry;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ErrnoException;

/**
 * Checks a client's file name before it reaches an *at() call: it must be ONE path component, or a name like
 * {@code "a/../../etc"} would walk wherever it points (RFC 1813 §3.3.3 leaves name syntax to the server).
 * "." and ".." pass {@link #component}: the kernel refuses them wherever a removed or renamed name is expected
 * (EISDIR, EBUSY...), and {@link LocalVfs} treats ".." at the export root itself. Where a new name is expected,
 * {@link #newEntry} refuses them before the kernel sees them, as knfsd does ({@code isdotent}: nfserr_exist):
 * CREATE UNCHECKED opens an existing name when O_EXCL says it exists, and ".." at the export root would then
 * hand out a handle of the directory ABOVE the export.
 */
final class Names {
    static final byte[] DOT = {'.'};
    static final byte[] DOT_DOT = {'.', '.'};

    private Names() {
    }

    /** The name as bytes: EINVAL with '/' or NUL, ENOENT when empty, ENAMETOOLONG beyond NAME_MAX. */
    static byte[] component(Opaque name) throws ErrnoException {
        if (name.length() == 0) {
            throw new ErrnoException(Errno.ENOENT, "name");
        }
        if (name.length() > DirEntry.NAME_MAX) {
            throw new ErrnoException(Errno.ENAMETOOLONG, "name");
        }
        byte[] bytes = name.toByteArray();
        for (byte b : bytes) {
            if (b == '/' || b == 0) {
                throw new ErrnoException(Errno.EINVAL, "name");
            }
        }
        return bytes;
    }

    /** A name for a new directory entry (CREATE, MKDIR, SYMLINK, MKNOD, LINK): "." and ".." already exist. */
    static byte[] newEntry(Opaque name) throws ErrnoException {
        byte[] bytes = component(name);
        if (isDotDot(bytes) || bytes.length == 1 && bytes[0] == '.') {
            throw new ErrnoException(Errno.EEXIST, "name");
        }
        return bytes;
    }

    static boolean isDotDot(byte[] name) {
        return name.length == 2 && name[0] == '.' && name[1] == '.';
    }
}
