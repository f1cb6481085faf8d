package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * SETATTR3args (RFC 1813 §3.3.2). {@code guardCtime} is sattrguard3: when not null, the server must change
 * nothing and answer NFS3ERR_NOT_SYNC unless the object's ctime equals it.
 */
public record SetattrArgs(FileHandle3 object, Sattr3 newAttributes, NfsTime3 guardCtime) {
    public SetattrArgs {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(newAttributes, "newAttributes");
    }
}
