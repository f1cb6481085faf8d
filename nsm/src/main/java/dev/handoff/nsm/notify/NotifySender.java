package dev.handoff.nsm.notify;

import dev.handoff.nsm.state.NotifyTarget;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt to tell a peer that this server now has state number {@code state}: SM_NOTIFY to its statd
 * (XNFS chapter 11). The future completes when the peer acknowledged, and fails otherwise; with a
 * {@link StatdNotRegisteredException} when the peer's rpcbind knows no statd.
 */
@FunctionalInterface
public interface NotifySender {
    CompletableFuture<Void> send(NotifyTarget target, int state);
}
