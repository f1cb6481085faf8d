package dev.handoff.server.nfs3.xdr;

/**
 * An entry of a READDIR or READDIRPLUS reply, with the sizes a handler needs to fill a reply up to the client's
 * count without encoding it twice (see {@link DirListBudget}).
 */
public sealed interface DirEntry3 permits Entry3, EntryPlus3 {
    long fileid();

    Filename3 name();

    long cookie();

    /** Bytes the entry takes in the reply, including the list's "value follows" word before it. */
    int encodedSize();

    /**
     * Bytes of directory information in the entry, as READDIRPLUS's dircount counts them (RFC 1813 §3.3.17):
     * the entry without attributes and handle.
     */
    default int directorySize() {
        return 4 + 8 + Nfs3Xdr.opaqueSize(name().length()) + 8;
    }
}
