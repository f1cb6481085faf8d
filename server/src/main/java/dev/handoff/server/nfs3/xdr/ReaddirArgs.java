package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/** READDIR3args (RFC 1813 §3.3.16). {@code count} bounds the whole READDIR3resok, XDR overhead included. */
public record ReaddirArgs(FileHandle3 dir, long cookie, Verifier3 cookieverf, long count) {
    public ReaddirArgs {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(cookieverf, "cookieverf");
    }
}
