package dev.handoff.server.nfs3.xdr;

import java.util.List;
import java.util.Objects;

/**
 * READDIRPLUS3res (RFC 1813 §3.3.17). {@code eof} is true only when the last entry of the directory is in
 * this reply; {@link DirListBudget} decides how many entries fit the client's dircount and maxcount, and
 * whether that is so.
 */
public sealed interface ReaddirplusResult {
    Nfs3Status status();

    PostOpAttr dirAttributes();

    record Ok(PostOpAttr dirAttributes, Verifier3 cookieverf, List<EntryPlus3> entries, boolean eof)
            implements ReaddirplusResult {
        public Ok {
            Objects.requireNonNull(dirAttributes, "dirAttributes");
            Objects.requireNonNull(cookieverf, "cookieverf");
            entries = List.copyOf(entries);
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, PostOpAttr dirAttributes) implements ReaddirplusResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(dirAttributes, "dirAttributes");
        }
    }
}
