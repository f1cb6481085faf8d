package dev.handoff.it.torture;

import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A wire-level NFSv3 + NLM client for the failover torture, started by host/cluster-torture.sh in the kit's outer
 * namespace, one per VIP. Until the stop file appears it mixes: WRITE FILE_SYNC of a unique record to its data
 * file; WRITE UNSTABLE of a few records then COMMIT (rewriting them FILE_SYNC when the verifier changed, as RFC
 * 1813 §3.3.21 asks); CREATE GUARDED, RENAME and REMOVE of names of its own, each used once; and a non-blocking
 * exclusive NLM LOCK of a range of a file shared with the other instance (through the other VIP), held a moment,
 * then UNLOCK. Every operation goes to the history file with its times, arguments and result; a call is
 * retransmitted (same xid, same source port) until answered, for at most {@link #GIVE_UP}. A name whose operation
 * went unanswered is abandoned (the history then allows either state).
 *
 * <p>Arguments: NAME SOURCE_IP BASE_PORT SERVER_IP EXPORT_PATH SEED STOP_FILE HISTORY_FILE. Ports: BASE (NFS),
 * BASE+1 (NLM), BASE+2 (MOUNT), all below 1024 as the export is not {@code insecure}.
 */
public final class TortureClient {
    static final String LOCK_FILE = "shared-lock";
    static final int RECORD = 64;
    private static final Duration GIVE_UP = Duration.ofSeconds(90);
    private static final long LOCK_OFFSET = 0;
    private static final long LOCK_LEN = 4096;

    private final String name;
    private final Random random;
    private final HistoryLog log;
    private final RetryingConnection nfs;
    private final RetryingConnection nlm;
    private final RetryingConnection mount;
    private final WireCalls.NlmOwner owner;
    private final Deque<String[]> names = new ArrayDeque<>();
    private int xid;
    private int slot;
    private int seq;
    private Opaque root;
    private Opaque data;
    private Opaque lockFile;

    private TortureClient(String name, InetAddress source, int basePort, InetAddress server, long seed, HistoryLog log) {
        this.name = name;
        this.random = new Random(seed);
        this.log = log;
        this.xid = random.nextInt(1 << 30);
        this.nfs = new RetryingConnection(new InetSocketAddress(source, basePort), new InetSocketAddress(server, 2049));
        this.nlm = new RetryingConnection(new InetSocketAddress(source, basePort + 1),
                new InetSocketAddress(server, 4045));
        this.mount = new RetryingConnection(new InetSocketAddress(source, basePort + 2),
                new InetSocketAddress(server, 20048));
        this.owner = new WireCalls.NlmOwner("torture-" + name, Opaque.copyOf(name.getBytes(StandardCharsets.UTF_8)),
                basePort, 1);
    }

    public static void main(String[] a) throws Exception {
        Path stop = Path.of(a[6]);
        try (HistoryLog log = new HistoryLog(Path.of(a[7]))) {
            TortureClient c = new TortureClient(a[0], InetAddress.getByName(a[1]), Integer.parseInt(a[2]),
                    InetAddress.getByName(a[3]), Long.parseLong(a[5]), log);
            c.setUp(a[4]);
            while (!Files.exists(stop)) {
                c.step();
                Thread.sleep(20 + c.random.nextInt(40));
            }
            c.nfs.close();
            c.nlm.close();
        }
    }

    private void setUp(String exportPath) throws InterruptedException {
        WireReply m = call(mount, "MNT", Map.of("path", exportPath), WireCalls.mnt(++xid, exportPath));
        if (m == null || m.status() != 0) {
            throw new IllegalStateException(name + ": MNT " + exportPath + " failed: " + m);
        }
        mount.close();
        root = m.handle();
        data = createUnchecked(name + "-data");
        lockFile = createUnchecked(LOCK_FILE);
    }

    private Opaque createUnchecked(String file) throws InterruptedException {
        WireReply r = call(nfs, "CREATE", Map.of("name", file, "how", "UNCHECKED"),
                WireCalls.create(++xid, root, file, WireCalls.UNCHECKED));
        if (r == null || r.status() != 0 || r.handle() == null) {
            throw new IllegalStateException(name + ": CREATE " + file + " failed: " + r);
        }
        return r.handle();
    }

    private void step() throws InterruptedException {
        int dice = random.nextInt(100);
        if (dice < 30) {
            writeSync(slot++);
        } else if (dice < 50) {
            writeUnstable();
        } else if (dice < 80) {
            namespace();
        } else {
            lock();
        }
    }

    private WireReply writeSync(int at) throws InterruptedException {
        return write(at, WireCalls.FILE_SYNC);
    }

    private WireReply write(int at, int stable) throws InterruptedException {
        String record = record(at);
        Map<String, String> args = Map.of("file", name + "-data", "offset", Long.toString((long) at * RECORD),
                "stable", Integer.toString(stable), "data", record);
        return call(nfs, "WRITE", args, WireCalls.write(++xid, data, (long) at * RECORD,
                Opaque.copyOf(record.getBytes(StandardCharsets.UTF_8)), stable));
    }

    /** A few UNSTABLE writes, then COMMIT; records whose verifier the COMMIT does not confirm go again FILE_SYNC. */
    private void writeUnstable() throws InterruptedException {
        Map<Integer, Opaque> verifiers = new HashMap<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int at = slot++;
            WireReply r = write(at, WireCalls.UNSTABLE);
            verifiers.put(at, r != null && r.status() == 0 ? r.verf() : null);
        }
        WireReply c = call(nfs, "COMMIT", Map.of("file", name + "-data"), WireCalls.commit(++xid, data));
        for (var v : verifiers.entrySet()) {
            if (v.getValue() != null && (c == null || c.status() != 0 || !v.getValue().equals(c.verf()))) {
                writeSync(v.getKey());
            }
        }
    }

    /** Advances one name a step (created, then renamed, then removed), or starts a new one. */
    private void namespace() throws InterruptedException {
        if (names.isEmpty() || (names.size() < 4 && random.nextBoolean())) {
            String n = name + "-n" + (++seq);
            WireReply r = call(nfs, "CREATE", Map.of("name", n, "how", "GUARDED"),
                    WireCalls.create(++xid, root, n, WireCalls.GUARDED));
            if (r != null && r.status() == 0) {
                names.addLast(new String[] {n, "created"});
            }
            return;
        }
        String[] n = names.removeFirst();
        if (n[1].equals("created")) {
            String to = n[0].replace("-n", "-r");
            WireReply r = call(nfs, "RENAME", Map.of("from", n[0], "to", to),
                    WireCalls.rename(++xid, root, n[0], to));
            if (r != null && r.status() == 0) {
                names.addLast(new String[] {to, "renamed"});
            }
        } else {
            call(nfs, "REMOVE", Map.of("name", n[0]), WireCalls.remove(++xid, root, n[0]));
        }
    }

    /** Non-blocking exclusive LOCK; held 50-300 ms when granted; an unanswered one is released all the same. */
    private void lock() throws InterruptedException {
        Map<String, String> args = Map.of("file", LOCK_FILE, "offset", Long.toString(LOCK_OFFSET),
                "len", Long.toString(LOCK_LEN), "exclusive", "true");
        WireReply r = call(nlm, "LOCK", args, WireCalls.lock(++xid, owner, lockFile, LOCK_OFFSET, LOCK_LEN, true));
        if (r != null && r.status() == 1) {
            return;
        }
        if (r != null && r.status() == 0) {
            Thread.sleep(50 + random.nextInt(250));
        }
        call(nlm, "UNLOCK", Map.of("file", LOCK_FILE, "offset", Long.toString(LOCK_OFFSET),
                "len", Long.toString(LOCK_LEN)), WireCalls.unlock(++xid, owner, lockFile, LOCK_OFFSET, LOCK_LEN));
    }

    /** Sends until answered (or {@link #GIVE_UP}), and logs the operation; null when no reply came. */
    private WireReply call(RetryingConnection c, String op, Map<String, String> args, byte[] record)
            throws InterruptedException {
        long invoked = HistoryLog.now();
        RetryingConnection.Exchange e = c.call(record, GIVE_UP);
        long completed = e.reply() == null ? HistoryEntry.NO_REPLY : HistoryLog.now();
        WireReply r = e.reply() == null ? null : WireReply.decode(op, e.reply().toByteArray());
        Map<String, String> result = new HashMap<>();
        result.put("xid", Integer.toUnsignedString(WireReply.xid(record)));
        result.put("attempts", Integer.toString(e.sends()));
        result.put("connects", Integer.toString(e.connects()));
        if (r != null) {
            result.put("status", Integer.toString(r.status()));
            if (r.committed() >= 0) {
                result.put("committed", Integer.toString(r.committed()));
            }
            if (r.verf() != null) {
                result.put("verf", r.verf().toHex());
            }
            if (r.rpcError() != null) {
                result.put("rpc", r.rpcError());
            }
        }
        log.add(new HistoryEntry(invoked, completed, name, op, args, result));
        return r;
    }

    /** 64 bytes, unique per client and slot, ending in a newline. */
    private String record(int at) {
        StringBuilder b = new StringBuilder(name).append(" slot ").append(at).append(" ");
        while (b.length() < RECORD - 1) {
            b.append((char) ('a' + (at + b.length()) % 26));
        }
        return b.append('\n').toString();
    }
}
