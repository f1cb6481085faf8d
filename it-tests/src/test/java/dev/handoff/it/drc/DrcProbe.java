package dev.handoff.it.drc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.it.rpc.RecordSocket;
import dev.handoff.rpc.xdr.Opaque;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An NFS client for {@link ReplyCacheFailoverIT}, run inside the client's network namespace. It reads commands
 * on stdin, one a line, and answers each with one JSON line on stdout ({@code {"event": ...}}):
 *
 * <pre>
 *   mount PATH               MNT over TCP (any source port)             -> reply
 *   call OP ARGS...          a call on the NFS connection, reply read,
 *                            resent (same xid) until answered            -> reply
 *   send OP ARGS...          NULL answered, then a call sent and kept,
 *                            its reply NOT read                          -> sent {xid}
 *   unread MILLIS            waits until reply bytes sit unread          -> unread {bytes}
 *   retransmit SECONDS       RST, reconnect from the same address:port
 *                            and send the kept call again, byte for byte -> retransmitted {reply, timings}
 *   quit
 *   OP ARGS: GETATTR fh | LOOKUP dir name | CREATE dir name | CREATE_EXCLUSIVE dir name verf
 *            | MKDIR dir name | REMOVE dir name | RENAME fromdir from todir to      (handles in hex)
 * </pre>
 *
 * The NFS connection always comes from the fixed source address and port given on the command line, as a
 * Linux client's does.
 */
public final class DrcProbe {
    private static final int NFS_PORT = 2049;
    private static final int MOUNT_PORT = 20048;
    private static final Duration CONNECT_TRY = Duration.ofMillis(300);
    private static final Duration REPLY_WAIT = Duration.ofSeconds(20);
    /** A retransmission that meets a call still in progress is dropped; send it again after this long. */
    private static final Duration RESEND_AFTER = Duration.ofSeconds(2);

    private final ObjectMapper json = new ObjectMapper();
    private final InetSocketAddress source;
    private final InetSocketAddress nfs;
    private final InetSocketAddress mount;
    private int nextXid = ThreadLocalRandom.current().nextInt(1 << 30);
    private RecordSocket connection;
    private String keptOp;
    private byte[] kept;

    private DrcProbe(InetSocketAddress source, InetAddress server) {
        this.source = source;
        this.nfs = new InetSocketAddress(server, NFS_PORT);
        this.mount = new InetSocketAddress(server, MOUNT_PORT);
    }

    /** Arguments: source address, source port, server address. */
    public static void main(String[] args) throws Exception {
        DrcProbe probe = new DrcProbe(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])),
                InetAddress.getByName(args[2]));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        probe.print(Map.of("event", "ready"));
        for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
            try {
                probe.print(probe.run(line.trim().split("\\s+")));
            } catch (Exception e) {
                probe.print(Map.of("event", "error", "detail", e.toString()));
            }
        }
        probe.dropConnection();
    }

    private Map<String, Object> run(String[] words) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (words[0]) {
            case "mount" -> {
                try (RecordSocket s = RecordSocket.connect(new InetSocketAddress(source.getAddress(), 0), mount,
                        REPLY_WAIT)) {
                    s.send(Nfs3Calls.mnt(nextXid++, words[1]));
                    out.put("event", "reply");
                    out.put("reply", Nfs3Results.decode("MNT", expectReply(s)));
                }
            }
            case "call" -> {
                String op = replyOp(words[1]);
                out.put("event", "reply");
                out.put("reply", Nfs3Results.decode(op, exchange(encode(words), REPLY_WAIT).reply()));
            }
            case "send" -> {
                keptOp = replyOp(words[1]);
                kept = encode(words);
                // NULL first: the kept call must go out on a connection that works, or its reply never comes.
                exchange(Nfs3Calls.nullCall(nextXid++), REPLY_WAIT);
                connection.send(kept);
                out.put("event", "sent");
                out.put("xid", Nfs3Results.xid(kept));
            }
            case "unread" -> {
                long end = System.nanoTime() + Long.parseLong(words[1]) * 1_000_000;
                int bytes = connection.unread();
                while (bytes == 0 && System.nanoTime() < end) {
                    Thread.sleep(5);
                    bytes = connection.unread();
                }
                out.put("event", "unread");
                out.put("bytes", bytes);
            }
            case "retransmit" -> out.putAll(retransmit(Duration.ofSeconds(Long.parseLong(words[1]))));
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        }
        return out;
    }

    /** Resets the connection and sends the kept call again, as a Linux client does when its connection broke. */
    private Map<String, Object> retransmit(Duration limit) throws Exception {
        dropConnection();
        long start = System.currentTimeMillis();
        Exchange e = exchange(kept, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("event", "retransmitted");
        out.put("reply", Nfs3Results.decode(keptOp, e.reply()));
        out.put("startedAt", start);
        out.put("connectedAt", e.connectedAt() == 0 ? start : e.connectedAt());
        out.put("repliedAt", System.currentTimeMillis());
        out.put("connects", e.connects());
        out.put("sends", e.sends());
        return out;
    }

    /** A reply, when the first new connection was accepted (0: the open one served), and the effort. */
    private record Exchange(byte[] reply, long connectedAt, int connects, int sends) {
    }

    /**
     * Sends {@code record} until it is answered: on the open connection, else on a new one from the same address
     * and port as soon as one is accepted (nobody may hold the address yet, or a node holds it but does not
     * listen yet), and again after a while without a reply (a copy that met the call still in progress is
     * dropped).
     */
    private Exchange exchange(byte[] record, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        int connects = 0;
        int sends = 0;
        long connectedAt = 0;
        IOException last = null;
        while (System.nanoTime() < end) {
            try {
                if (connection == null) {
                    connects++;
                    connection = RecordSocket.connect(source, nfs, CONNECT_TRY);
                    connectedAt = connectedAt == 0 ? System.currentTimeMillis() : connectedAt;
                }
                connection.send(record);
                sends++;
                byte[] reply = connection.receive(RESEND_AFTER);
                // A late reply to an earlier call is not this one's answer.
                if (reply != null && Nfs3Results.xid(reply) == Nfs3Results.xid(record)) {
                    return new Exchange(reply, connectedAt, connects, sends);
                }
            } catch (IOException e) {
                last = e;
                dropConnection();
                Thread.sleep(100);
            }
        }
        throw new IOException("no reply within " + limit + " (" + connects + " connects, " + sends + " sends), last "
                + "error: " + last);
    }

    private byte[] encode(String[] w) {
        int xid = nextXid++;
        return switch (w[1]) {
            case "GETATTR" -> Nfs3Calls.getattr(xid, fh(w[2]));
            case "LOOKUP" -> Nfs3Calls.lookup(xid, fh(w[2]), w[3]);
            case "CREATE" -> Nfs3Calls.createUnchecked(xid, fh(w[2]), w[3]);
            case "CREATE_EXCLUSIVE" -> Nfs3Calls.createExclusive(xid, fh(w[2]), w[3], Opaque.ofHex(w[4]));
            case "MKDIR" -> Nfs3Calls.mkdir(xid, fh(w[2]), w[3]);
            case "REMOVE" -> Nfs3Calls.remove(xid, fh(w[2]), w[3]);
            case "RENAME" -> Nfs3Calls.rename(xid, fh(w[2]), w[3], fh(w[4]), w[5]);
            default -> throw new IllegalArgumentException("unknown operation " + w[1]);
        };
    }

    private static String replyOp(String op) {
        return op.equals("CREATE_EXCLUSIVE") ? "CREATE" : op;
    }

    private static Opaque fh(String hex) {
        return Opaque.ofHex(hex);
    }

    private static byte[] expectReply(RecordSocket s) throws IOException {
        byte[] reply = s.receive(REPLY_WAIT);
        if (reply == null) {
            throw new IOException("no reply within " + REPLY_WAIT);
        }
        return reply;
    }

    private void dropConnection() {
        if (connection != null) {
            connection.reset();
            connection = null;
        }
    }

    private void print(Map<String, Object> event) throws IOException {
        System.out.println(json.writeValueAsString(event));
        System.out.flush();
    }
}
