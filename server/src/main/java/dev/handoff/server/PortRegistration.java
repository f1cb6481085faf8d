package dev.handoff.server;

import dev.handoff.nlm.NlmProgram;
import dev.handoff.nsm.NsmProgram;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import dev.handoff.rpc.rpcbind.RpcbindRegistry;
import dev.handoff.server.mount.MountProgram;
import dev.handoff.server.nfs3.Nfs3Program;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where clients learn our ports. The Linux client's lockd always asks port 111 of the address it mounted
 * (DESIGN.md §3), so by default Handoff answers there itself; when a system rpcbind already owns the port, it
 * registers there instead; with the port set to 0, nowhere.
 */
sealed interface PortRegistration extends AutoCloseable
        permits PortRegistration.Embedded, PortRegistration.Off, SystemRpcbind {
    Logger log = LoggerFactory.getLogger(PortRegistration.class);
    String OWNER = "handoff";

    /** Programs this registration adds to the server (the embedded rpcbind itself). */
    List<RpcProgram> programs();

    List<Integer> portsToListenOn(ServerConfig config);

    void registerAll(ServerConfig config) throws IOException;

    @Override
    void close();

    static PortRegistration choose(ServerConfig config) throws IOException {
        if (config.rpcbindPort() == 0) {
            log.warn("rpcbind is off (--rpcbind-port 0): clients need port= and mountport=, and NLM locking "
                    + "will not work because the Linux client's lockd asks port 111 for the NLM port");
            return new Off();
        }
        if (SystemRpcbind.answersOn(config.rpcbindPort())) {
            log.info("a system rpcbind answers on port {}: registering there instead of starting our own",
                    config.rpcbindPort());
            return new SystemRpcbind(config.rpcbindPort());
        }
        return new Embedded(new RpcbindRegistry());
    }

    /** What we register: every version of every program, on TCP and UDP, on its configured port. */
    static List<Mapping> mappings(ServerConfig config) {
        List<Mapping> m = new ArrayList<>();
        add(m, Nfs3Program.PROGRAM, List.of(Nfs3Program.VERSION), config.nfsPort());
        add(m, MountProgram.PROGRAM, List.of(1, 3), config.mountPort());
        add(m, NlmProgram.PROGRAM, NlmProgram.VERSIONS, config.nlmPort());
        add(m, NsmProgram.PROGRAM, List.of(NsmProgram.VERSION), config.nsmPort());
        return m;
    }

    private static void add(List<Mapping> m, int program, List<Integer> versions, int port) {
        for (int v : versions) {
            for (Transport t : Transport.values()) {
                m.add(new Mapping(program, v, t, port));
            }
        }
    }

    record Mapping(int program, int version, Transport transport, int port) {
    }

    /** The wildcard of each address family we listen on: GETADDR then answers with the address a caller reached. */
    private static List<InetAddress> wildcards(ServerConfig config) throws IOException {
        boolean v6 = config.bind().stream().anyMatch(a -> a instanceof Inet6Address);
        boolean v4 = config.bind().stream().anyMatch(a -> !(a instanceof Inet6Address));
        List<InetAddress> w = new ArrayList<>();
        if (v4) {
            w.add(InetAddress.getByName("0.0.0.0"));
        }
        if (v6) {
            w.add(InetAddress.getByName("::"));
        }
        return w;
    }

    /** Handoff's own rpcbind, served on every address and port like the other programs. */
    record Embedded(RpcbindRegistry registry) implements PortRegistration {
        @Override
        public List<RpcProgram> programs() {
            return List.of(RpcbindProgram.create(registry, InstantSource.system()));
        }

        @Override
        public List<Integer> portsToListenOn(ServerConfig config) {
            return config.ports();
        }

        @Override
        public void registerAll(ServerConfig config) throws IOException {
            List<Mapping> all = new ArrayList<>();
            add(all, RpcbindProgram.PROGRAM, List.of(4, 3, 2), config.rpcbindPort());
            all.addAll(mappings(config));
            for (InetAddress wildcard : wildcards(config)) {
                for (Mapping m : all) {
                    registry.set(m.program(), m.version(), m.transport(), new InetSocketAddress(wildcard, m.port()),
                            OWNER);
                }
            }
        }

        @Override
        public void close() {
        }
    }

    /** No rpcbind at all. */
    record Off() implements PortRegistration {
        @Override
        public List<RpcProgram> programs() {
            return List.of();
        }

        @Override
        public List<Integer> portsToListenOn(ServerConfig config) {
            return config.ports();
        }

        @Override
        public void registerAll(ServerConfig config) {
        }

        @Override
        public void close() {
        }
    }
}
