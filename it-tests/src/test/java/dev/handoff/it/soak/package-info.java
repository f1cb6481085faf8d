/**
 * Soak (issue 9): hours of mixed load on one node and on a cluster whose VIP moves every minute, with the
 * server's live heap, descriptors and threads looked at from outside and judged flat. {@link
 * dev.handoff.it.soak.SoakIT} owns the servers, the samplers and the moves on the test thread; the load is
 * {@link dev.handoff.it.soak.SoakLoad}, a separate JVM in the client's network namespace whose threads speak
 * MOUNT v3, NFSv3 and NLM v4 (RFC 1813) over raw sockets, plus the libnfs tools for a second, independent client.
 * {@link dev.handoff.it.soak.Flatness} is the pure judgement, tested on its own.
 */
package dev.handoff.it.soak;
