package dev.handoff.rpc.transport;

import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a TCP connection and a UDP socket share: calls are handed to worker threads (never run on the event
 * loop), counted while in flight until their reply is written, bounded per channel, and refused once the
 * channel is quiescing. Quiescing stops reading: what the peer sends afterwards stays unread in the socket and
 * is never executed.
 * <p>
 * One socket read can hold many records, so the bound cannot rest on autoRead alone: records past the bound
 * wait in {@link #waiting} (at most one read's worth) while reading is paused, and start as calls finish.
 */
abstract class CallChannel extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(CallChannel.class);

    final ListenerGroup group;
    private final Dispatcher dispatcher;
    private final Executor workers;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean quiescing;
    volatile Channel channel;
    /** Records read but not yet started because the channel is at its bound; event-loop only. */
    private final java.util.ArrayDeque<Waiting> waiting = new java.util.ArrayDeque<>();

    private record Waiting(ByteBuf record, Peer peer, Consumer<ByteBuf> send) {
    }

    CallChannel(ListenerGroup group, Dispatcher dispatcher, Executor workers, int maxInFlight) {
        this.group = group;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.maxInFlight = maxInFlight;
    }

    int inFlight() {
        return inFlight.get();
    }

    boolean isQuiescing() {
        return quiescing;
    }

    /** Stops taking requests on this channel; calls already taken still run and reply. */
    void quiesce() {
        quiescing = true;
        Channel ch = channel;
        if (ch != null) {
            ch.eventLoop().execute(() -> {
                ch.config().setAutoRead(false);
                dropWaiting("address is draining");
            });
        }
    }

    private void dropWaiting(String reason) {
        Waiting w;
        while ((w = waiting.poll()) != null) {
            w.record().release();
            group.observer().onDropped(w.peer(), reason);
        }
    }

    /** Called on the event loop with one whole record; takes ownership of it. */
    final void submit(ByteBuf record, Peer peer, Consumer<ByteBuf> send) {
        if (quiescing) {
            record.release();
            group.observer().onDropped(peer, "address is draining");
            return;
        }
        if (inFlight.get() >= maxInFlight || !waiting.isEmpty()) {
            if (waiting.isEmpty()) {
                group.limitCounts().inFlightReached();
            }
            channel.config().setAutoRead(false);
            waiting.add(new Waiting(record, peer, send));
            return;
        }
        start(record, peer, send);
    }

    private void start(ByteBuf record, Peer peer, Consumer<ByteBuf> send) {
        inFlight.incrementAndGet();
        group.callStarted();
        try {
            workers.execute(() -> run(record, peer, send));
        } catch (RejectedExecutionException e) {
            record.release();
            finished();
        }
    }

    private void run(ByteBuf record, Peer peer, Consumer<ByteBuf> send) {
        ByteBuf reply = null;
        try {
            reply = dispatcher.process(record, peer, channel.alloc());
        } catch (RuntimeException | Error e) {
            log.error("call from {} failed outside its handler", peer.remote(), e);
        } finally {
            record.release();
        }
        if (reply == null) {
            finished();
        } else {
            send.accept(reply);
        }
    }

    /** The call's reply has been written (or there was none to write). */
    final void finished() {
        inFlight.decrementAndGet();
        Channel ch = channel;
        if (ch.eventLoop().inEventLoop()) { // a written reply's listener: no task needed
            resumeAfterFinish(ch);
            group.callFinished();
            return;
        }
        try {
            ch.eventLoop().execute(() -> resumeAfterFinish(ch));
        } catch (RejectedExecutionException shuttingDown) {
            // The server is stopping; nothing waits for this channel any more.
        }
        group.callFinished();
    }

    private void resumeAfterFinish(Channel ch) {
        if (quiescing) {
            dropWaiting("address is draining");
            return;
        }
        while (!waiting.isEmpty() && inFlight.get() < maxInFlight) {
            Waiting w = waiting.poll();
            start(w.record(), w.peer(), w.send());
        }
        if (waiting.isEmpty() && !ch.config().isAutoRead()) {
            ch.config().setAutoRead(true);
        }
    }

    /** The channel closed: records that never started are released. */
    final void closed() {
        dropWaiting("connection closed");
    }
}
