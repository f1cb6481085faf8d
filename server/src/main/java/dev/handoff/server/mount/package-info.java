/**
 * The MOUNT program (100005): version 3 of RFC 1813 appendix I and version 1 of RFC 1094 appendix A, which
 * Linux's {@code mount.nfs} (MNT, UMNT) and {@code showmount} (EXPORT, DUMP) use. {@link
 * dev.handoff.server.mount.MountProgram} is the dispatch table, {@link dev.handoff.server.mount.MountHandlers}
 * the procedures' logic, {@link dev.handoff.server.mount.MountList} the list of mounts DUMP reports; the codecs
 * are in {@code mount.xdr}.
 *
 * <p>MOUNT only hands out root handles; it grants nothing by itself. Every NFS call is judged again against the
 * exports table, so a client that mounted and then lost access is refused by NFS, and the mount list (which
 * clients keep accurate only as far as they bother to call UMNT) is informative, as RFC 1813 says it is.
 *
 * <p>Handlers run on worker threads: MNT may consult DNS (host-name client rules) and the file system.
 * {@link dev.handoff.server.mount.MountList} is the only shared mutable state, guarded by its own lock.
 */
package dev.handoff.server.mount;
