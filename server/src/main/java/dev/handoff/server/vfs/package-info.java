/**
 * The virtual file system SPI the NFS and MOUNT handlers are written against, so that they test without disks
 * (an in-memory implementation in tests) and the local file system ({@code LocalVfs}, over the kernel's own file
 * handles) lives behind it. Errors are Linux errno values ({@link dev.handoff.server.vfs.VfsException}); the NFS
 * layer maps them to nfsstat3 in one place. Calls that act for a client take the client's {@code Identity}, and
 * the implementation makes the kernel judge permissions with it. Called on worker (platform) threads.
 */
package dev.handoff.server.vfs;
