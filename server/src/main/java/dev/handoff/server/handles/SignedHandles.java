package dev.handoff.server.handles;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.nfs3.xdr.FileHandle3;
import dev.handoff.server.vfs.Inode;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NFS file handles: an {@link Inode} (export id + the file system's durable key) with a MAC under the cluster's
 * {@link HandleKey}, so a client cannot make up a handle for a file outside its export. Layout (≤ 64 bytes,
 * RFC 1813 NFS3_FHSIZE):
 * <pre>
 *   byte    version (1)
 *   int32   export id
 *   byte    key length n (≤ 40)
 *   n bytes key
 *   16      HMAC-SHA256(secret, everything before), truncated
 * </pre>
 * Nothing in it depends on the node or the boot, so a handle stays valid across restarts and on every node that
 * mounts the same storage.
 */
public final class SignedHandles {
    static final byte VERSION = 1;
    static final int MAC_LENGTH = 16;
    private static final int HEADER = 1 + 4 + 1;

    /**
     * One keyed MAC per thread: looking the algorithm up and keying it on every call cost more than the MAC
     * itself (a provider search and two extra hash blocks). A Mac is reset by doFinal, ready for the next handle.
     */
    private final ThreadLocal<Mac> macs;

    public SignedHandles(HandleKey key) {
        SecretKeySpec spec = new SecretKeySpec(key.secret(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(spec);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    public FileHandle3 toHandle(Inode inode) {
        byte[] k = inode.key().toByteArray();
        ByteBuffer b = ByteBuffer.allocate(HEADER + k.length + MAC_LENGTH);
        b.put(VERSION).putInt(inode.exportId()).put((byte) k.length).put(k);
        b.put(mac(b.array(), HEADER + k.length), 0, MAC_LENGTH);
        return new FileHandle3(Opaque.copyOf(b.array()));
    }

    /** The inode a handle names; throws when the handle is malformed or not signed by our key. */
    public Inode toInode(FileHandle3 handle) throws BadHandleException {
        byte[] h = handle.bytes().toByteArray();
        if (h.length < HEADER + MAC_LENGTH || h[0] != VERSION) {
            throw new BadHandleException("handle of " + h.length + " bytes is not one of ours");
        }
        int keyLength = h[5] & 0xFF;
        if (keyLength > Inode.MAX_KEY || h.length != HEADER + keyLength + MAC_LENGTH) {
            throw new BadHandleException("handle length does not match its key length");
        }
        byte[] expected = mac(h, HEADER + keyLength);
        byte[] actual = java.util.Arrays.copyOfRange(h, HEADER + keyLength, h.length);
        if (!MessageDigest.isEqual(java.util.Arrays.copyOf(expected, MAC_LENGTH), actual)) {
            throw new BadHandleException("handle signature does not verify");
        }
        int exportId = ByteBuffer.wrap(h, 1, 4).getInt();
        return new Inode(exportId, Opaque.copyOf(h, HEADER, keyLength));
    }

    private byte[] mac(byte[] data, int length) {
        Mac m = macs.get();
        m.update(data, 0, length);
        return m.doFinal();
    }

    /** A handle that we did not make, or that was changed on the way (NFS3ERR_BADHANDLE). */
    public static final class BadHandleException extends Exception {
        public BadHandleException(String message) {
            super(message, null, false, false);
        }
    }
}
