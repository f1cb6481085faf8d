package dev.handoff.nlm.state;

import dev.handoff.rpc.xdr.Opaque;
import java.time.Instant;
import java.util.Objects;

/**
 * A blocked LOCK request (NLM {@code block = true} that could not be granted at once), queued on its file in arrival
 * order.
 *
 * @param cookie the cookie the NLM_GRANTED callback will carry. The edge makes it unique (lockd uses a server
 *     counter rather than the client's LOCK cookie) because GRANTED_RES carries nothing else to find the grant by
 * @param replyTo where the edge sends the callback (it encodes the client's address and NLM version here), stored
 *     with the wait so that any node holding the shared table can send it
 * @param queuedAt when the request first arrived; a retransmission keeps the original place and time
 */
public record Waiter(RangeLock lock, Opaque cookie, Opaque replyTo, Instant queuedAt) {
    /** NLM_MAXCOOKIELEN: the Linux client refuses longer GRANTED cookies. */
    public static final int MAX_COOKIE_LENGTH = 32;
    public static final int MAX_REPLY_TO_LENGTH = 512;

    public Waiter {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(cookie, "cookie");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(queuedAt, "queuedAt");
        check(cookie, replyTo);
    }

    static void check(Opaque cookie, Opaque replyTo) {
        if (cookie.length() == 0 || cookie.length() > MAX_COOKIE_LENGTH) {
            throw new IllegalArgumentException("grant cookie of " + cookie.length() + " bytes, want 1.."
                    + MAX_COOKIE_LENGTH);
        }
        if (replyTo.length() > MAX_REPLY_TO_LENGTH) {
            throw new IllegalArgumentException("replyTo of " + replyTo.length() + " bytes exceeds "
                    + MAX_REPLY_TO_LENGTH);
        }
    }

    public String client() {
        return lock.client();
    }
}
