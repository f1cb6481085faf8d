package dev.handoff.server.admin;

import dev.handoff.nlm.state.FileLocks;
import dev.handoff.rpc.transport.ConnectionInfo;
import dev.handoff.server.mount.xdr.MountEntry;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The answer to {@code GET /v1/clients}: every client that has a mount, a connection or a lock, by address.
 * Locks are held under the client's {@code caller_name}, not its address; the status monitor's list (which
 * records the address each monitored name called from) joins them. A holder it does not know stays a row of its
 * own, named by its {@code caller_name}.
 *
 * @param locksError why the lock table could not be read (no quorum), or null; the rest is reported regardless
 */
public record ClientsReport(List<ClientView> clients, String locksError) {
    /** How many of each client's locks are listed; the count covers them all. */
    public static final int FIRST_LOCKS = 5;

    public ClientsReport {
        clients = List.copyOf(clients);
    }

    static ClientsReport of(List<MountEntry> mounts, List<ConnectionInfo> connections, Collection<FileLocks> locks,
                            Map<String, InetAddress> holders, String locksError) {
        Map<String, Row> rows = new TreeMap<>();
        for (MountEntry m : mounts) {
            rows.computeIfAbsent(m.hostname(), Row::new).mounts.add(m.directory());
        }
        for (ConnectionInfo c : connections) {
            String client = c.remote().getAddress() == null ? c.remote().getHostString()
                    : ConnectionView.address(c.remote().getAddress());
            rows.computeIfAbsent(client, Row::new).connections.add(ConnectionView.of(c));
        }
        for (FileLocks f : locks.stream().sorted(Comparator.comparing(r -> r.file().toString())).toList()) {
            for (LockView lock : LocksReport.views(f)) {
                InetAddress at = holders.get(lock.client());
                Row row = rows.computeIfAbsent(at == null ? lock.client() : ConnectionView.address(at), Row::new);
                row.names.add(lock.client());
                row.locks++;
                if (row.firstLocks.size() < FIRST_LOCKS) {
                    row.firstLocks.add(lock);
                }
            }
        }
        return new ClientsReport(rows.values().stream().map(Row::view).toList(), locksError);
    }

    private static final class Row {
        final String client;
        final TreeSet<String> names = new TreeSet<>();
        final TreeSet<String> mounts = new TreeSet<>();
        final List<ConnectionView> connections = new ArrayList<>();
        final List<LockView> firstLocks = new ArrayList<>();
        int locks;

        Row(String client) {
            this.client = client;
        }

        ClientView view() {
            return new ClientView(client, List.copyOf(names), List.copyOf(mounts), connections, locks, firstLocks);
        }
    }
}
