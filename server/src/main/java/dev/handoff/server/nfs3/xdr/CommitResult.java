package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** COMMIT3res (RFC 1813 §3.3.21): the write verifier, which changes when unstable data may have been lost. */
public sealed interface CommitResult {
    Nfs3Status status();

    WccData fileWcc();

    record Ok(WccData fileWcc, Verifier3 verifier) implements CommitResult {
        public Ok {
            Objects.requireNonNull(fileWcc, "fileWcc");
            Objects.requireNonNull(verifier, "verifier");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, WccData fileWcc) implements CommitResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(fileWcc, "fileWcc");
        }
    }
}
