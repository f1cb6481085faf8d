package dev.handoff.server.metrics;

import dev.handoff.nlm.callback.RpcNlmCallbacks;
import dev.handoff.nlm.state.Transition;
import dev.handoff.nlm.state.TransitionCounters;
import dev.handoff.rpc.transport.LimitCounts;
import dev.handoff.server.ServerLimits;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.handoff.cluster.state.HazelcastReplyCache;
import dev.handoff.rpc.cache.LocalReplyCache;
import dev.handoff.rpc.cache.ReplyCache;

/**
 * One family for every bound on what clients can make the server hold: {@code handoff_limit_reached_events_total}
 * counts each time one was met, by {@code limit} (named after its {@code handoff serve} option), and
 * {@code handoff_limit_configured} says where each is set, so that an alert can compare use against it. The
 * counts come from the parts that enforce the limits; the lock limits are the lock manager's
 * {@code lock.no.locks}, {@code share.no.locks} and {@code lock.no.waits} transitions seen from here.
 *
 * <pre>
 *   limit                      reached when
 *   connections                a connection was reset: the server had --max-connections open
 *   connections_per_client     a connection was reset: its address had --max-connections-per-client open
 *   in_flight_per_connection   a connection stopped being read with --max-in-flight-per-connection calls running
 *   record_size                a record over --max-record-size (its TCP connection closed)
 *   reply_cache                a reply evicted from the duplicate reply cache before its time
 *   locks_per_client           LOCK or SHARE answered DENIED_NOLOCKS at --max-locks-per-client
 *   waits_per_client           a blocking LOCK answered DENIED_NOLOCKS at --max-waits-per-client
 *   pending_callbacks          an NLM callback not sent: --max-pending-callbacks were under way
 * </pre>
 */
final class LimitMetrics {
    private LimitMetrics() {
    }

    /**
     * Registers the series. Micrometer holds the sources of function counters weakly, so each source here is an
     * object the server keeps for its life (never a lambda made for the purpose, which would be collected and
     * freeze its counter).
     */
    static void bind(MeterRegistry registry, ServerLimits limits, LimitCounts rpc, ReplyCache replyCache,
                     TransitionCounters locks, RpcNlmCallbacks callbacks) {
        reached(registry, "connections", rpc, LimitCounts::connections);
        reached(registry, "connections_per_client", rpc, LimitCounts::connectionsPerClient);
        reached(registry, "in_flight_per_connection", rpc, LimitCounts::inFlightPerConnection);
        reached(registry, "record_size", rpc, LimitCounts::recordSize);
        reached(registry, "reply_cache", replyCache, LimitMetrics::evictions);
        reached(registry, "locks_per_client", locks,
                c -> c.get(Transition.LOCK_NO_LOCKS) + c.get(Transition.SHARE_NO_LOCKS));
        reached(registry, "waits_per_client", locks, c -> c.get(Transition.LOCK_NO_WAITS));
        reached(registry, "pending_callbacks", callbacks, RpcNlmCallbacks::dropped);

        configured(registry, "connections", limits.connections().total());
        configured(registry, "connections_per_client", limits.connections().perClient());
        configured(registry, "in_flight_per_connection", limits.maxInFlightPerConnection());
        configured(registry, "record_size", limits.maxRecordSize());
        configured(registry, "reply_cache_entries", limits.replyCacheMaxEntries());
        configured(registry, "reply_cache_bytes", limits.replyCacheMaxBytes());
        configured(registry, "locks_per_client", limits.maxLocksPerClient());
        configured(registry, "waits_per_client", limits.maxWaitsPerClient());
        configured(registry, "pending_callbacks", limits.maxPendingCallbacks());

        Gauge.builder("handoff.nlm.callbacks.outstanding", callbacks, RpcNlmCallbacks::outstanding)
                .baseUnit("callbacks")
                .description("NLM callbacks (GRANTED, _RES) queued or in flight to clients' lock managers; at most "
                        + "--max-pending-callbacks").register(registry);
    }

    private static long evictions(ReplyCache cache) {
        return switch (cache) {
            case LocalReplyCache local -> local.evictions();
            case HazelcastReplyCache shared -> shared.evictions();
            default -> 0;
        };
    }

    private static <T> void reached(MeterRegistry registry, String limit, T source,
                                    java.util.function.ToLongFunction<T> count) {
        FunctionCounter.builder("handoff.limit.reached", source, s -> count.applyAsLong(s)).baseUnit("events")
                .tag("limit", limit)
                .description("Times a client met one of the server's limits (connections reset, reading paused, "
                        + "record refused, reply evicted, DENIED_NOLOCKS, callback dropped), by limit")
                .register(registry);
    }

    private static void configured(MeterRegistry registry, String limit, long value) {
        Gauge.builder("handoff.limit.configured", () -> value).tag("limit", limit)
                .description("Where each limit is set (connections, calls, bytes, entries, locks, waits or "
                        + "callbacks, by limit), from the handoff serve options").register(registry);
    }
}
