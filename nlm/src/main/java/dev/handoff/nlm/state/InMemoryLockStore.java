package dev.handoff.nlm.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lock table of a single node, in memory. One monitor guards it: every call is a few map operations, far
 * shorter than the NLM call around it. The client index and the wake-up list are updated inside {@link #commit},
 * so they are always exact.
 */
public final class InMemoryLockStore implements LockStore {
    private final Map<FileKey, FileLocks> files = new HashMap<>();
    /** client → file → what the client has in that file. */
    private final Map<String, Map<FileKey, ClientUsage>> clients = new HashMap<>();
    /** Files with a waiter yielding until a known time; few, so {@link #due} scans them. */
    private final Map<FileKey, Instant> wakes = new HashMap<>();
    private Grace grace = Grace.NONE;
    /** The sum of {@link LockTally#of} over {@link #files}, kept up to date by {@link #commit}. */
    private LockTally tally = LockTally.EMPTY;

    @Override
    public synchronized FileLocks load(FileKey file) {
        FileLocks f = files.get(file);
        return f != null ? f : FileLocks.empty(file);
    }

    @Override
    public synchronized boolean commit(FileLocks expected, FileLocks next) {
        if (!expected.file().equals(next.file())) {
            throw new IllegalArgumentException("commit of " + next.file() + " over " + expected.file());
        }
        FileLocks current = load(expected.file());
        if (!current.equals(expected)) {
            return false;
        }
        unindex(current);
        tally = tally.minus(LockTally.of(current)).plus(LockTally.of(next));
        if (next.isEmpty()) {
            files.remove(next.file());
        } else {
            files.put(next.file(), next);
            index(next);
        }
        return true;
    }

    private void index(FileLocks f) {
        f.usageByClient().forEach((client, usage) -> clients.computeIfAbsent(client, c -> new HashMap<>())
                .put(f.file(), usage));
        if (!f.wakeAt().equals(FileLocks.NEVER)) {
            wakes.put(f.file(), f.wakeAt());
        }
    }

    private void unindex(FileLocks f) {
        for (String client : f.usageByClient().keySet()) {
            Map<FileKey, ClientUsage> byFile = clients.get(client);
            byFile.remove(f.file());
            if (byFile.isEmpty()) {
                clients.remove(client);
            }
        }
        wakes.remove(f.file());
    }

    @Override
    public synchronized Set<FileKey> filesOf(String callerName) {
        return Set.copyOf(clients.getOrDefault(callerName, Map.of()).keySet());
    }

    @Override
    public synchronized ClientUsage usage(String callerName) {
        return clients.getOrDefault(callerName, Map.of()).values().stream()
                .reduce(ClientUsage.NONE, ClientUsage::plus);
    }

    @Override
    public synchronized Collection<FileKey> due(Instant now) {
        List<FileKey> out = new ArrayList<>();
        wakes.forEach((file, at) -> {
            if (!at.isAfter(now)) {
                out.add(file);
            }
        });
        return out;
    }

    @Override
    public synchronized Grace grace() {
        return grace;
    }

    @Override
    public synchronized boolean commitGrace(Grace expected, Grace next) {
        if (!grace.equals(expected)) {
            return false;
        }
        grace = next;
        return true;
    }

    /**
     * Every record held now, as one consistent snapshot (taken under the store's monitor), for the operator's
     * view of the table. Records are immutable, so the copy is safe to read at leisure.
     */
    public synchronized List<FileLocks> records() {
        return List.copyOf(files.values());
    }

    /** Records held; for gauges and leak checks. */
    @Override
    public synchronized int fileCount() {
        return files.size();
    }

    /** Exact: kept by every commit, so a scrape costs nothing. */
    @Override
    public synchronized LockTally tally() {
        return tally;
    }

    /** No record, no client in the index, no wake-up: nothing has leaked. */
    public synchronized boolean isEmpty() {
        return files.isEmpty() && clients.isEmpty() && wakes.isEmpty();
    }
}
