package dev.handoff.it.hostile;

import static dev.handoff.it.hostile.HostileTree.LISTED;
import static dev.handoff.it.hostile.HostileTree.OTHER;

import dev.handoff.rpc.xdr.Opaque;
import dev.handoff.server.handles.HandleKey;
import dev.handoff.server.handles.SignedHandles;
import dev.handoff.server.vfs.Inode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forged and damaged file handles (DESIGN.md §4: a MAC under the cluster secret). Every variant of a valid
 * handle, on GETATTR, LOOKUP, READ, WRITE and READDIRPLUS, must answer BADHANDLE or STALE (a handle longer than
 * NFS3_FHSIZE may also be refused as GARBAGE_ARGS, RFC 1813 §2.5), never another file's data, and WRITE must
 * change nothing; a handle of an export the caller is not listed on answers ACCES or STALE; a handle signed
 * with another server's key answers BADHANDLE or STALE.
 */
final class HandleChecks {
    private static final Set<Integer> REFUSED = Set.of(Nfs.BADHANDLE, Nfs.STALE);

    private HandleChecks() {
    }

    static void run(Session s) throws Exception {
        Opaque root = s.root(LISTED, "a");
        Opaque hello;
        Opaque sub;
        try (RpcLink link = s.nfs(LISTED)) {
            Nfs nfs = new Nfs(link, Cred.ROOT);
            hello = Nfs.found(nfs.lookup(root, "hello.txt"), "LOOKUP hello.txt");
            sub = Nfs.found(nfs.lookup(root, "sub"), "LOOKUP sub");
        }
        Map<String, Opaque> variants = variants(hello);
        variants.putAll(prefixed("dir-", variants(sub)));
        s.checks().check("handle.tampered-variants", () -> tampered(s, variants));

        Opaque rootB = s.root(OTHER, "b");
        s.checks().check("handle.other-export-refused", () -> {
            try (RpcLink link = s.nfs(LISTED)) {
                Nfs nfs = new Nfs(link, Cred.ROOT);
                int getattr = nfs.getattr(rootB).status();
                int lookup = nfs.lookup(rootB, "b.txt").status();
                Checks.expect(Set.of(Nfs.ACCES, Nfs.STALE).containsAll(List.of(getattr, lookup)),
                        "export b's root handle used by %s (listed on a only): GETATTR %d, LOOKUP %d, want ACCES"
                                + " or STALE", LISTED, getattr, lookup);
                return "GETATTR " + getattr + ", LOOKUP " + lookup;
            }
        });
        s.checks().check("handle.other-server-key", () -> {
            Opaque forged = resigned(hello);
            try (RpcLink link = s.nfs(LISTED)) {
                Nfs nfs = new Nfs(link, Cred.ROOT);
                RpcReply read = nfs.read(forged, 100);
                Checks.expect(read.success() && REFUSED.contains(read.status()),
                        "hello.txt's handle signed with another --handle-key: READ %s, want BADHANDLE or STALE",
                        read);
                return "READ " + read;
            }
        });
    }

    /** Every call on every variant; the first few offenders are named. */
    private static String tampered(Session s, Map<String, Opaque> variants) throws Exception {
        List<String> offences = new ArrayList<>();
        DiskSnapshot before = DiskSnapshot.of(s.tree().base());
        int calls = 0;
        for (Map.Entry<String, Opaque> v : variants.entrySet()) {
            // A connection per variant: a server may close one on a handle it cannot even decode.
            try (RpcLink link = s.nfs(LISTED)) {
                Nfs nfs = new Nfs(link, Cred.ROOT);
                Opaque fh = v.getValue();
                Map<String, RpcReply> replies = new LinkedHashMap<>();
                replies.put("GETATTR", nfs.getattr(fh));
                replies.put("LOOKUP", replies.get("GETATTR").success() ? nfs.lookup(fh, "hello.txt") : null);
                replies.put("READ", replies.get("GETATTR").success() ? nfs.read(fh, 4096) : null);
                replies.put("WRITE", replies.get("GETATTR").success() ? nfs.write(fh, "evil".getBytes()) : null);
                replies.put("READDIRPLUS", replies.get("GETATTR").success() ? nfs.readdirplus(fh) : null);
                for (Map.Entry<String, RpcReply> r : replies.entrySet()) {
                    calls++;
                    if (r.getValue() != null && !refused(r.getValue(), fh)) {
                        offences.add(v.getKey() + " " + r.getKey() + " -> " + r.getValue());
                    }
                }
            }
        }
        DiskSnapshot after = DiskSnapshot.of(s.tree().base());
        Checks.expect(offences.isEmpty(), "%d of %d calls not refused with BADHANDLE/STALE: %s", offences.size(),
                calls, offences.subList(0, Math.min(8, offences.size())));
        Checks.expect(after.equals(before), "tampered handles changed the disk: %s", after.differences(before));
        return calls + " calls on " + variants.size() + " variants refused";
    }

    private static boolean refused(RpcReply r, Opaque fh) throws CheckFailed {
        if (r.outcome().equals("GarbageArgs") || r.outcome().equals("CLOSED")) {
            return fh.length() > 64;
        }
        return r.success() && REFUSED.contains(r.status());
    }

    static Map<String, Opaque> variants(Opaque fh) {
        byte[] b = fh.toByteArray();
        Map<String, Opaque> v = new LinkedHashMap<>();
        for (int i = 0; i < b.length; i++) {
            byte[] flipped = b.clone();
            flipped[i] ^= (byte) 0xff;
            v.put("flip" + i, Opaque.copyOf(flipped));
            byte[] low = b.clone();
            low[i] ^= 1;
            v.put("bit" + i, Opaque.copyOf(low));
        }
        for (int n = 0; n < b.length; n += 3) {
            v.put("cut" + n, Opaque.copyOf(Arrays.copyOf(b, n)));
        }
        v.put("cut" + (b.length - 1), Opaque.copyOf(Arrays.copyOf(b, b.length - 1)));
        v.put("extended", Opaque.copyOf(Arrays.copyOf(b, b.length + 1)));
        v.put("padded64", Opaque.copyOf(Arrays.copyOf(b, 64)));
        v.put("long65", Opaque.copyOf(Arrays.copyOf(b, 65)));
        v.put("long128", Opaque.copyOf(Arrays.copyOf(b, 128)));
        v.put("zero", Opaque.EMPTY);
        return v;
    }

    private static Map<String, Opaque> prefixed(String prefix, Map<String, Opaque> in) {
        Map<String, Opaque> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }

    /** The same inode, as a server with another handle key would sign it (layout: SignedHandles). */
    static Opaque resigned(Opaque fh) {
        ByteBuffer b = ByteBuffer.wrap(fh.toByteArray());
        b.get();
        int exportId = b.getInt();
        byte[] key = new byte[b.get()];
        b.get(key);
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return new SignedHandles(HandleKey.of(secret)).toHandle(new Inode(exportId, Opaque.copyOf(key))).bytes();
    }
}
