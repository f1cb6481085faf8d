package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** WRITE3res (RFC 1813 §3.3.7): how much was written, how stably, and the server's write verifier. */
public sealed interface WriteResult {
    Nfs3Status status();

    WccData fileWcc();

    record Ok(WccData fileWcc, int count, StableHow committed, Verifier3 verifier) implements WriteResult {
        public Ok {
            Objects.requireNonNull(fileWcc, "fileWcc");
            Objects.requireNonNull(committed, "committed");
            Objects.requireNonNull(verifier, "verifier");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, WccData fileWcc) implements WriteResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(fileWcc, "fileWcc");
        }
    }
}
