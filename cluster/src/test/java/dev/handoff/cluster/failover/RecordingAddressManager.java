package dev.handoff.cluster.failover;

import dev.handoff.cluster.address.AddressManager;
import dev.handoff.cluster.address.IpPrefix;
import dev.handoff.cluster.address.SendResult;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An address manager that only remembers: what was asked of it, in order ({@code add 127.0.0.77/32},
 * {@code remove ...}, {@code announce 127.0.0.77}), and which addresses are "up". The loopback addresses the
 * tests use are always reachable, so nothing needs root; what the tests check is which node believed it held
 * the address.
 */
final class RecordingAddressManager implements AddressManager {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Set<InetAddress> up = ConcurrentHashMap.newKeySet();

    @Override
    public void add(IpPrefix address) {
        calls.add("add " + address);
        up.add(address.address());
    }

    @Override
    public void remove(IpPrefix address) {
        calls.add("remove " + address);
        up.remove(address.address());
    }

    @Override
    public boolean isUp(InetAddress address) {
        return up.contains(address);
    }

    @Override
    public SendResult announce(InetAddress address) {
        calls.add("announce " + address.getHostAddress());
        return new SendResult.Sent(1);
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    void clear() {
        calls.clear();
    }
}
