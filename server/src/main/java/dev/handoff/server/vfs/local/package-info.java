/**
 * The local-file-system {@link dev.handoff.server.vfs.Vfs}: {@link dev.handoff.server.vfs.local.LocalVfs}
 * serves one exported directory over the Linux native layer ({@code dev.handoff.server.linux}), with inode
 * keys made of kernel file handles so that NFS handles survive restarts and failover (DESIGN.md §4; RFC 1813
 * §3.3 for each procedure's semantics).
 *
 * <p>Roles: {@code ExportRoot} turns keys into descriptors and names into keys and holds the containment
 * rules; {@code NewFiles}, {@code FileIo}, {@code AttributeChanger}, {@code DirectoryReader} and
 * {@code AccessCheck} carry out one group of procedures each on a descriptor; {@code LocalVfs} resolves,
 * switches identity, delegates and maps errors, in one place.
 *
 * <p>Threads: stateless apart from the export root's descriptor, so one instance serves all worker threads
 * at once. Every call must come from a platform thread running as the server (the per-thread identity switch
 * of {@code ThreadIdentity} cannot follow a virtual thread between carriers). The server needs
 * CAP_DAC_READ_SEARCH (open_by_handle_at) and CAP_SETUID/CAP_SETGID (identity switch); without them calls fail
 * with EPERM instead of running as the server.
 */
package dev.handoff.server.vfs.local;
