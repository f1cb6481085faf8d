package dev.handoff.server.mount.xdr;

import java.util.Objects;

/** The argument of UMNT (RFC 1813 appendix I.4.3): the path the client unmounted. */
public record UmntArgs(String dirpath) {
    public UmntArgs {
        Objects.requireNonNull(dirpath, "dirpath");
    }
}
