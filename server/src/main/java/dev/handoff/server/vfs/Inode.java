package dev.handoff.server.vfs;

import dev.handoff.rpc.xdr.Opaque;

/**
 * A file as a file system names it durably: the export it belongs to and an implementation-defined key (for the
 * local file system, the kernel's file handle), which must stay the same across restarts and on every node that
 * mounts the same storage. At most {@link #MAX_KEY} bytes so that a signed NFS handle fits in 64.
 */
public record Inode(int exportId, Opaque key) {
    public static final int MAX_KEY = 40;

    public Inode {
        if (key.length() > MAX_KEY) {
            throw new IllegalArgumentException("inode key of " + key.length() + " bytes exceeds " + MAX_KEY);
        }
    }
}
