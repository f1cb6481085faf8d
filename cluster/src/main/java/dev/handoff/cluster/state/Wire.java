package dev.handoff.cluster.state;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The primitive items the state serializers are made of. Every length read is checked against a limit before
 * anything is allocated, since a member may receive bytes written by a peer of another build.
 */
final class Wire {
    private Wire() {
    }

    static void writeOpaque(ObjectDataOutput out, Opaque o) throws IOException {
        out.writeInt(o.length());
        out.write(o.toByteArray());
    }

    static Opaque readOpaque(ObjectDataInput in, int max) throws IOException {
        return Opaque.copyOf(readBytes(in, length(in, max, "opaque")));
    }

    static void writeInstant(ObjectDataOutput out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    static Instant readInstant(ObjectDataInput in) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException e) {
            throw new InvalidObjectException("instant " + seconds + "s " + nanos + "ns out of range");
        }
    }

    /** UTF-8 with a length in bytes, so that the reader can bound it before allocating. */
    static void writeString(ObjectDataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** A string of at most {@code maxChars} characters, hence at most 4 bytes each in UTF-8. */
    static String readString(ObjectDataInput in, int maxChars) throws IOException {
        return new String(readBytes(in, length(in, 4 * maxChars, "string")), StandardCharsets.UTF_8);
    }

    /**
     * {@code n} bytes, or an {@link java.io.EOFException}. Hazelcast's byte-array input fills {@code readFully} only
     * as far as its data goes and says nothing of a short read; reading the last byte on its own makes a record cut
     * anywhere inside the array fail, as {@code readByte} checks the end.
     */
    private static byte[] readBytes(ObjectDataInput in, int n) throws IOException {
        byte[] b = new byte[n];
        if (n > 0) {
            in.readFully(b, 0, n - 1);
            b[n - 1] = in.readByte();
        }
        return b;
    }

    /** A count or byte length, checked against {@code max} before it sizes anything. */
    static int length(ObjectDataInput in, int max, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new InvalidObjectException(what + " length " + n + ", want 0.." + max);
        }
        return n;
    }

    static <E extends Enum<E>> E readEnum(ObjectDataInput in, E[] values, String what) throws IOException {
        int ordinal = in.readByte();
        if (ordinal < 0 || ordinal >= values.length) {
            throw new InvalidObjectException(what + " " + ordinal);
        }
        return values[ordinal];
    }

    /** Wraps an argument check of a record constructor so that bad bytes surface as a serialization error. */
    static InvalidObjectException invalid(IllegalArgumentException e) {
        InvalidObjectException x = new InvalidObjectException(e.getMessage());
        x.initCause(e);
        return x;
    }
}
