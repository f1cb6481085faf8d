package dev.handoff.it.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.it.rpc.RecordSocket;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak's mixed load, run inside the client's network namespace for a given time against one server address
 * (a node, or a VIP): {@link FileWorker}s on long connections, {@link ShortWorker}s opening a connection a round,
 * {@link LockWorker}s with blocking waits, and the {@link CallbackServer} their GRANTED callbacks reach. At the
 * end it writes what it did as one JSON object ({@link LoadCounters#snapshot} plus the first problems) to a file.
 *
 * <p>Arguments: server address, export path, seconds, result file.
 */
public final class SoakLoad {
    private static final int FILE_WORKERS = 2;
    private static final int SHORT_WORKERS = 3;
    private static final int LOCK_WORKERS = 2;
    /** Pauses between rounds: the load is meant to last, not to saturate two shared cores. */
    private static final Duration FILE_PAUSE = Duration.ofMillis(20);
    private static final Duration SHORT_PAUSE = Duration.ofMillis(30);
    private static final Duration LOCK_PAUSE = Duration.ofMillis(100);

    private SoakLoad() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress server = InetAddress.getByName(args[0]);
        String export = args[1];
        long seconds = Long.parseLong(args[2]);
        Path result = Path.of(args[3]);
        LoadCounters counters = new LoadCounters();
        SoakCalls calls = new SoakCalls();
        try (CallbackServer callbacks = CallbackServer.start(counters)) {
            Opaque root = mount(server, export, calls);
            LoadContext ctx = new LoadContext(server, export, root, calls, counters, callbacks,
                    System.nanoTime() + seconds * 1_000_000_000L);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < FILE_WORKERS; i++) {
                threads.add(Thread.ofPlatform().name("file-" + i).start(new FileWorker(ctx, i, FILE_PAUSE)));
            }
            for (int i = 0; i < SHORT_WORKERS; i++) {
                threads.add(Thread.ofPlatform().name("short-" + i).start(new ShortWorker(ctx, i, SHORT_PAUSE)));
            }
            for (int i = 0; i < LOCK_WORKERS; i++) {
                threads.add(Thread.ofPlatform().name("lock-" + i).start(new LockWorker(ctx, i, LOCK_PAUSE)));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(counters.snapshot());
        out.put("problems", counters.problems());
        new ObjectMapper().writeValue(result.toFile(), out);
        System.out.println("DONE " + counters.get("ops") + " ops");
    }

    /** MNT until it answers (a cluster's VIP may still be moving in); the root handle. */
    private static Opaque mount(InetAddress server, String export, SoakCalls calls) throws Exception {
        Exception last = null;
        for (int i = 0; i < 100; i++) {
            try (RecordSocket s = RecordSocket.connect(new java.net.InetSocketAddress(server, SoakCalls.MOUNT_PORT),
                    LoadContext.CONNECT)) {
                Opaque root = SoakReplies.handle(s.call(calls.mnt(export), LoadContext.REPLY));
                if (root != null) {
                    return root;
                }
                throw new IllegalStateException("MNT " + export + " was refused");
            } catch (java.io.IOException e) {
                last = e;
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("no MNT answer from " + server, last);
    }
}
