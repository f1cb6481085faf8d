/**
 * Hostile clients against a real {@code ./handoff serve}: {@link dev.handoff.it.hostile.HostileClientIT} starts
 * the server and the client namespace, {@link dev.handoff.it.hostile.HostileChecks} runs the checks from there
 * with hand-encoded RPC records (RFC 5531; NFSv3 and MOUNT of RFC 1813; NLM and NSM of X/Open XNFS chapters 10
 * and 11). docs/testing.md, "Hostile clients", lists what is checked.
 */
package dev.handoff.it.hostile;
