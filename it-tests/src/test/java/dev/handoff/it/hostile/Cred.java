package dev.handoff.it.hostile;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * A credential as sent (RFC 5531 §8.2 opaque_auth): the flavor and the body bytes, built by hand so that a
 * check can exceed every limit of AUTH_SYS (appendix A: a machine name of at most 255 bytes, at most 16 gids).
 */
record Cred(int flavor, Opaque body) {
    static final int AUTH_SYS = 1;

    static Cred sys(int uid, int gid) {
        return sys("hostile", uid, gid, new int[0]);
    }

    static Cred sys(String machine, int uid, int gid, int[] gids) {
        return sys(machine.getBytes(StandardCharsets.UTF_8), uid, gid, gids);
    }

    static Cred sys(byte[] machine, int uid, int gid, int[] gids) {
        ByteBuf buf = Unpooled.buffer(64 + machine.length + 4 * gids.length);
        try {
            XdrEncoder x = new XdrEncoder(buf);
            x.writeInt(0x5eed).writeOpaque(machine, 0, machine.length).writeInt(uid).writeInt(gid);
            x.writeInt(gids.length);
            for (int g : gids) {
                x.writeInt(g);
            }
            return new Cred(AUTH_SYS, Opaque.copyOf(ByteBufUtil.getBytes(buf)));
        } finally {
            buf.release();
        }
    }

    static final Cred ROOT = sys(0, 0);
}
