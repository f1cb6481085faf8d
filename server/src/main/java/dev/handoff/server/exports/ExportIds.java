package dev.handoff.server.exports;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Export ids: the 32-bit number that file handles carry to name their export (DESIGN.md §4). It must be the
 * same on every node of a cluster and across restarts, or a failover turns into ESTALE; so it is either the
 * administrator's {@code fsid=} or a hash of the export path, never a counter or a random number.
 *
 * <p>The two ranges cannot collide: {@code fsid=} takes 0 to 2<sup>31</sup>-1, and derived ids have the top
 * bit set (negative as a Java int). Two derived ids can collide (about one chance in 10<sup>9</sup> for a
 * pair); the parser reports that and asks for an {@code fsid=}.
 */
public final class ExportIds {
    public static final int MAX_FSID = Integer.MAX_VALUE;

    private ExportIds() {
    }

    /** The id of an export without {@code fsid=}: the first 31 bits of SHA-256 of the path, top bit set. */
    public static int derive(Path path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(path.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getInt() | Integer.MIN_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** Whether the id was given with {@code fsid=} rather than derived from the path. */
    public static boolean isExplicit(int exportId) {
        return exportId >= 0;
    }

    /** The id as an unsigned decimal number, as logs and the admin API show it. */
    public static String format(int exportId) {
        return Integer.toUnsignedString(exportId);
    }
}
