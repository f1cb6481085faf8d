package dev.handoff.rpc.rpcbind.xdr;

import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrEncoder;
import java.util.List;

/** RFC 1833 §3.1 {@code mapping} and {@code pmaplist}. */
public final class PortMappingCodec {
    /** Most entries a decoded pmaplist may hold; a port mapper with more is not one we talk to. */
    public static final int MAX_LIST = 4096;

    private PortMappingCodec() {
    }

    public static PortMapping read(XdrDecoder in) {
        return new PortMapping(in.readInt(), in.readInt(), in.readInt(), in.readInt());
    }

    public static void write(XdrEncoder out, PortMapping m) {
        out.writeInt(m.program()).writeInt(m.version()).writeInt(m.protocol()).writeInt(m.port());
    }

    /** {@code pmaplist *}, the result of PMAPPROC_DUMP: a linked list of mappings. */
    public static List<PortMapping> readList(XdrDecoder in) {
        return in.readList(MAX_LIST, PortMappingCodec::read);
    }

    public static void writeList(XdrEncoder out, List<PortMapping> mappings) {
        out.writeList(mappings, PortMappingCodec::write);
    }
}
