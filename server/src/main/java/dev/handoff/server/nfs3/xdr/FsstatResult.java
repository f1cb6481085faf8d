package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** FSSTAT3res (RFC 1813 §3.3.18): total, free and available-to-the-caller bytes and files (uint64 each). */
public sealed interface FsstatResult {
    Nfs3Status status();

    PostOpAttr objAttributes();

    record Ok(PostOpAttr objAttributes, long tbytes, long fbytes, long abytes, long tfiles, long ffiles,
              long afiles, int invarsec) implements FsstatResult {
        public Ok {
            Objects.requireNonNull(objAttributes, "objAttributes");
        }

        @Override
        public Nfs3Status status() {
            return Nfs3Status.NFS3_OK;
        }
    }

    record Fail(Nfs3Status status, PostOpAttr objAttributes) implements FsstatResult {
        public Fail {
            Nfs3Status.requireError(status);
            Objects.requireNonNull(objAttributes, "objAttributes");
        }
    }
}
