package dev.handoff.nlm.proc;

import dev.handoff.nlm.NlmService;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.nlm.state.ForwardingLockStore;
import dev.handoff.nlm.state.InMemoryLockStore;
import dev.handoff.nlm.state.LockConfig;
import dev.handoff.nlm.state.LockManager;
import dev.handoff.nlm.state.LockStore;
import dev.handoff.nlm.xdr.LockArgs;
import dev.handoff.nlm.xdr.NlmLock;
import dev.handoff.nlm.xdr.NlmStatus;
import dev.handoff.rpc.dispatch.CallContext;
import dev.handoff.rpc.dispatch.Peer;
import dev.handoff.rpc.dispatch.Transport;
import dev.handoff.rpc.message.CallHeader;
import dev.handoff.rpc.message.Credential;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The procedure layer over a real lock manager and in-memory store, with a fake file map (handle bytes "f1"
 * name file key 01, "bad" is refused), fake callbacks and monitor, and a manual clock.
 */
final class ProcFixture {
    static final InetAddress VIP = address("10.0.3.100");
    static final InetAddress CLIENT_A = address("10.0.3.10");
    static final InetAddress CLIENT_B = address("10.0.3.11");
    static final Opaque FH = Opaque.ofHex("f1");
    static final Opaque STALE = Opaque.ofHex("bad0");
    /** A handle of an export that does not list the caller. */
    static final Opaque NOT_LISTED = Opaque.ofHex("acce55");

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    final FakeCallbacks callbacks = new FakeCallbacks();
    final List<String> monitored = new ArrayList<>();
    /** Where each monitored client was watched from, as the status monitor records it. */
    final Map<String, InetAddress> watchedAt = new HashMap<>();
    final InMemoryLockStore store = new InMemoryLockStore();
    /** How many files each {@link LockStore#withRecords} asked about. */
    final List<Integer> withRecordsAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
    final NlmService service;
    final NlmHandlers v4;
    final NlmHandlers v3;

    ProcFixture() {
        LockConfig config = new LockConfig(Duration.ofSeconds(90), 100, 10, Duration.ZERO);
        InstantSource clock = () -> now.get();
        LockStore counting = new ForwardingLockStore(store) {
            @Override
            public Set<FileKey> withRecords(Collection<FileKey> files) {
                withRecordsAsked.add(files.size());
                return inner.withRecords(files);
            }
        };
        service = new NlmService(new LockManager(counting, config), callbacks, new ClientMonitor() {
            @Override
            public boolean monitor(String name, InetAddress client, InetAddress local) {
                monitored.add(name + "@" + client.getHostAddress() + "->"
                        + (local == null ? "?" : local.getHostAddress()));
                watchedAt.put(name, client);
                return true;
            }

            @Override
            public boolean speaksFor(String name, InetAddress from) {
                InetAddress at = watchedAt.get(name);
                return at == null || at.equals(from);
            }
        }, clock, "server");
        NlmFiles files = (fh, peer) -> fh.equals(FH) ? new FileLookup.Found(FileKey.ofHex("01"))
                : fh.equals(NOT_LISTED) ? new FileLookup.Refused(NlmStatus.DENIED, "caller not listed")
                : new FileLookup.Refused(NlmStatus.STALE_FH, "not ours");
        v4 = new NlmHandlers(4, service, files);
        v3 = new NlmHandlers(3, service, files);
    }

    static CallContext call(InetAddress client) {
        return new CallContext(new CallHeader(1, 2, 100_021, 4, 2, Credential.None.INSTANCE, 0, Opaque.EMPTY),
                new Peer(Transport.TCP, new InetSocketAddress(VIP, 4045), new InetSocketAddress(client, 800)));
    }

    static NlmLock lock(String caller, int svid, long offset, long length) {
        return lock(caller, svid, offset, length, FH);
    }

    static NlmLock lock(String caller, int svid, long offset, long length, Opaque fh) {
        return new NlmLock(caller, fh, Opaque.ofHex(String.format("0a%02x", svid)), svid, offset, length);
    }

    static LockArgs lockArgs(NlmLock lock, boolean block, boolean reclaim) {
        return new LockArgs(Opaque.ofHex("c0"), block, true, lock, reclaim, 1);
    }

    private static InetAddress address(String a) {
        try {
            return InetAddress.getByName(a);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
