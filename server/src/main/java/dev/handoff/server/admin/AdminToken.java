package dev.handoff.server.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The shared secret the admin API asks for when it listens beyond loopback: anyone who reaches it could otherwise
 * move addresses and reload exports. Sent as {@code Authorization: Bearer TOKEN}; read from a file so it stays out
 * of process listings.
 */
public record AdminToken(String value) {
    public static final int MIN_LENGTH = 16;

    public AdminToken {
        if (value.length() < MIN_LENGTH || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("an admin token is at least " + MIN_LENGTH
                    + " printable characters without spaces (e.g. head -c 32 /dev/urandom | base64 > FILE)");
        }
    }

    /** The token in {@code file} (surrounding white space ignored). */
    public static AdminToken read(Path file) throws IOException {
        try {
            return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public String header() {
        return "Bearer " + value;
    }

    /** Whether {@code authorization} carries this token; compared in constant time. */
    public boolean admits(String authorization) {
        return authorization != null && MessageDigest.isEqual(header().getBytes(StandardCharsets.UTF_8),
                authorization.strip().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
