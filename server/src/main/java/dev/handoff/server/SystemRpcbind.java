package dev.handoff.server;

import dev.handoff.rpc.client.PortMapperClient;
import dev.handoff.rpc.client.RpcClient;
import dev.handoff.rpc.client.RpcClientOptions;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.rpcbind.RpcbindProgram;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Registration with a system rpcbind that already owns the port (rpcbind accepts SET only from loopback).
 * Our programs are unregistered again on stop, so a restarted Handoff finds the table clean.
 */
final class SystemRpcbind implements PortRegistration {
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    private final int port;
    private final List<PortRegistration.Mapping> registered = new ArrayList<>();

    SystemRpcbind(int port) {
        this.port = port;
    }

    /** True when something answers rpcbind's NULL procedure on loopback at {@code port}. */
    static boolean answersOn(int port) {
        RpcClientOptions probe = RpcClientOptions.defaults().withTimeout(PROBE_TIMEOUT).withRetries(0);
        try (RpcClient c = RpcClient.tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), probe)) {
            c.ping(RpcbindProgram.PROGRAM, RpcbindProgram.PMAP_VERSION).get(2, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private PortMapperClient client() throws IOException {
        return new PortMapperClient(RpcClient.udp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                RpcClientOptions.defaults().withTimeout(Duration.ofSeconds(1))));
    }

    @Override
    public List<RpcProgram> programs() {
        return List.of();
    }

    @Override
    public List<Integer> portsToListenOn(ServerConfig config) {
        return config.ports().stream().filter(p -> p != port).toList();
    }

    @Override
    public void registerAll(ServerConfig config) throws IOException {
        try (PortMapperClient pmap = client()) {
            for (PortRegistration.Mapping m : PortRegistration.mappings(config)) {
                // A stale entry from an earlier run would make SET fail; UNSET first, as rpc.statd does.
                if (registered.stream().noneMatch(r -> r.program() == m.program() && r.version() == m.version())) {
                    pmap.unset(m.program(), m.version()).get(5, TimeUnit.SECONDS);
                }
                if (!pmap.set(m.program(), m.version(), m.transport(), m.port()).get(5, TimeUnit.SECONDS)) {
                    throw new IOException("the system rpcbind on port " + port + " refused to register program "
                            + m.program() + " version " + m.version() + " " + m.transport().netid
                            + "; stop it or start Handoff with --rpcbind-port 0");
                }
                registered.add(m);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("registering with the system rpcbind on port " + port + " failed: "
                    + e.getMessage() + "; stop it or start Handoff with --rpcbind-port 0", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while registering with rpcbind", e);
        }
    }

    @Override
    public void close() {
        if (registered.isEmpty()) {
            return;
        }
        try (PortMapperClient pmap = client()) {
            for (PortRegistration.Mapping m : registered) {
                pmap.unset(m.program(), m.version()).get(2, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("could not unregister from the system rpcbind on port {}: {}", port, e.toString());
        }
        registered.clear();
    }
}
