package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** PATHCONF3res (RFC 1813 §3.3.20). */
public sealed interface PathconfResult {
    Nfs3Status status();

    PostOpAttr objAttributes();

    record Ok(PostOpAttr objAttributes, int linkmax, int nameMax, boolean noTrunc, boolean chownRestricted,
              boolean caseInsensitive, boolean casePreserving) implements PathconfResult {
        public Ok {
            Objects.requireNonNull(objAttributes, "objAttributes");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, PostOpAttr objAttributes) implements PathconfResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(objAttributes, "objAttributes");
        }
    }
}
