package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * The file a lock is on, as opaque bytes the edge chooses: the NFS file handle from the NLM request or a stable
 * inode key derived from it. Two keys are the same file exactly when their bytes are equal, so the edge must map
 * every handle of one file to one key.
 */
public record FileKey(Opaque bytes) {
    /** NFS3_FHSIZE (RFC 1813 §2.5): no key the edge derives needs more. */
    public static final int MAX_LENGTH = 64;

    public FileKey {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() == 0 || bytes.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("file key of " + bytes.length() + " bytes, want 1.." + MAX_LENGTH);
        }
    }

    public static FileKey ofHex(String hex) {
        return new FileKey(Opaque.ofHex(hex));
    }

    @Override
    public String toString() {
        return bytes.toHex();
    }
}
