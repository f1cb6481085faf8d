package dev.handoff.server.mount;

import dev.handoff.server.mount.xdr.MountEntry;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mounts DUMP reports (RFC 1813 appendix I.4.2): which client mounted which directory, as mountd keeps
 * them in rmtab. MNT adds, UMNT and UMNTALL remove. Every change is saved to the {@link MountListStore}, so
 * the list survives a restart.
 *
 * <p>Bounded: past {@code capacity} entries the oldest mount is forgotten. Clients that crash never call
 * UMNT, so without a bound the list would only grow; and the list is informative only (access is decided on
 * every NFS call), so forgetting an old mount harms nothing. Thread-safe; saves happen under the lock, so
 * the store sees changes in order.
 */
public final class MountList {
    private static final Logger log = LoggerFactory.getLogger(MountList.class);
    public static final int DEFAULT_CAPACITY = 4096;

    private final int capacity;
    private final MountListStore store;
    private final LinkedHashSet<MountEntry> entries = new LinkedHashSet<>();

    /** Loads the saved list; a store that cannot be read gives an empty list (logged), not a failed start. */
    public MountList(int capacity, MountListStore store) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.store = store;
        try {
            entries.addAll(store.load());
            evictOldest();
        } catch (IOException e) {
            log.warn("starting with an empty mount list: {}", e.getMessage());
        }
    }

    public static MountList inMemory() {
        return new MountList(DEFAULT_CAPACITY, MountListStore.NONE);
    }

    /** Records that {@code host} mounted {@code directory}; a repeated mount changes nothing. */
    public synchronized void add(String host, String directory) {
        if (entries.add(new MountEntry(host, directory))) {
            evictOldest();
            save();
        }
    }

    public synchronized void remove(String host, String directory) {
        if (entries.remove(new MountEntry(host, directory))) {
            save();
        }
    }

    /** Forgets every mount of {@code host} (UMNTALL, sent by a client as it boots or shuts down). */
    public synchronized void removeHost(String host) {
        Predicate<MountEntry> ofHost = e -> e.hostname().equals(host);
        if (entries.removeIf(ofHost)) {
            save();
        }
    }

    /** The mounts, oldest first. */
    public synchronized List<MountEntry> entries() {
        return List.copyOf(entries);
    }

    private void evictOldest() {
        Iterator<MountEntry> oldest = entries.iterator();
        while (entries.size() > capacity) {
            MountEntry e = oldest.next();
            oldest.remove();
            log.debug("mount list full: forgetting {} {}", e.hostname(), e.directory());
        }
    }

    /** A failed save keeps the change in memory: the list is advisory, and the next change saves again. */
    private void save() {
        try {
            store.save(List.copyOf(entries));
        } catch (IOException | RuntimeException e) {
            log.warn("saving the mount list failed: {}", e.toString());
        }
    }
}
