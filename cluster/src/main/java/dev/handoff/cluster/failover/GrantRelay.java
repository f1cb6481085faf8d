package dev.handoff.cluster.failover;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.multimap.MultiMap;
import dev.handoff.cluster.membership.HazelcastConfigs;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.nlm.callback.GrantHandOff;
import dev.handoff.nlm.state.FileKey;
import dev.handoff.rpc.xdr.Opaque;
import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NLM GRANTED callbacks in a cluster. A waiter is granted on whichever node frees the lock or ticks the file, but the
 * Linux client takes a GRANTED only from the address it sent its LOCK to, a VIP that only its owner holds. So a
 * node that is not serving the VIP files the grant (file and cookie; the lock, waiter and callback address are in
 * the shared lock table) under the VIP in a shared multimap, and the VIP's owner sends it: at once when the filing
 * is announced, when it starts serving the VIP, and every few seconds. The same route as {@link RestartNotices}.
 *
 * <p>An entry is taken off before its GRANTED is sent, so a sender that no longer serves the VIP files it again
 * rather than losing it. A grant that stopped being pending (the client took the lock by resending its LOCK, or
 * cancelled) is dropped when it comes up.
 */
public final class GrantRelay implements GrantHandOff, AutoCloseable {
    public static final String MAP = HazelcastConfigs.PROTECTED_PREFIX + "nlm.grants";
    private static final Logger log = LoggerFactory.getLogger(GrantRelay.class);

    private final MultiMap<String, String> filed;
    private final Map<InetAddress, VipId> vips;
    /** Sends the pending grant from here; false when it is no longer pending. */
    private final BiPredicate<FileKey, Opaque> sender;
    private final Set<VipId> served = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("grant-relay").daemon().factory());
    private final UUID announcements;

    public GrantRelay(HazelcastInstance hz, Map<InetAddress, VipId> vips, BiPredicate<FileKey, Opaque> sender) {
        this.filed = hz.getMultiMap(MAP);
        this.vips = Map.copyOf(vips);
        this.sender = sender;
        announcements = filed.addEntryListener(new EntryAdapter<String, String>() {
            @Override
            public void entryAdded(EntryEvent<String, String> event) {
                VipId vip = new VipId(event.getKey());
                if (served.contains(vip)) {
                    run(() -> sendFiled(vip));
                }
            }
        }, false);
    }

    @Override
    public boolean handOff(InetAddress from, FileKey file, Opaque cookie) {
        VipId vip = vips.get(from);
        if (vip == null || served.contains(vip)) {
            return false;
        }
        String entry = encode(file, cookie);
        // Off the caller's thread: a callback's failure is reported on a network thread, which must not block.
        return run(() -> {
            try {
                filed.put(vip.name(), entry);
                log.debug("NLM: GRANTED of {} on {} filed for the owner of {}", cookie.toHex(), file, vip);
            } catch (RuntimeException e) {
                log.warn("NLM: GRANTED of {} on {} not filed for the owner of {} ({}); the client gets the lock "
                        + "when it sends its blocked LOCK again", cookie.toHex(), file, vip, e.toString());
            }
        });
    }

    /** Told by the handoff stages: grants filed under {@code vip} are this node's to send while it serves it. */
    public void serving(VipId vip, boolean serving) {
        if (serving) {
            served.add(vip);
            run(() -> sendFiled(vip));
        } else {
            served.remove(vip);
        }
    }

    /** Sends what is filed under the VIPs served here (periodically: an announcement may have been missed). */
    public void sendFiledForServed() {
        served.forEach(vip -> run(() -> sendFiled(vip)));
    }

    private void sendFiled(VipId vip) {
        try {
            for (String entry : filed.get(vip.name())) {
                if (!served.contains(vip) || !filed.remove(vip.name(), entry)) {
                    continue;
                }
                String[] f = entry.split("\t", -1);
                FileKey file = FileKey.ofHex(f[0]);
                Opaque cookie = Opaque.ofHex(f[1]);
                if (sender.test(file, cookie)) {
                    log.info("NLM: sending GRANTED of {} on {} for {}, filed by another node", f[1], file, vip);
                } else {
                    log.debug("NLM: filed GRANTED of {} on {} no longer pending", f[1], file);
                }
            }
        } catch (RuntimeException e) {
            log.debug("NLM: filed grants of {} not read: {}", vip, e.toString());
        }
    }

    private boolean run(Runnable task) {
        try {
            worker.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;   // stopping
        }
    }

    static String encode(FileKey file, Opaque cookie) {
        return file.bytes().toHex() + "\t" + cookie.toHex();
    }

    @Override
    public void close() {
        try {
            filed.removeEntryListener(announcements);
        } catch (RuntimeException e) {
            log.debug("NLM: grant announcements not unsubscribed: {}", e.toString());
        }
        worker.shutdownNow();
    }
}
