package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** GETATTR3res (RFC 1813 §3.3.1): the attributes, or a status alone. */
public sealed interface GetattrResult {
    Nfs3Status status();

    record Ok(Fattr3 attributes) implements GetattrResult {
        public Ok {
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status) implements GetattrResult {
        public Fail {
            Nfs3Status.requireError(status);
        }
    }
}
