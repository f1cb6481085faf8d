package dev.handoff.server.vfs.local;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.linux.Errno;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.KernelHandle;
import dev.handoff.server.vfs.Inode;
import java.nio.ByteBuffer;

/**
 * The {@link Inode#key()} of the local file system: the kernel handle's type (4 bytes, big-endian) followed by
 * the handle's bytes (name_to_handle_at(2)). Both halves are needed to open the handle again, and neither
 * depends on the node or the boot, so the key survives restarts and failover to a node mounting the same
 * storage (DESIGN.md §4).
 */
final class InodeKeys {
    static final int TYPE_BYTES = 4;
    /** The longest kernel handle that still fits an inode key. */
    static final int MAX_HANDLE_BYTES = Inode.MAX_KEY - TYPE_BYTES;

    private InodeKeys() {
    }

    /** EOVERFLOW when the file system's handle is too long for a 64-byte NFS handle. */
    static Opaque encode(KernelHandle handle) throws ErrnoException {
        byte[] bytes = handle.bytes().toByteArray();
        if (bytes.length > MAX_HANDLE_BYTES) {
            throw new ErrnoException(Errno.EOVERFLOW, "name_to_handle_at");
        }
        return Opaque.copyOf(ByteBuffer.allocate(TYPE_BYTES + bytes.length).putInt(handle.type()).put(bytes).array());
    }

    /** ESTALE for a key that cannot be one of ours: no file can be found with it. */
    static KernelHandle decode(Opaque key) throws ErrnoException {
        if (key.length() <= TYPE_BYTES || key.length() > Inode.MAX_KEY) {
            throw new ErrnoException(Errno.ESTALE, "open_by_handle_at");
        }
        ByteBuffer b = ByteBuffer.wrap(key.toByteArray());
        int type = b.getInt();
        return new KernelHandle(type, Opaque.copyOf(b.array(), TYPE_BYTES, key.length() - TYPE_BYTES));
    }
}
