package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** RENAME3res (RFC 1813 §3.3.14): both directories' wcc_data. */
public sealed interface RenameResult {
    Nfs3Status status();

    WccData fromdirWcc();

    WccData todirWcc();

    record Ok(WccData fromdirWcc, WccData todirWcc) implements RenameResult {
        public Ok {
            Objects.requireNonNull(fromdirWcc, "fromdirWcc");
            Objects.requireNonNull(todirWcc, "todirWcc");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, WccData fromdirWcc, WccData todirWcc) implements RenameResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(fromdirWcc, "fromdirWcc");
            Objects.requireNonNull(todirWcc, "todirWcc");
        }
    }
}
