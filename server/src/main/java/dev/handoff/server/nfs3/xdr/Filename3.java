package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * filename3 (RFC 1813 §2.5): one path component, kept as the bytes the client sent, since UNIX names are bytes
 * and need not be UTF-8.
 *
 * <p>The decoder accepts up to {@link #MAX_DECODED_LENGTH} bytes although no name on a Linux file system is
 * longer than {@link #MAX_LENGTH}: a name in between is a well-formed call that deserves NFS3ERR_NAMETOOLONG
 * from the handler (see {@link #isTooLong()}), not GARBAGE_ARGS. Longer ones are refused while decoding, so a
 * hostile length never costs more than this.
 */
public record Filename3(Opaque bytes) {
    /** NAME_MAX of Linux, and what PATHCONF reports as name_max. */
    public static final int MAX_LENGTH = 255;
    /** The longest name the decoder accepts; the handler answers NFS3ERR_NAMETOOLONG above {@link #MAX_LENGTH}. */
    public static final int MAX_DECODED_LENGTH = 1024;

    public Filename3 {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() > MAX_DECODED_LENGTH) {
            throw new IllegalArgumentException("name of " + bytes.length() + " bytes exceeds "
                    + MAX_DECODED_LENGTH);
        }
    }

    public static Filename3 of(String name) {
        return new Filename3(Opaque.copyOf(name.getBytes(StandardCharsets.UTF_8)));
    }

    public int length() {
        return bytes.length();
    }

    /** True when the name is longer than any the file system holds: the handler answers NFS3ERR_NAMETOOLONG. */
    public boolean isTooLong() {
        return bytes.length() > MAX_LENGTH;
    }

    /** The name decoded as UTF-8, leniently (invalid bytes become U+FFFD): for logs and tests, not for lookups. */
    public String asString() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Filename3[" + asString() + "]";
    }
}
