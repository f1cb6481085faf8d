package dev.handoff.it.limits;

import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs in the client namespace (two addresses, A and B) against {@code handoff serve} with small limits, meets
 * each limit over the wire and prints one {@code name=value} line per observation; at the end it saves the
 * server's /metrics. Every step opens its own connections and closes them, so the connection limits only bite
 * where they are meant to. Arguments: server address, A, B, export path, metrics URL, scrape file.
 */
public final class LimitsProbe {
    private static final PrintStream OUT = System.out;

    private final InetAddress server;
    private final InetAddress a;
    private final InetAddress b;
    private final String export;
    private int xid = 1;

    private LimitsProbe(String[] args) {
        server = InetAddress.ofLiteral(args[0]);
        a = InetAddress.ofLiteral(args[1]);
        b = InetAddress.ofLiteral(args[2]);
        export = args[3];
    }

    public static void main(String[] args) throws Exception {
        LimitsProbe probe = new LimitsProbe(args);
        probe.connections();
        probe.inFlight();
        probe.recordSize();
        Opaque root = probe.mount();
        probe.replyCache(root);
        probe.locksPerClient(root);
        try (DatagramSocket deadRpcbind = new DatagramSocket(new InetSocketAddress(probe.b, 111))) {
            // B's rpcbind takes the GETPORTs of the GRANTED callbacks and never answers: a client gone dark.
            probe.waitsAndCallbacks(root);
            Thread.sleep(1_000);
            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(args[4])).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Files.writeString(Path.of(args[5]), scrape);
        }
        OUT.println("done=1");
    }

    private InetSocketAddress nfs() {
        return new InetSocketAddress(server, 2049);
    }

    /** A connection that answers NULL, or null when the server reset it (at connect or at the first read). */
    private RpcConnection open(InetAddress from) {
        try {
            RpcConnection c = new RpcConnection(from, nfs());
            int id = xid++;
            if (c.call(LimitCalls.nullCall(id)).getInt(0) == id) {
                return c;
            }
            c.close();
        } catch (IOException refused) {
            // Reset: what a connection past a limit gets.
        }
        return null;
    }

    /** --max-connections 5, --max-connections-per-client 3: A gets three, B two, then both are refused. */
    private void connections() throws Exception {
        List<RpcConnection> open = new ArrayList<>();
        int fromA = 0;
        int fromB = 0;
        for (int i = 0; i < 4; i++) {
            RpcConnection c = open(a);
            if (c != null) {
                open.add(c);
                fromA++;
            }
        }
        for (int i = 0; i < 3; i++) {
            RpcConnection c = open(b);
            if (c != null) {
                open.add(c);
                fromB++;
            }
        }
        OUT.println("connections.a=" + fromA);
        OUT.println("connections.b=" + fromB);
        for (RpcConnection c : open) {
            c.close();
        }
        Thread.sleep(500);   // the server forgets closed connections as it notices them
    }

    /** --max-in-flight-per-connection 2: forty calls in one write are all answered, the connection paused between. */
    private void inFlight() throws IOException {
        try (RpcConnection c = new RpcConnection(a, nfs())) {
            byte[][] calls = new byte[40][];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = LimitCalls.nullCall(xid++);
            }
            c.send(calls);
            int answered = 0;
            for (int i = 0; i < calls.length; i++) {
                c.read();
                answered++;
            }
            OUT.println("inflight.answered=" + answered);
        }
    }

    /** --max-record-size 4096: a record announced at 8192 bytes ends the connection. */
    private void recordSize() throws IOException {
        try (RpcConnection c = new RpcConnection(a, nfs())) {
            c.sendRaw(ByteBuffer.allocate(1028).putInt(0x8000_0000 | 8192).array());
            OUT.println("record.closed=" + (c.closedByServer() ? 1 : 0));
        }
    }

    private Opaque mount() throws IOException {
        try (RpcConnection c = new RpcConnection(a, new InetSocketAddress(server, 20048))) {
            return LimitCalls.handle(c.call(LimitCalls.mnt(xid++, export)));
        }
    }

    private Opaque lookup(RpcConnection c, Opaque root, String name) throws IOException {
        return LimitCalls.handle(c.call(LimitCalls.lookup(xid++, root, name)));
    }

    /** --reply-cache-max-bytes 16384: 300 SETATTR replies (about 60 KiB) pass through the cache. */
    private void replyCache(Opaque root) throws IOException {
        try (RpcConnection c = new RpcConnection(a, nfs())) {
            Opaque fh = lookup(c, root, "drc-file");
            int ok = 0;
            for (int i = 0; i < 300; i++) {
                ok += LimitCalls.status(c.call(LimitCalls.setattrMode(xid++, fh))) == 0 ? 1 : 0;
            }
            OUT.println("drc.setattr.ok=" + ok);
        }
    }

    /** --max-locks-per-client 4: four separate ranges are granted, the fifth is DENIED_NOLOCKS. */
    private void locksPerClient(Opaque root) throws IOException {
        Opaque fh;
        try (RpcConnection c = new RpcConnection(a, nfs())) {
            fh = lookup(c, root, "lock-file");
        }
        try (RpcConnection nlm = new RpcConnection(a, new InetSocketAddress(server, 4045))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(LimitCalls.nlmStatus(nlm.call(LimitCalls.lock(xid++, "limits-a", fh, 1, i * 10L, 1,
                        false))));
            }
            OUT.println("locks.statuses=" + statuses.toString().replace(" ", ""));
            for (int i = 0; i < 4; i++) {
                nlm.call(LimitCalls.unlock(xid++, "limits-a", fh, 1, i * 10L, 1));
            }
        }
    }

    /**
     * --max-waits-per-client 6, --max-pending-callbacks 2: a holder on A takes the whole file; on B one client
     * queues six blocking locks (its seventh is DENIED_NOLOCKS), nine more clients six each, and B goes dark;
     * the holder's UNLOCK makes sixty GRANTED callbacks due at once, to clients that never answer.
     */
    private void waitsAndCallbacks(Opaque root) throws IOException {
        Opaque fh;
        try (RpcConnection c = new RpcConnection(a, nfs())) {
            fh = lookup(c, root, "wait-file");
        }
        try (RpcConnection holder = new RpcConnection(a, new InetSocketAddress(server, 4045));
             RpcConnection waiter = new RpcConnection(b, new InetSocketAddress(server, 4045))) {
            OUT.println("waits.holder=" + LimitCalls.nlmStatus(holder.call(
                    LimitCalls.lock(xid++, "limits-holder", fh, 1, 0, 0, false))));
            List<Integer> statuses = new ArrayList<>();
            for (int svid = 1; svid <= 7; svid++) {
                statuses.add(LimitCalls.nlmStatus(waiter.call(
                        LimitCalls.lock(xid++, "limits-dead", fh, svid, svid * 10L, 1, true))));
            }
            OUT.println("waits.statuses=" + statuses.toString().replace(" ", ""));
            int blocked = 0;
            for (int client = 1; client < 10; client++) {
                for (int svid = 1; svid <= 6; svid++) {
                    int status = LimitCalls.nlmStatus(waiter.call(LimitCalls.lock(xid++, "limits-dead-" + client, fh,
                            svid, client * 100L + svid * 10L, 1, true)));
                    blocked += status == LimitCalls.NLM_BLOCKED ? 1 : 0;
                }
            }
            OUT.println("waits.others.blocked=" + blocked);
            OUT.println("waits.unlock=" + LimitCalls.nlmStatus(holder.call(
                    LimitCalls.unlock(xid++, "limits-holder", fh, 1, 0, 0))));
        }
    }
}
