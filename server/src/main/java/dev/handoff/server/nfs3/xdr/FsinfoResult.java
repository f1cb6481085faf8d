package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * FSINFO3res (RFC 1813 §3.3.19): the server's transfer sizes and the file system's properties. The sizes are
 * uint32 bit patterns chosen by the server; {@code maxfilesize} is a uint64.
 */
public sealed interface FsinfoResult {
    int FSF3_LINK = 0x0001;
    int FSF3_SYMLINK = 0x0002;
    int FSF3_HOMOGENEOUS = 0x0008;
    int FSF3_CANSETTIME = 0x0010;

    Nfs3Status status();

    PostOpAttr objAttributes();

    record Ok(PostOpAttr objAttributes, int rtmax, int rtpref, int rtmult, int wtmax, int wtpref, int wtmult,
              int dtpref, long maxfilesize, NfsTime3 timeDelta, int properties) implements FsinfoResult {
        public Ok {
            Objects.requireNonNull(objAttributes, "objAttributes");
            Objects.requireNonNull(timeDelta, "timeDelta");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, PostOpAttr objAttributes) implements FsinfoResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(objAttributes, "objAttributes");
        }
    }
}
