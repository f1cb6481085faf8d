package dev.handoff.it.wire;

import com.emc.ecs.nfsclient.nfs.NfsCreateMode;
import com.emc.ecs.nfsclient.nfs.NfsSetAttributes;
import com.emc.ecs.nfsclient.nfs.NfsStatus;
import com.emc.ecs.nfsclient.rpc.AcceptStatus;
import com.emc.ecs.nfsclient.rpc.RpcException;
import dev.handoff.server.linux.Fd;
import dev.handoff.server.linux.KernelHandle;
import dev.handoff.server.linux.KernelHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Handles the server did not make or no longer honours (RFC 1813 §2.6 BADHANDLE, STALE): bytes changed on the
 * way, handles made by hand for a file outside every export, a removed file. Also records the handles that
 * the later phases (after a restart, after an exports reload) try again.
 */
final class HandleChecks {
    /** Handles the restart phase must find alive, by the name they are saved under. */
    static final String[] SAVED = {"root", "hello", "sub", "big", "symlink", "fifo", "data", "exclusive"};

    private HandleChecks() {
    }

    static void run(WireSession s) throws Exception {
        WireClient c = s.root();
        byte[] hello = c.walk(WireTree.HELLO);
        int length = hello.length;
        s.check("HANDLE.layout", () -> {
            // The hand-made handles below are only meaningful if everything but their MAC is well formed.
            byte[] key = kernelKey(s.tree().rw(WireTree.HELLO));
            int at = Handles.keyOffset();
            Expect.isTrue(length == at + key.length + Handles.MAC_BYTES
                    && Arrays.equals(key, Arrays.copyOfRange(hello, at, at + key.length)),
                    "handle of hello.txt " + Handles.hex(hello) + " does not wrap its kernel handle "
                            + Handles.hex(key));
            // With the server's own key from the state directory, the same layout must give the very same bytes.
            byte[] secret = Files.readAllBytes(s.tree().base().resolve("state").resolve("handle.key"));
            Expect.equal(Handles.hex(hello), Handles.hex(Handles.forge(Handles.exportId(hello),
                    ByteBuffer.wrap(key).getInt(), Arrays.copyOfRange(key, 4, key.length), secret)),
                    "hello.txt's handle rebuilt with the server's key");
            return length + " bytes: version, export id, kernel handle " + Handles.hex(key) + ", MAC as rebuilt";
        });
        badHandle(s, "flipped-version", Handles.flip(hello, 0));
        badHandle(s, "flipped-export-id", Handles.flip(hello, 2));
        badHandle(s, "flipped-key", Handles.flip(hello, Handles.keyOffset() + 5));
        badHandle(s, "flipped-mac", Handles.flip(hello, length - 1));
        badHandle(s, "truncated", Arrays.copyOf(hello, length - 1));
        badHandle(s, "empty", new byte[0]);
        byte[] outside = kernelKey(s.tree().export(WireTree.OUTSIDE).resolve(WireTree.SECRET));
        int type = ByteBuffer.wrap(outside).getInt();
        byte[] bytes = Arrays.copyOfRange(outside, 4, outside.length);
        badHandle(s, "outside-unsigned", Handles.unsigned(Handles.exportId(hello), type, bytes));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        badHandle(s, "outside-signed-with-another-key", Handles.forge(Handles.exportId(hello), type, bytes, otherKey));
        s.check("ERR.BADHANDLE.oversize-65-bytes", () -> {
            byte[] big = Arrays.copyOf(hello, 65);
            try {
                return ErrorChecks.status(c.getattr(big), NfsStatus.NFS3ERR_BADHANDLE, "GETATTR(65-byte handle)");
            } catch (RpcException e) {
                // nfs_fh3 is opaque<64> (§2.5): a longer one cannot even be decoded, and GARBAGE_ARGS says so.
                Expect.isTrue(e.getStatus() == AcceptStatus.fromValue(4), "GETATTR(65-byte handle): " + e.getMessage());
                return "GARBAGE_ARGS (fhandle3 is at most 64 bytes)";
            }
        });

        s.check("ERR.STALE.removed-file", () -> {
            byte[] fh = Expect.ok(c.create(NfsCreateMode.GUARDED, c.root(), "n-doomed", new NfsSetAttributes(), null),
                    "CREATE(n-doomed)").getFileHandle();
            c.attributes(fh, "n-doomed before REMOVE");
            Expect.ok(c.remove(c.root(), "n-doomed"), "REMOVE(n-doomed)");
            Expect.status(c.getattr(fh), NfsStatus.NFS3ERR_STALE, "GETATTR(handle of the removed n-doomed)");
            Expect.status(c.read(fh, 0, 10), NfsStatus.NFS3ERR_STALE, "READ(handle of the removed n-doomed)");
            Expect.status(c.setattr(fh, AttrChecks.sattr(0600L, null, null), null), NfsStatus.NFS3ERR_STALE,
                    "SETATTR(handle of the removed n-doomed)");
            return "GETATTR, READ, SETATTR: STALE";
        });

        s.check("HANDLE.saved-for-restart", () -> {
            WireState st = s.state();
            st.putHandle("root", c.root());
            st.putHandle("hello", hello);
            st.putHandle("sub", c.walk(WireTree.SUB));
            st.putHandle("big", c.walk(WireTree.BIG));
            for (String name : SAVED) {
                st.putLong("fileid." + name, c.attributes(st.handle(name), name).getFileid());
            }
            WireClient gone = s.mount(WireTree.GONE);
            st.putHandle("gone.root", gone.root());
            st.putHandle("gone.kept", gone.walk(WireTree.KEPT));
            return SAVED.length + " handles of rw and 2 of gone";
        });
    }

    private static void badHandle(WireSession s, String what, byte[] handle) {
        s.check("ERR.BADHANDLE." + what, () -> ErrorChecks.status(s.root().getattr(handle),
                NfsStatus.NFS3ERR_BADHANDLE, "GETATTR(" + what + " handle " + Handles.hex(handle) + ")"));
    }

    /** The server's inode key of a file: the kernel handle's type (int32) and bytes, from name_to_handle_at. */
    static byte[] kernelKey(Path file) throws Exception {
        KernelHandle h = KernelHandles.nameToHandleAt(Fd.CWD, file.toString().getBytes(StandardCharsets.UTF_8), 0)
                .handle();
        byte[] bytes = h.bytes().toByteArray();
        return ByteBuffer.allocate(4 + bytes.length).putInt(h.type()).put(bytes).array();
    }
}
