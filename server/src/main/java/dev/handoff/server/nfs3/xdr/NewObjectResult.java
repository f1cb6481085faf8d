package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * CREATE3res, MKDIR3res, SYMLINK3res and MKNOD3res (RFC 1813 §3.3.8 to §3.3.11), which share one shape: the
 * new object's handle and attributes, and the directory's wcc_data.
 */
public sealed interface NewObjectResult {
    Nfs3Status status();

    WccData dirWcc();

    /**
     * {@code object} is post_op_fh3: null when the server does not return the handle, and the client then
     * looks the name up.
     */
    record Ok(FileHandle3 object, PostOpAttr objAttributes, WccData dirWcc) implements NewObjectResult {
        public Ok {
            Objects.requireNonNull(objAttributes, "objAttributes");
            Objects.requireNonNull(dirWcc, "dirWcc");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, WccData dirWcc) implements NewObjectResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(dirWcc, "dirWcc");
        }
    }
}
