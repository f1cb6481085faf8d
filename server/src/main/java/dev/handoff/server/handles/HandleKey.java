package dev.handoff.server.handles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The secret that signs file handles. Every node of a cluster must have the same one (Kubernetes Secret, or the
 * same file copied to each head), or a handle from one node is STALE on another. Kept in the state directory as
 * {@value #FILE_NAME}, made on first start with mode 0600.
 */
public final class HandleKey {
    public static final String FILE_NAME = "handle.key";
    static final int LENGTH = 32;

    private final byte[] secret;

    private HandleKey(byte[] secret) {
        this.secret = secret;
    }

    public static HandleKey of(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a handle key needs at least 16 bytes, got " + secret.length);
        }
        return new HandleKey(secret.clone());
    }

    /** Reads {@code file}, or creates it with fresh random bytes when it does not exist. */
    public static HandleKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[LENGTH];
            new SecureRandom().nextBytes(fresh);
            // Nodes of a cluster may start together on one shared key file: each writes its own candidate and
            // links it into place; a link never replaces, so exactly one wins and every node reads that one.
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(tmp, fresh);
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // Another node made it first.
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        byte[] secret = Files.readAllBytes(file);
        if (secret.length < 16) {
            throw new IOException(file + " holds " + secret.length + " bytes; a handle key needs at least 16."
                    + " Remove it to have a new one made (clients then see STALE handles) or restore it.");
        }
        return new HandleKey(secret);
    }

    byte[] secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "HandleKey[" + secret.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandleKey k && java.security.MessageDigest.isEqual(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }
}
