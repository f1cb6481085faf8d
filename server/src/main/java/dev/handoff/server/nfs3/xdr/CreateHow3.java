package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * createhow3 (RFC 1813 §3.3.8): UNCHECKED creates or truncates, GUARDED fails with NFS3ERR_EXIST if the name
 * exists, EXCLUSIVE creates at most once across retransmissions by storing the client's verifier with the file.
 */
public sealed interface CreateHow3 {
    int UNCHECKED = 0;
    int GUARDED = 1;
    int EXCLUSIVE = 2;

    /** The createmode3 discriminant on the wire. */
    int mode();

    record Unchecked(Sattr3 attributes) implements CreateHow3 {
        public Unchecked {
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public int mode() {
            return UNCHECKED;
        }
    }

    record Guarded(Sattr3 attributes) implements CreateHow3 {
        public Guarded {
            Objects.requireNonNull(attributes, "attributes");
        }

        @Override
        public int mode() {
            return GUARDED;
        }
    }

    record Exclusive(Verifier3 verifier) implements CreateHow3 {
        public Exclusive {
            Objects.requireNonNull(verifier, "verifier");
        }

        @Override
        public int mode() {
            return EXCLUSIVE;
        }
    }
}
