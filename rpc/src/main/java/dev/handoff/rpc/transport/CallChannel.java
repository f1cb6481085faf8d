package dev.handoff.rpc.transport;

import dev.handoff.rpc.dispatch.Dispatcher;
import dev.handoff.rpc.dispatch.Peer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a TCP connection and a UDP socket share: calls are handed to worker threads, counted while in flight
 * until their reply is written, bounded per channel, and refused once the channel is quiescing. Quiescing stops
 * reading: what the peer sends afterwards stays unread in the socket and is never executed.
 * <p>
 * One exception to the hand-off: a record that arrives alone in a read, on a channel with nothing else in flight,
 * to a procedure the dispatcher allows ({@link Dispatcher#mayRunInline}), runs on the event loop at the end of
 * that read, while {@link InlineCallGuard} says the file system is quick. That is the call-and-wait pattern of
 * one process's metadata calls, where the two wake-ups of a hand-off would be most of the call's time; with
 * several records in a read the channel is busy, and workers run them side by side.
 * <p>
 * One socket read can hold many records, so the bound cannot rest on autoRead alone: records past the bound
 * wait in {@link #waiting} (at most one read's worth) while reading is paused, and start as calls finish.
 */
abstract class CallChannel extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(CallChannel.class);

    final ListenerGroup group;
    private final Dispatcher dispatcher;
    private final WorkerPool workers;
    /** Null when calls never run on the event loop. */
    private final InlineCallGuard inline;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean quiescing;
    volatile Channel channel;
    /** Records read but not yet started because the channel is at its bound; event-loop only. */
    private final java.util.ArrayDeque<Waiting> waiting = new java.util.ArrayDeque<>();

    /** The first record of the current read, kept to run inline should it stay the only one; event-loop only. */
    private Waiting held;

    private record Waiting(ByteBuf record, Peer peer, Consumer<ByteBuf> send) {
    }

    CallChannel(ListenerGroup group, Dispatcher dispatcher, WorkerPool workers, InlineCallGuard inline,
                int maxInFlight) {
        this.group = group;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.inline = inline;
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
        if (held != null) {
            waiting.addFirst(held);
            held = null;
        }
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
        Waiting first = held;
        if (first != null) {
            // A second record in the same read: the channel is busy, both go to workers, in order.
            held = null;
            enqueue(first.record(), first.peer(), first.send());
        } else if (inline != null && inFlight.get() == 0 && waiting.isEmpty() && inline.allowed(System.nanoTime())
                && dispatcher.mayRunInline(record)) {
            held = new Waiting(record, peer, send);
            return;
        }
        enqueue(record, peer, send);
    }

    /** Called on the event loop when a read has ended: a record it brought alone runs now, on this thread. */
    final void readComplete() {
        Waiting w = held;
        if (w == null) {
            return;
        }
        held = null;
        if (!take(w.record(), w.peer())) {
            return;
        }
        long start = System.nanoTime();
        ByteBuf reply = process(w.record(), w.peer());
        long end = System.nanoTime();
        if (inline.ran(start, end)) {
            log.info("calls on the event loops were slow (the last one, from {}, took {} ms; the file system is "
                    + "slow): calls go to worker threads for the next {} s", w.peer().remote(),
                    (end - start) / 1_000_000, InlineCallGuard.PAUSE.toSeconds());
        }
        reply(reply, w.send());
    }

    private void enqueue(ByteBuf record, Peer peer, Consumer<ByteBuf> send) {
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

    /**
     * Counts a call as taken, or drops it if the channel is quiescing. Counted first, checked second: a drain sets
     * the flag before it looks for calls in flight, so a call counted after that look sees the flag and is dropped,
     * and one counted before it is waited for.
     */
    private boolean take(ByteBuf record, Peer peer) {
        inFlight.incrementAndGet();
        group.callStarted();
        if (!quiescing) {
            return true;
        }
        record.release();
        group.observer().onDropped(peer, "address is draining");
        inFlight.decrementAndGet();
        group.callFinished();
        return false;
    }

    private void start(ByteBuf record, Peer peer, Consumer<ByteBuf> send) {
        if (!take(record, peer)) {
            return;
        }
        try {
            workers.execute(() -> run(record, peer, send));
        } catch (RejectedExecutionException e) {
            record.release();
            finished();
        }
    }

    private void run(ByteBuf record, Peer peer, Consumer<ByteBuf> send) {
        reply(process(record, peer), send);
    }

    /** Runs one call; releases its record. Null: no reply to send. */
    private ByteBuf process(ByteBuf record, Peer peer) {
        try {
            return dispatcher.process(record, peer, channel.alloc());
        } catch (RuntimeException | Error e) {
            log.error("call from {} failed outside its handler", peer.remote(), e);
            return null;
        } finally {
            record.release();
        }
    }

    private void reply(ByteBuf reply, Consumer<ByteBuf> send) {
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
