/**
 * Prometheus metrics of {@code handoff serve}: RPC calls by program, version, procedure and reply status
 * (RFC 5531 §9 accept_stat/reject_stat), NFSv3 status codes (RFC 1813 §2.6), bytes read and written,
 * connections and in-flight calls per address, the duplicate reply cache, and JVM/process metrics; served
 * with {@code /live} and {@code /ready} on the {@code --metrics} endpoint.
 *
 * <p>Calls are recorded on the RPC worker threads through {@link dev.handoff.rpc.dispatch.CallObserver};
 * gauges read the RPC server and the reply cache on the scrape thread. Label values come from bounded sets
 * only (table names, enum names, fixed reasons), never from what a client sent, so a hostile client cannot
 * grow the number of series.
 */
package dev.handoff.server.metrics;
