package dev.handoff.rpc.message;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** RFC 5531 appendix A authsys_parms, inside the credential's opaque body. */
final class AuthSysCodec {
    private AuthSysCodec() {
    }

    /** Throws {@link dev.handoff.rpc.xdr.XdrException} for a body that is not a valid authsys_parms. */
    static Credential.Sys decode(Opaque body) {
        XdrDecoder in = new XdrDecoder(Unpooled.wrappedBuffer(body.toByteArray()));
        int stamp = in.readInt();
        String machine = in.readString(Credential.Sys.MAX_MACHINE_NAME);
        int uid = in.readInt();
        int gid = in.readInt();
        var gids = in.readArray(Credential.Sys.MAX_GIDS, XdrDecoder::readInt);
        in.expectEnd();
        return new Credential.Sys(stamp, machine, uid, gid, gids);
    }

    static Opaque encode(Credential.Sys cred) {
        ByteBuf buf = Unpooled.buffer(64);
        new XdrEncoder(buf).writeInt(cred.stamp()).writeString(cred.machineName())
                .writeInt(cred.uid()).writeInt(cred.gid()).writeArray(cred.gids(), XdrEncoder::writeInt);
        byte[] b = new byte[buf.readableBytes()];
        buf.readBytes(b);
        return Opaque.copyOf(b);
    }
}
