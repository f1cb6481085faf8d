/**
 * ONC RPC version 2 message headers (RFC 5531 §9): call headers with their credential and verifier (§8.2,
 * at most 400 bytes each; AUTH_NONE and AUTH_SYS of appendix A), and every kind of reply, accepted (§9
 * accept_stat) or denied (RPC_MISMATCH, AUTH_ERROR). Stateless; the codec methods are pure functions of
 * their buffers.
 */
package dev.handoff.rpc.message;
