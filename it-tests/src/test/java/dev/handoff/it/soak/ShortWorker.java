package dev.handoff.it.soak;

import dev.handoff.it.rpc.RecordSocket;
import java.io.IOException;
import java.time.Duration;

/**
 * Many short connections, as tools, automounters and clients that come and go make them. Each round opens a new
 * connection and does one of: MNT then UMNT on the MOUNT port (RFC 1813 §5.2.1, §5.2.3); NULL, GETATTR, LOOKUP
 * and READDIRPLUS of the export's root, closed with a FIN or an RST; a READDIRPLUS sent and the connection reset
 * before its reply (the client went away mid-call); half of a call's record and then a FIN (the server holds a
 * partial record when the peer leaves); a connection opened and closed with nothing said.
 */
final class ShortWorker implements Runnable {
    private static final int KINDS = 6;

    private final LoadContext ctx;
    private final int id;
    private final Duration pause;
    private int round;

    ShortWorker(LoadContext ctx, int id, Duration pause) {
        this.ctx = ctx;
        this.id = id;
        this.pause = pause;
    }

    @Override
    public void run() {
        while (!ctx.over()) {
            try {
                round(round++ % KINDS);
                ctx.pause(pause);
            } catch (IOException e) {
                ctx.counters().add("connect_failures");
                sleep();
            } catch (Exchange.Abandoned e) {
                sleep();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                ctx.counters().anomaly("errors", "short worker " + id + ": " + e);
                sleep();
            }
        }
    }

    private void round(int kind) throws IOException, InterruptedException, Exchange.Abandoned {
        SoakCalls c = ctx.calls();
        LoadCounters n = ctx.counters();
        if (kind == 0) {
            try (RecordSocket s = RecordSocket.connect(ctx.mount(), LoadContext.CONNECT)) {
                n.add("connects_short");
                Exchange.ok(ctx, s, "MNT", () -> c.mnt(ctx.export()));
                Exchange.ok(ctx, s, "UMNT", () -> c.umnt(ctx.export()));
            }
            return;
        }
        RecordSocket s = RecordSocket.connect(ctx.nfs(), LoadContext.CONNECT);
        n.add("connects_short");
        try {
            switch (kind) {
                case 1, 2 -> {
                    Exchange.ok(ctx, s, "NULL", c::nullCall);
                    Exchange.ok(ctx, s, "GETATTR", () -> c.getattr(ctx.root()));
                    Exchange.expect(ctx, s, "LOOKUP", 2, () -> c.lookup(ctx.root(), "absent-" + id));
                    Exchange.ok(ctx, s, "READDIRPLUS", () -> c.readdirplus(ctx.root(), 8192, 65536));
                }
                case 3 -> {
                    s.send(c.readdirplus(ctx.root(), 8192, 65536));
                    n.add("abandoned_calls");
                    s.reset();
                }
                case 4 -> {
                    byte[] call = c.getattr(ctx.root());
                    s.sendTruncated(call, call.length / 2);
                    n.add("truncated_calls");
                }
                default -> n.add("silent_connections");
            }
        } finally {
            if (kind == 2) {
                s.reset();
            } else {
                s.close();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
