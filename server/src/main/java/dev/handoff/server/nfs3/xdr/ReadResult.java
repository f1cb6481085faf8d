package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * READ3res (RFC 1813 §3.3.6). The count on the wire is the data's length. Writing an {@link Ok} releases its
 * data, so a result is written once.
 */
public sealed interface ReadResult {
    Nfs3Status status();

    PostOpAttr fileAttributes();

    /** {@code eof} is true when the data ends at the end of the file. */
    record Ok(PostOpAttr fileAttributes, boolean eof, ReadData data) implements ReadResult {
        public Ok {
            Objects.requireNonNull(fileAttributes, "fileAttributes");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }

        public int count() {
            return data.length();
        }
    }

    record Fail(Nfs3Status status, PostOpAttr fileAttributes) implements ReadResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(fileAttributes, "fileAttributes");
        }
    }
}
