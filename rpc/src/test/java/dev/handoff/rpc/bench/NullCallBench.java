package dev.handoff.rpc.bench;

import dev.handoff.rpc.cache.ReplyCache;
import dev.handoff.rpc.dispatch.CallObserver;
import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Procedure;
import dev.handoff.rpc.dispatch.ProgramVersion;
import dev.handoff.rpc.dispatch.RpcProgram;
import dev.handoff.rpc.transport.RpcServer;
import dev.handoff.rpc.transport.RpcServerConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * NULL-call round trips per second over one TCP connection with a fixed number of calls in flight.
 * The client is plain blocking sockets (one writer, one reader), so it shares nothing with the server's codecs.
 * Usage: {@code NullCallBench [host:port] [inFlight] [seconds] [rounds]}; without host:port it starts an
 * in-process Handoff RPC server on loopback. bench/null-rpc.sh runs it against Handoff and the system rpcbind.
 */
public final class NullCallBench {
    public static void main(String[] args) throws Exception {
        String target = args.length > 0 ? args[0] : "self";
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int program = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        int version = args.length > 5 ? Integer.parseInt(args[5]) : 2;

        RpcServer server = null;
        InetSocketAddress address;
        if (target.equals("self")) {
            RpcProgram p = new RpcProgram(program, "bench", List.of(new ProgramVersion(version,
                    List.of(Procedure.nullProcedure()))));
            server = new RpcServer(new Dispatcher(List.of(p), ReplyCache.NONE, CallObserver.NONE),
                    RpcServerConfig.of(List.of(0)), CallObserver.NONE);
            address = server.listen(InetAddress.getLoopbackAddress()).tcpEndpoints().getFirst();
        } else {
            int colon = target.lastIndexOf(':');
            address = new InetSocketAddress(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        }
        try {
            run(address, inFlight, 1, program, version); // warm-up
            double[] rates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                rates[r] = run(address, inFlight, seconds, program, version);
                System.out.printf("round %d: %.0f calls/s%n", r + 1, rates[r]);
            }
            Arrays.sort(rates);
            System.out.printf("RESULT target=%s in_flight=%d median_calls_per_s=%.0f min=%.0f max=%.0f%n",
                    target, inFlight, rates[rounds / 2], rates[0], rates[rounds - 1]);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    static double run(InetSocketAddress address, int inFlight, int seconds, int program, int version)
            throws Exception {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(address, 2000);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 64 * 1024));
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 64 * 1024));
            Semaphore window = new Semaphore(inFlight);
            AtomicLong replies = new AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Throwable> errors = new ArrayList<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                try {
                    while (true) {
                        int header = in.readInt();
                        in.skipNBytes(header & 0x7FFF_FFFF);
                        replies.incrementAndGet();
                        window.release();
                    }
                } catch (Exception e) {
                    // the socket closes at the end of the round
                }
            });
            long start = System.nanoTime();
            int xid = 0;
            while (System.nanoTime() < end) {
                window.acquire();
                out.writeInt(0x8000_0000 | 40);
                out.writeInt(++xid);
                out.writeInt(0);
                out.writeInt(2);
                out.writeInt(program);
                out.writeInt(version);
                out.writeInt(0);
                out.writeLong(0);
                out.writeLong(0);
                if (window.availablePermits() == 0) {
                    out.flush();
                }
            }
            out.flush();
            window.acquire(inFlight);
            double elapsed = (System.nanoTime() - start) / 1e9;
            s.close();
            reader.join();
            if (!errors.isEmpty()) {
                throw new IllegalStateException(errors.getFirst());
            }
            return replies.get() / elapsed;
        }
    }
}
