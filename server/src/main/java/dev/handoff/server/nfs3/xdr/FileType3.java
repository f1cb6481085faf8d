package dev.handoff.server.nfs3.xdr;

/** ftype3 (RFC 1813 §2.6): the type of a file system object. */
public enum FileType3 {
    NF3REG(1),
    NF3DIR(2),
    NF3BLK(3),
    NF3CHR(4),
    NF3LNK(5),
    NF3SOCK(6),
    NF3FIFO(7);

    private final int value;

    FileType3(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The type with this wire value, or null. */
    public static FileType3 of(int value) {
        return value >= 1 && value <= 7 ? values()[value - 1] : null;
    }
}
