package dev.handoff.server.linux;

import dev.handoff.rpc.xdr.Opaque;
import java.util.Objects;

/**
 * A kernel file handle ({@code struct file_handle}, name_to_handle_at(2)): the file system's own type code and
 * opaque bytes that identify an inode across restarts of the server and, on a shared file system, across
 * nodes. It says nothing about which export it belongs to, and the kernel does not authenticate it: the NFS
 * handle wraps it with an export id and a MAC (DESIGN.md §4) before a client ever sees it.
 */
public record KernelHandle(int type, Opaque bytes) {
    /** MAX_HANDLE_SZ (linux/exportfs.h): the kernel refuses longer handles. */
    public static final int MAX_BYTES = 128;

    public KernelHandle {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() == 0 || bytes.length() > MAX_BYTES) {
            throw new IllegalArgumentException("kernel handle of " + bytes.length() + " bytes, want 1.." + MAX_BYTES);
        }
    }
}
