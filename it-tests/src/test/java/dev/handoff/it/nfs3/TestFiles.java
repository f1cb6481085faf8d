package dev.handoff.it.nfs3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Large files of random bytes for copy tests, and their SHA-256. */
public final class TestFiles {
    private static final int CHUNK = 1 << 20;

    private TestFiles() {
    }

    /** Writes {@code size} pseudo-random bytes (from {@code seed}) to {@code file}; returns their SHA-256. */
    public static String writeRandom(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        MessageDigest sha = sha256();
        byte[] chunk = new byte[CHUNK];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long left = size; left > 0; left -= CHUNK) {
                int n = (int) Math.min(CHUNK, left);
                random.nextBytes(chunk);
                sha.update(chunk, 0, n);
                ByteBuffer buf = ByteBuffer.wrap(chunk, 0, n);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                sha.update(chunk, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
