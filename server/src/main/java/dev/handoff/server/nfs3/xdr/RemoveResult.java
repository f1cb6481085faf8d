package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** REMOVE3res and RMDIR3res (RFC 1813 §3.3.12, §3.3.13), the same shape: the directory's wcc_data. */
public sealed interface RemoveResult {
    Nfs3Status status();

    WccData dirWcc();

    record Ok(WccData dirWcc) implements RemoveResult {
        public Ok {
            Objects.requireNonNull(dirWcc, "dirWcc");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, WccData dirWcc) implements RemoveResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(dirWcc, "dirWcc");
        }
    }
}
