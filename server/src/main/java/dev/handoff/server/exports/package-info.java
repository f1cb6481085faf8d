/**
 * The exports table: which clients may use which exported directory, with which options.
 *
 * <p>The file syntax is Linux's {@code /etc/exports} (exports(5) of nfs-utils): one export per logical line,
 * {@code /path [-defaults] client(options) ...}; clients are a single host (name or address), an IP network
 * ({@code address/prefix} or {@code address/netmask}, IPv4 or IPv6), a host-name wildcard or {@code *}.
 * Netgroups and RPCSEC_GSS pseudo-clients are refused with the file and line, so a table is never silently
 * narrower than the file. {@link dev.handoff.server.exports.ExportsParser} is pure (text in, table or errors
 * out); {@link dev.handoff.server.exports.Exports} reads files and swaps the table atomically on reload,
 * keeping the old one when the new file has errors.
 *
 * <p>Unlike MOUNT-time checks (RFC 1813 appendix I), the table is consulted on every NFS call, with the
 * caller's address: a client that lost access, or whose packets come from a non-privileged port, is refused
 * even if it mounted earlier. Decisions are made on the calling thread; host-name rules may consult DNS
 * through the injected {@link dev.handoff.server.exports.HostResolver}, so call them off the event loop.
 */
package dev.handoff.server.exports;
