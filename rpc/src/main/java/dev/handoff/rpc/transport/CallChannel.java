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
            ch.eventLoop().execute(() -> ch.config().setAutoRead(false));
        }
    }

    /** Called on the event loop with one whole record; takes ownership of it. */
    final void submit(ByteBuf record, Peer peer, Consumer<ByteBuf> send) {
        if (quiescing) {
            record.release();
            group.observer().onDropped(peer, "address is draining");
            return;
        }
        if (inFlight.incrementAndGet() >= maxInFlight) {
            channel.config().setAutoRead(false);
        }
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
        int now = inFlight.decrementAndGet();
        if (!quiescing && now < maxInFlight) {
            Channel ch = channel;
            ch.eventLoop().execute(() -> {
                if (!quiescing && !ch.config().isAutoRead()) {
                    ch.config().setAutoRead(true);
                }
            });
        }
        group.callFinished();
    }
}
