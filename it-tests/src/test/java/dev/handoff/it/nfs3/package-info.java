/**
 * NFSv3 and MOUNT (RFC 1813) served by {@code ./handoff serve}, driven by real clients: Debian's libnfs tools
 * in a network namespace ({@link dev.handoff.it.nfs3.LibnfsIT}) and the Linux kernel client under qemu
 * ({@link dev.handoff.it.nfs3.KernelClientNfsIT}, guest tests {@code admin} and {@code restart-rw} in
 * it-tests/kernel-client/guest/tests). Both include a server killed with SIGKILL and restarted on the same state
 * directory, which file handles must survive. Everything runs on the test's own thread.
 */
package dev.handoff.it.nfs3;
