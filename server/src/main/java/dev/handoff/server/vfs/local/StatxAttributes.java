package dev.handoff.server.vfs.local;

import dev.handoff.server.linux.FileType;
import dev.handoff.server.linux.Statx;
import dev.handoff.server.vfs.Attributes;
import dev.handoff.server.vfs.FileKind;

/** fattr3 (RFC 1813 §2.6) from one statx(2): what GETATTR and every post-op attribute report. */
final class StatxAttributes {
    private StatxAttributes() {
    }

    /**
     * fsid is the export id, not the device number, so that it is the same on every node of a cluster (a
     * client that sees fsid change thinks it crossed into another file system); used is blocks of 512 bytes.
     */
    static Attributes of(Statx st, int exportId) {
        return new Attributes(kind(st.type()), st.mode(), st.nlink(), st.uid(), st.gid(), st.size(),
                st.usedBytes(), st.rdevMajor(), st.rdevMinor(), Integer.toUnsignedLong(exportId), st.ino(),
                st.atime(), st.mtime(), st.ctime());
    }

    static FileKind kind(FileType type) {
        return switch (type) {
            case REGULAR -> FileKind.REGULAR;
            case DIRECTORY -> FileKind.DIRECTORY;
            case SYMLINK -> FileKind.SYMLINK;
            case CHAR_DEVICE -> FileKind.CHAR_DEVICE;
            case BLOCK_DEVICE -> FileKind.BLOCK_DEVICE;
            case FIFO -> FileKind.FIFO;
            case SOCKET -> FileKind.SOCKET;
        };
    }
}
