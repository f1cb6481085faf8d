package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** READLINK3res (RFC 1813 §3.3.5): the link's text. */
public sealed interface ReadlinkResult {
    Nfs3Status status();

    PostOpAttr symlinkAttributes();

    record Ok(PostOpAttr symlinkAttributes, Nfspath3 data) implements ReadlinkResult {
        public Ok {
            Objects.requireNonNull(symlinkAttributes, "symlinkAttributes");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, PostOpAttr symlinkAttributes) implements ReadlinkResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(symlinkAttributes, "symlinkAttributes");
        }
    }
}
