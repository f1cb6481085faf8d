package dev.handoff.server.linux;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;
import java.util.Optional;

/**
 * One getdents64(2) record: inode number, the cookie of the NEXT entry ({@code d_off}, what NFSv3 READDIR
 * returns as this entry's cookie, RFC 1813 §3.3.16), the {@code d_type} byte and the name as the kernel's bytes.
 */
public record DirEntry(long ino, long cookie, int direntType, Opaque name) {
    /** NAME_MAX: longest single name on Linux file systems. */
    public static final int NAME_MAX = 255;

    public DirEntry {
        Objects.requireNonNull(name, "name");
        if (name.length() == 0 || name.length() > NAME_MAX) {
            throw new IllegalArgumentException("directory entry name of " + name.length() + " bytes");
        }
    }

    /** Empty when the file system did not say ({@code DT_UNKNOWN}); stat the entry then. */
    public Optional<FileType> type() {
        return FileType.fromDirentType(direntType);
    }

    /** "." or "..", which NFS READDIR lists but LOOKUP treats specially. */
    public boolean isDotOrDotDot() {
        return name.byteAt(0) == '.' && (name.length() == 1 || (name.length() == 2 && name.byteAt(1) == '.'));
    }
}
