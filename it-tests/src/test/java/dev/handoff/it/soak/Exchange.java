package dev.handoff.it.soak;

import dev.handoff.it.rpc.RecordSocket;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * One call of the load and the status it must answer. NFS3ERR_JUKEBOX (RFC 1813 §2.6: "try again later") is
 * retried as a client does, since a node that just took a VIP over may hold calls back until the old owner has
 * finished; any other status than the expected one is an anomaly, and the caller's sequence stops there.
 */
final class Exchange {
    private static final int JUKEBOX_TRIES = 100;

    private Exchange() {
    }

    /** The step's sequence cannot go on (its reply said something unexpected); counted already. */
    static final class Abandoned extends Exception {
        Abandoned(String message) {
            super(message, null, false, false);
        }
    }

    static byte[] expect(LoadContext ctx, RecordSocket socket, String op, int expected, Supplier<byte[]> call)
            throws IOException, InterruptedException, Abandoned {
        for (int tries = 0; ; tries++) {
            byte[] reply = socket.call(call.get(), LoadContext.REPLY);
            int status = SoakReplies.status(reply);
            ctx.counters().answered(op);
            if (status == expected) {
                return reply;
            }
            if (status == SoakReplies.JUKEBOX && tries < JUKEBOX_TRIES) {
                ctx.counters().add("jukebox");
                Thread.sleep(100);
                continue;
            }
            ctx.counters().anomaly("unexpected_status", op + " answered " + status + " where " + expected
                    + " was expected");
            throw new Abandoned(op + " " + status);
        }
    }

    static byte[] ok(LoadContext ctx, RecordSocket socket, String op, Supplier<byte[]> call)
            throws IOException, InterruptedException, Abandoned {
        return expect(ctx, socket, op, SoakReplies.OK, call);
    }
}
