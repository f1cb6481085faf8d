package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** ACCESS3res (RFC 1813 §3.3.4): the granted subset of the asked access bits, with the object's attributes. */
public sealed interface AccessResult {
    Nfs3Status status();

    PostOpAttr objAttributes();

    record Ok(PostOpAttr objAttributes, int access) implements AccessResult {
        public Ok {
            Objects.requireNonNull(objAttributes, "objAttributes");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, PostOpAttr objAttributes) implements AccessResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(objAttributes, "objAttributes");
        }
    }
}
