package dev.handoff.cluster.state;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import dev.handoff.rpc.cache.ReplyCacheKey;
import dev.handoff.rpc.dispatch.Transport;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The key of the shared reply cache. Hazelcast compares and partitions keys by their serialized bytes, so the
 * encoding is canonical: the addresses as their 4 or 16 raw bytes (never a host name lookup) and the port.
 */
final class ReplyCacheKeySerializer implements StreamSerializer<ReplyCacheKey> {

    @Override
    public int getTypeId() {
        return StateTypeIds.REPLY_CACHE_KEY;
    }

    @Override
    public void write(ObjectDataOutput out, ReplyCacheKey k) throws IOException {
        out.writeByte(k.transport().ordinal());
        writeAddress(out, k.local());
        writeAddress(out, k.remote());
        out.writeInt(k.xid());
        out.writeInt(k.program());
        out.writeInt(k.version());
        out.writeInt(k.procedure());
        out.writeInt(k.argumentLength());
        out.writeInt(k.argumentChecksum());
    }

    @Override
    public ReplyCacheKey read(ObjectDataInput in) throws IOException {
        return new ReplyCacheKey(Wire.readEnum(in, Transport.values(), "transport"), readAddress(in),
                readAddress(in), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
    }

    private static void writeAddress(ObjectDataOutput out, InetSocketAddress a) throws IOException {
        if (a.getAddress() == null) {
            throw new IllegalArgumentException("unresolved address " + a + " in a reply cache key");
        }
        byte[] raw = a.getAddress().getAddress();
        out.writeByte(raw.length);
        out.write(raw);
        out.writeShort(a.getPort());
    }

    private static InetSocketAddress readAddress(ObjectDataInput in) throws IOException {
        int n = in.readByte();
        if (n != 4 && n != 16) {
            throw new InvalidObjectException("address of " + n + " bytes");
        }
        byte[] raw = new byte[n];
        in.readFully(raw);
        return new InetSocketAddress(InetAddress.getByAddress(raw), in.readUnsignedShort());
    }
}
