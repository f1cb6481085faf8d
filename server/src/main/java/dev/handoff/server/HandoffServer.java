package dev.handoff.server;

import dev.handoff.nlm.NlmProgram;
import dev.handoff.nsm.NsmProgram;
import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.transport.RpcServerConfig;
import dev.handoff.server.mount.MountProgram;
import dev.handoff.server.nfs3.Nfs3Program;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the programs, the RPC server and rpcbind registration for {@code handoff serve}. */
public final class HandoffServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HandoffServer.class);

    private final RpcServer rpc;
    private final PortRegistration registration;

    private HandoffServer(RpcServer rpc, PortRegistration registration) {
        this.rpc = rpc;
        this.registration = registration;
    }

    public static HandoffServer start(ServerConfig config) throws IOException {
        PortRegistration registration = PortRegistration.choose(config);
        List<RpcProgram> programs = new ArrayList<>(registration.programs());
        programs.add(Nfs3Program.nullOnly());
        programs.add(MountProgram.nullOnly());
        programs.add(NlmProgram.create());
        programs.add(NsmProgram.create());

        Dispatcher dispatcher = new Dispatcher(programs, ReplyCache.NONE, CallObserver.NONE);
        RpcServerConfig rpcConfig = RpcServerConfig.of(registration.portsToListenOn(config))
                .withWorkerThreads(config.workerThreads()).withMaxRecordSize(config.maxRecordSize());
        RpcServer rpc = new RpcServer(dispatcher, rpcConfig, CallObserver.NONE);
        try {
            for (InetAddress address : config.bind()) {
                rpc.listen(address);
            }
            registration.registerAll(config);
        } catch (IOException | RuntimeException e) {
            rpc.close();
            registration.close();
            throw e;
        }
        log.info("serving NFSv3 on port {}, MOUNT on {}, NLM on {}, NSM on {}; exports: {}", config.nfsPort(),
                config.mountPort(), config.nlmPort(), config.nsmPort(),
                config.exports().isEmpty() ? "none" : config.exports());
        return new HandoffServer(rpc, registration);
    }

    public RpcServer rpcServer() {
        return rpc;
    }

    @Override
    public void close() {
        log.info("stopping");
        registration.close();
        rpc.close();
        log.info("stopped");
    }
}
