package dev.handoff.rpc.client;

import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import dev.handoff.rpc.rpcbind.xdr.PortMapping;
import dev.handoff.rpc.rpcbind.xdr.PortMappingCodec;
import dev.handoff.rpc.xdr.XdrDecoder;
import dev.handoff.rpc.xdr.XdrReader;
import dev.handoff.rpc.xdr.XdrWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Port mapper calls (RFC 1833 §3.2, rpcbind version 2), which every rpcbind and portmap answers: GETPORT to
 * find a client's lockd for NLM callbacks, SET and UNSET to register with a system rpcbind that already owns
 * port 111 (it accepts them only from a loopback address). Owns its {@link RpcClient}.
 */
public final class PortMapperClient implements AutoCloseable {
    private static final XdrReader<Boolean> BOOL = XdrDecoder::readBool;

    private final RpcClient rpc;

    public PortMapperClient(RpcClient rpc) {
        this.rpc = rpc;
    }

    /** The port mapper of {@code host}, on port 111 over UDP (what statd and lockd use). */
    public static PortMapperClient udp(InetAddress host, RpcClientOptions options) throws IOException {
        return new PortMapperClient(RpcClient.udp(new InetSocketAddress(host, RpcbindProgram.PORT), options));
    }

    public static PortMapperClient tcp(InetAddress host, RpcClientOptions options) {
        return new PortMapperClient(RpcClient.tcp(new InetSocketAddress(host, RpcbindProgram.PORT), options));
    }

    private <A, R> CompletableFuture<R> call(int procedure, XdrWriter<A> args, A value, XdrReader<R> result) {
        return rpc.call(RpcbindProgram.PROGRAM, RpcbindProgram.PMAP_VERSION, procedure, args, value, result);
    }

    /**
     * PMAPPROC_GETPORT: the port of (program, version) on {@code protocol}, 0 when it is not registered. Like
     * rpcbind, the answer may be the port of another version of the program when that version is missing.
     */
    public CompletableFuture<Integer> getPort(int program, int version, Transport protocol) {
        return call(RpcbindProgram.GETPORT, PortMappingCodec::write,
                new PortMapping(program, version, protocol.ipProtocol, 0), XdrDecoder::readInt);
    }

    /** PMAPPROC_SET: registers {@code port} for (program, version, protocol); false when taken or refused. */
    public CompletableFuture<Boolean> set(int program, int version, Transport protocol, int port) {
        return call(RpcbindProgram.SET, PortMappingCodec::write,
                new PortMapping(program, version, protocol.ipProtocol, port), BOOL);
    }

    /** PMAPPROC_UNSET: removes (program, version) on every protocol; false when nothing was registered. */
    public CompletableFuture<Boolean> unset(int program, int version) {
        return call(RpcbindProgram.UNSET, PortMappingCodec::write,
                new PortMapping(program, version, 0, 0), BOOL);
    }

    /** PMAPPROC_DUMP: every registration the port mapper knows. */
    public CompletableFuture<List<PortMapping>> dump() {
        return call(RpcbindProgram.DUMP, XdrWriter.nothing(), null, PortMappingCodec::readList);
    }

    @Override
    public void close() {
        rpc.close();
    }
}
