package dev.handoff.it.soak;

import dev.handoff.it.rpc.RecordSocket;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A long-lived client connection doing what an application on a mount does to its files, over and over: CREATE,
 * two WRITEs (UNSTABLE), COMMIT, READ (the bytes must be those written), GETATTR, LOOKUP, RENAME, READDIRPLUS of
 * the directory, REMOVE. The connection is kept for the whole run; when it breaks (a VIP move resets it) the
 * worker reconnects and starts a new round under new names, so a half-done round never counts as a wrong status.
 */
final class FileWorker implements Runnable {
    private static final int BLOCK = 4096;
    private static final Duration RECONNECT = Duration.ofMillis(200);

    private final LoadContext ctx;
    private final int id;
    private final Duration pause;
    private RecordSocket socket;
    private int round;

    FileWorker(LoadContext ctx, int id, Duration pause) {
        this.ctx = ctx;
        this.id = id;
        this.pause = pause;
    }

    @Override
    public void run() {
        while (!ctx.over()) {
            try {
                if (socket == null) {
                    socket = RecordSocket.connect(ctx.nfs(), LoadContext.CONNECT);
                    ctx.counters().add("connects_long");
                }
                round();
                ctx.pause(pause);
            } catch (IOException e) {
                ctx.counters().add("reconnects");
                drop();
                sleep(RECONNECT);
            } catch (Exchange.Abandoned e) {
                sleep(RECONNECT);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                ctx.counters().anomaly("errors", "file worker " + id + ": " + e);
                drop();
                sleep(RECONNECT);
            }
        }
        drop();
    }

    private void round() throws IOException, InterruptedException, Exchange.Abandoned {
        SoakCalls c = ctx.calls();
        Opaque dir = ctx.root();
        String name = "file-" + id + "-" + round++;
        String renamed = name + ".old";
        byte[] data = new byte[2 * BLOCK];
        ThreadLocalRandom.current().nextBytes(data);
        Opaque fh = SoakReplies.createdHandle(Exchange.ok(ctx, socket, "CREATE", () -> c.create(dir, name)));
        if (fh == null) {
            fh = SoakReplies.handle(Exchange.ok(ctx, socket, "LOOKUP", () -> c.lookup(dir, name)));
        }
        Opaque file = fh;
        Exchange.ok(ctx, socket, "WRITE", () -> c.write(file, 0, Arrays.copyOfRange(data, 0, BLOCK)));
        Exchange.ok(ctx, socket, "WRITE", () -> c.write(file, BLOCK, Arrays.copyOfRange(data, BLOCK, 2 * BLOCK)));
        Exchange.ok(ctx, socket, "COMMIT", () -> c.commit(file));
        byte[] read = SoakReplies.readData(Exchange.ok(ctx, socket, "READ", () -> c.read(file, 0, 2 * BLOCK)));
        if (!Arrays.equals(read, data)) {
            ctx.counters().anomaly("data_mismatches", name + ": READ gave " + (read == null ? -1 : read.length)
                    + " other bytes than the " + data.length + " written");
        }
        Exchange.ok(ctx, socket, "GETATTR", () -> c.getattr(file));
        Exchange.ok(ctx, socket, "LOOKUP", () -> c.lookup(dir, name));
        Exchange.ok(ctx, socket, "RENAME", () -> c.rename(dir, name, renamed));
        Exchange.ok(ctx, socket, "READDIRPLUS", () -> c.readdirplus(dir, 4096, 32768));
        Exchange.ok(ctx, socket, "REMOVE", () -> c.remove(dir, renamed));
    }

    private void drop() {
        if (socket != null) {
            socket.reset();
            socket = null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
