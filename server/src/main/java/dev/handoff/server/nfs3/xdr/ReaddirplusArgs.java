package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * READDIRPLUS3args (RFC 1813 §3.3.17): {@code dircount} bounds the directory information (names, cookies,
 * ids), {@code maxcount} the whole READDIRPLUS3resok; both are unsigned counts as the client sent them.
 */
public record ReaddirplusArgs(FileHandle3 dir, long cookie, Verifier3 cookieverf, long dircount, long maxcount) {
    public ReaddirplusArgs {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(cookieverf, "cookieverf");
    }
}
