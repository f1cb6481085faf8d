package dev.handoff.cluster.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports free on an address right now, picked by the kernel: other builds on this machine run the same tests at
 * the same time, so fixed ports would collide.
 */
public final class FreePorts {
    private FreePorts() {
    }

    public static List<Integer> on(InetAddress address, int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket();
                s.bind(new InetSocketAddress(address, 0), 1);
                sockets.add(s);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a port left bound is one the test fails to bind, and says so then
                }
            }
        }
    }
}
