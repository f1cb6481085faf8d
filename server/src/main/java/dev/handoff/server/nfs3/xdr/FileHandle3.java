package dev.handoff.server.nfs3.xdr;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * nfs_fh3 (RFC 1813 §2.4): the server's opaque name for a file, at most {@link #MAX_LENGTH} bytes. Its layout
 * belongs to whoever builds handles; the codecs only carry it.
 */
public record FileHandle3(Opaque bytes) {
    /** NFS3_FHSIZE. */
    public static final int MAX_LENGTH = 64;

    public FileHandle3 {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("file handle of " + bytes.length() + " bytes exceeds "
                    + MAX_LENGTH);
        }
    }

    public static FileHandle3 ofHex(String hex) {
        return new FileHandle3(Opaque.ofHex(hex));
    }

    public int length() {
        return bytes.length();
    }

    @Override
    public String toString() {
        return "FileHandle3[" + bytes.toHex() + "]";
    }
}
