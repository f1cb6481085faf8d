package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** LINK3res (RFC 1813 §3.3.15). */
public sealed interface LinkResult {
    Nfs3Status status();

    PostOpAttr fileAttributes();

    WccData linkdirWcc();

    record Ok(PostOpAttr fileAttributes, WccData linkdirWcc) implements LinkResult {
        public Ok {
            Objects.requireNonNull(fileAttributes, "fileAttributes");
            Objects.requireNonNull(linkdirWcc, "linkdirWcc");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, PostOpAttr fileAttributes, WccData linkdirWcc) implements LinkResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(fileAttributes, "fileAttributes");
            Objects.requireNonNull(linkdirWcc, "linkdirWcc");
        }
    }
}
