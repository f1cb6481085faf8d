package dev.handoff.server.linux;

import java.util.Optional;

/**
 * The seven file types, with their {@code S_IFMT} bits (inode(7)) and {@code d_type} values (getdents64(2)).
 * They line up one to one with NFSv3 {@code ftype3} (RFC 1813 §2.6).
 */
public enum FileType {
    REGULAR(0100000, 8),
    DIRECTORY(0040000, 4),
    SYMLINK(0120000, 10),
    CHAR_DEVICE(0020000, 2),
    BLOCK_DEVICE(0060000, 6),
    FIFO(0010000, 1),
    SOCKET(0140000, 12);

    /** Mask of the type bits in {@code st_mode}. */
    public static final int S_IFMT = 0170000;

    private final int modeBits;
    private final int direntType;

    FileType(int modeBits, int direntType) {
        this.modeBits = modeBits;
        this.direntType = direntType;
    }

    /** The {@code S_IF*} value, for mknodat's mode argument. */
    public int modeBits() {
        return modeBits;
    }

    public static FileType fromMode(int mode) {
        int bits = mode & S_IFMT;
        for (FileType type : values()) {
            if (type.modeBits == bits) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown file type in mode 0" + Integer.toOctalString(mode));
    }

    /** Empty for {@code DT_UNKNOWN}: some file systems do not fill in d_type, and the caller must stat. */
    public static Optional<FileType> fromDirentType(int dtype) {
        for (FileType type : values()) {
            if (type.direntType == dtype) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
