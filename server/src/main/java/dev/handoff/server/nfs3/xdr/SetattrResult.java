package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** SETATTR3res (RFC 1813 §3.3.2): the object's wcc_data either way. */
public sealed interface SetattrResult {
    Nfs3Status status();

    WccData objWcc();

    record Ok(WccData objWcc) implements SetattrResult {
        public Ok {
            Objects.requireNonNull(objWcc, "objWcc");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, WccData objWcc) implements SetattrResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(objWcc, "objWcc");
        }
    }
}
