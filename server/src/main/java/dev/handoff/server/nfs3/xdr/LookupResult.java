package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** LOOKUP3res (RFC 1813 §3.3.3): the handle found, or the directory's attributes alone. */
public sealed interface LookupResult {
    Nfs3Status status();

    PostOpAttr dirAttributes();

    record Ok(FileHandle3 object, PostOpAttr objAttributes, PostOpAttr dirAttributes) implements LookupResult {
        public Ok {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(objAttributes, "objAttributes");
            Objects.requireNonNull(dirAttributes, "dirAttributes");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, PostOpAttr dirAttributes) implements LookupResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(dirAttributes, "dirAttributes");
        }
    }
}
