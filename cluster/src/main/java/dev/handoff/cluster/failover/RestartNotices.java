package dev.handoff.cluster.failover;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.multimap.MultiMap;
import dev.handoff.cluster.membership.HazelcastConfigs;
import dev.handoff.cluster.vip.VipId;
import dev.handoff.nsm.notify.Notifier;
import dev.handoff.nsm.notify.PeerNotifier;
import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.ServerName;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NSM restart notices (SM_NOTIFY) in a cluster. A client that locked through a VIP knows the server by that VIP:
 * the notice must carry the VIP as {@code mon_name} and leave from the VIP's address, which only the node
 * serving the VIP can do (and only it receives the answer). So a member does not send its notices itself: it
 * files each under its VIP in a shared multimap, and the VIP's owner sends what is filed under the VIPs it
 * serves — when it starts serving one, and every few seconds — and takes each off once answered or given up.
 *
 * <p>Notices are owed only when this member's locks were lost: when it rejoins a cluster that kept running, the
 * shared lock table still holds its clients' locks, and a notice would only make them reclaim what they hold.
 * Notices under no VIP (a client that used the node's own address) are sent by this member directly.
 */
public final class RestartNotices implements PeerNotifier, AutoCloseable {
    public static final String MAP = HazelcastConfigs.PROTECTED_PREFIX + "nsm.notices";
    private static final Logger log = LoggerFactory.getLogger(RestartNotices.class);

    private final MultiMap<String, String> filed;
    private final Notifier sender;
    private final boolean owed;
    private final Set<String> vips;
    private final Set<VipId> served = ConcurrentHashMap.newKeySet();
    /** Entries with a notice under way from here, so a refresh does not start a second one. */
    private final Set<String> sending = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("restart-notices").daemon().factory());

    /**
     * @param owed whether this member lost its locks (the cluster formed afresh since it last ran), so its
     *             clients must be told to reclaim
     */
    public RestartNotices(HazelcastInstance hz, Notifier sender, boolean owed, Set<String> vips) {
        this.filed = hz.getMultiMap(MAP);
        this.sender = sender;
        this.owed = owed;
        this.vips = Set.copyOf(vips);
    }

    @Override
    public void notify(List<NotifyTarget> targets, int state, Notifier.Outcome outcome) {
        if (!owed) {
            if (!targets.isEmpty()) {
                log.info("NSM: {} clients held locks through this node before it restarted; the cluster kept them,"
                        + " so no restart notice is sent", targets.size());
            }
            targets.forEach(t -> outcome.notified(t, state));
            return;
        }
        for (NotifyTarget t : targets) {
            String vip = vipOf(t.as());
            if (vip == null) {
                sender.notify(List.of(t), state, outcome);
                continue;
            }
            // Filed, the notice is the cluster's to send: the local monitor may forget it.
            worker.execute(() -> {
                try {
                    filed.put(vip, encode(t, state));
                    outcome.notified(t, state);
                } catch (RuntimeException e) {
                    log.warn("NSM: notice to {} not filed ({}); sending it from here", t.peer(), e.toString());
                    sender.notify(List.of(t), state, outcome);
                }
            });
        }
        if (!targets.isEmpty()) {
            log.info("NSM: {} restart notices filed for the owners of their VIPs", targets.size());
        }
    }

    /** Told by the handoff stages: notices filed under {@code vip} are this node's to send while it serves it. */
    public void serving(VipId vip, boolean serving) {
        if (serving) {
            served.add(vip);
            worker.execute(() -> sendFiled(vip));
        } else {
            served.remove(vip);
        }
    }

    /** Sends what is filed under the VIPs served here (periodically: filings arrive at any time). */
    public void sendFiledForServed() {
        served.forEach(vip -> worker.execute(() -> sendFiled(vip)));
    }

    private void sendFiled(VipId vip) {
        try {
            for (String entry : filed.get(vip.name())) {
                if (!served.contains(vip) || !sending.add(entry)) {
                    continue;
                }
                Decoded d = decode(entry);
                log.info("NSM: telling {} that {} restarted (state {})", d.target().peer(), vip,
                        Integer.toUnsignedString(d.state()));
                sender.notify(List.of(d.target()), d.state(), new Notifier.Outcome() {
                    @Override
                    public void notified(NotifyTarget target, int state) {
                        done(vip, entry);
                    }

                    @Override
                    public void gaveUp(NotifyTarget target, int state) {
                        log.warn("NSM: gave up telling {} that {} restarted", target.peer(), vip);
                        done(vip, entry);
                    }
                });
            }
        } catch (RuntimeException e) {
            log.debug("NSM: filed notices of {} not read: {}", vip, e.toString());
        }
    }

    private void done(VipId vip, String entry) {
        worker.execute(() -> {
            try {
                filed.remove(vip.name(), entry);
            } catch (RuntimeException e) {
                log.debug("NSM: notice not taken off: {}", e.toString());
            }
            sending.remove(entry);
        });
    }

    private String vipOf(ServerName as) {
        if (as.source() != null && vips.contains(as.source().getHostAddress())) {
            return as.source().getHostAddress();
        }
        return vips.contains(as.name()) ? as.name() : null;
    }

    record Decoded(NotifyTarget target, int state) {
    }

    /** peer, peer address, mon_name, source address, state: tab-separated (names hold no tabs). */
    static String encode(NotifyTarget t, int state) {
        return String.join("\t", t.peer(), t.address() == null ? "" : t.address().getHostAddress(), t.as().name(),
                t.as().source() == null ? "" : t.as().source().getHostAddress(), Integer.toUnsignedString(state));
    }

    static Decoded decode(String entry) {
        String[] f = entry.split("\t", -1);
        try {
            InetAddress source = f[3].isEmpty() ? null : InetAddress.getByName(f[3]);
            InetAddress peer = f[1].isEmpty() ? null : InetAddress.getByName(f[1]);
            return new Decoded(new NotifyTarget(f[0], peer, new ServerName(f[2], source)),
                    Integer.parseUnsignedInt(f[4]));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad notice record " + entry, e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
