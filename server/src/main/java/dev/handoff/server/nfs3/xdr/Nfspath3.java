package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * nfspath3 (RFC 1813 §2.5): the text of a symbolic link, as bytes, at most {@link #MAX_LENGTH} bytes. RFC 1813
 * sets no bound; Linux allows symlink targets up to PATH_MAX - 1 (4095) bytes, so that is what must fit.
 */
public record Nfspath3(Opaque bytes) {
    public static final int MAX_LENGTH = 4096;

    public Nfspath3 {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("path of " + bytes.length() + " bytes exceeds " + MAX_LENGTH);
        }
    }

    public static Nfspath3 of(String path) {
        return new Nfspath3(Opaque.copyOf(path.getBytes(StandardCharsets.UTF_8)));
    }

    public int length() {
        return bytes.length();
    }

    /** The path decoded as UTF-8, leniently: for logs and tests. */
    public String asString() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Nfspath3[" + asString() + "]";
    }
}
