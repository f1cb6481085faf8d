/**
 * The Linux native layer under the local-file-system VFS, bound with the FFM API (java.lang.foreign; no JNI,
 * no extra libraries). DESIGN.md §4: NFS file handles are built from kernel handles
 * ({@link dev.handoff.server.linux.KernelHandles}); every call works on descriptors with the *at() calls
 * ({@link dev.handoff.server.linux.LinuxFs}, {@link dev.handoff.server.linux.LinuxAttrs},
 * {@link dev.handoff.server.linux.LinuxIo}, {@link dev.handoff.server.linux.DirStream}); and the kernel
 * judges permissions as the AUTH_SYS caller through a per-thread fsuid/fsgid/groups switch
 * ({@link dev.handoff.server.linux.ThreadIdentity}). Failures are checked
 * {@link dev.handoff.server.linux.ErrnoException}s carrying errno, captured with
 * {@code Linker.Option.captureCallState("errno")}. Names and link targets stay bytes, as the kernel has them.
 *
 * <p>Capabilities each call needs, beyond ordinary permission checks:
 * <pre>
 *   open_by_handle_at                    CAP_DAC_READ_SEARCH (lost while fsuid != 0)
 *   name_to_handle_at, statx, openat...  none
 *   setfsuid / setfsgid / setgroups      CAP_SETUID / CAP_SETGID (ThreadIdentity)
 *   mknodat of a device                  CAP_MKNOD (FIFOs and sockets need none)
 *   fchownat to another owner            CAP_CHOWN
 *   fchmod(at), utimensat (given times)  owner, or CAP_FOWNER
 *   linkat with AT_EMPTY_PATH            CAP_DAC_READ_SEARCH, or (Linux 6.10+) an fd opened with the
 *                                        caller's credentials; LinuxFs.linkFd falls back to /proc/self/fd
 *   capget                               none
 * </pre>
 * The file-system capabilities (CHOWN, DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, FSETID, MKNOD, ...) leave a
 * thread's effective set while its fsuid is not 0, and come back when it returns to 0.
 *
 * <p>Threads: every class here is stateless and thread-safe except {@link dev.handoff.server.linux.DirStream}
 * (one thread) and {@link dev.handoff.server.linux.ThreadIdentity} (the platform thread that switched).
 * Only x86_64 and aarch64 Linux with glibc 2.33 or later (mknodat, statx, renameat2, getdents64 symbols).
 */
package dev.handoff.server.linux;
