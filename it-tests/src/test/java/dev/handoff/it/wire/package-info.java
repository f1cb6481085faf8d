/**
 * Wire-level checks of every NFSv3 procedure (RFC 1813 §3.3.0 to §3.3.21) and of the errors of §2.6, sent by an
 * independent client implementation (com.emc.ecs:nfs-client, its own XDR and RPC code) to a real
 * {@code ./handoff serve} in a private network namespace.
 *
 * <p>The library always asks portmap on port 111 of the server, so the client runs inside the namespace too:
 * {@link dev.handoff.it.wire.Nfs3WireIT} makes the file tree and the namespace, starts the server, and runs
 * {@link dev.handoff.it.wire.Nfs3WireChecks} there once per phase (before a restart, after it, after an exports
 * reload). That program prints one {@link dev.handoff.it.wire.CheckLine} per check; the IT asserts that each
 * passed. Side effects are verified on the exported file system directly, not only through the client.
 */
package dev.handoff.it.wire;
