package dev.handoff.server.nfs3.xdr;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/**
 * The data of a WRITE call (RFC 1813 §3.3.7), never copied to the heap: a retained slice of the call record,
 * handed to the file system as a {@link ByteBuffer} view. {@link WriteArgs} owns it and the dispatcher closes
 * the arguments after the handler returns, which releases the slice; a handler must not keep the view longer.
 */
public final class WriteData extends BulkData {
    /** Takes over one reference to {@code buf}. */
    WriteData(ByteBuf buf) {
        super(buf);
    }

    /** For clients and tests: the remaining bytes of {@code data}, wrapped without a copy. */
    public static WriteData wrap(ByteBuffer data) {
        return new WriteData(Unpooled.wrappedBuffer(data.slice()));
    }
}
