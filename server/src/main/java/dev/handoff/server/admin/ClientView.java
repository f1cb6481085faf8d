package dev.handoff.server.admin;

import java.util.List;

/**
 * One client as {@code GET /v1/clients} shows it: what it mounted, how it is connected now, what it locks.
 *
 * @param client      its address as the mount list and the connections name it; the {@code caller_name} when
 *                    only the lock table knows it (a client of another node, or one not monitored here)
 * @param names       the {@code caller_name}s its locks are held under (the client's host name, usually)
 * @param mounts      the directories it mounted through this node (the mount list records no times)
 * @param connections its live TCP connections to this node
 * @param locks       held locks and waits it has, cluster-wide when the lock table is shared
 * @param firstLocks  the first few of them
 */
public record ClientView(String client, List<String> names, List<String> mounts, List<ConnectionView> connections,
                         int locks, List<LockView> firstLocks) {
    public ClientView {
        names = List.copyOf(names);
        mounts = List.copyOf(mounts);
        connections = List.copyOf(connections);
        firstLocks = List.copyOf(firstLocks);
    }
}
