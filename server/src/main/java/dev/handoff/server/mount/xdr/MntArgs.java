package dev.handoff.server.mount.xdr;

import java.util.Objects;

/** The argument of MNT (RFC 1813 appendix I.4.1): the path of the export the client wants to mount. */
public record MntArgs(String dirpath) {
    public MntArgs {
        Objects.requireNonNull(dirpath, "dirpath");
    }
}
