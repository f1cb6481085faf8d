package dev.handoff.it.drc;

import java.util.List;

/**
 * One decoded reply as {@link DrcProbe} prints it (a JSON line) and the test reads it back. Handles are hex;
 * times are nanoseconds since the epoch. Fields a reply does not carry are null.
 *
 * @param op       the call's name (REMOVE, RENAME, CREATE, MKDIR, LOOKUP, GETATTR, MNT)
 * @param xid      the reply's xid, unsigned
 * @param status   nfsstat3 (RFC 1813 §2.6) or mountstat3; -1 when the RPC itself was not accepted
 * @param handle   the object's handle: CREATE/MKDIR post_op_fh3, LOOKUP's object, MNT's root
 * @param object   the object's post-op attributes (CREATE, MKDIR, LOOKUP, GETATTR)
 * @param wcc      the directories' wcc_data (RFC 1813 §2.6), in the order of the reply: one, or two for RENAME
 * @param rpcError why the RPC was not accepted, or null
 */
record ProbeReply(String op, long xid, int status, String handle, Attributes object, List<Wcc> wcc,
                  String rpcError) {
    static final int NFS3_OK = 0;
    static final int NFS3ERR_NOENT = 2;
    static final int NFS3ERR_EXIST = 17;

    ProbeReply {
        wcc = wcc == null ? List.of() : List.copyOf(wcc);
    }

    boolean ok() {
        return status == NFS3_OK;
    }

    /** fattr3, the fields the checks look at. */
    record Attributes(int type, long mode, long size, long fileid, long mtime, long ctime) {
        static final int DIRECTORY = 2;
        static final int REGULAR = 1;
    }

    /** wcc_attr: what the directory looked like before the change. */
    record Before(long size, long mtime, long ctime) {
    }

    /** wcc_data: either side may be absent. */
    record Wcc(Before before, Attributes after) {
    }
}
