package dev.handoff.cluster.vip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Several {@link VipOwnership} machines around a simulated VIP table, on one simulated timeline (milliseconds):
 * writes are compare-and-set with latency, changes are broadcast, and a node can be partitioned (its writes fail,
 * it hears nothing, it loses quorum), paused (its inputs wait, it does not tick), crashed and restarted; messages
 * can be dropped. Every node has its own monotonic clock, offset and running slightly fast or slow.
 * After every event the single-owner invariants are checked.
 */
final class SimCluster {
    static final long TICK_MS = 250;
    static final long DETECT_MS = 1000;
    static final long DRAIN_MS = 120;
    static final long RESYNC_MS = 2000;

    final VipConfig config;
    final Map<NodeId, Node> nodes = new TreeMap<>();
    final Map<VipId, VipRecord> table = new TreeMap<>();
    /** When each row last changed in the table (simulated time). */
    final Map<VipId, Long> changedAt = new TreeMap<>();
    final List<String> log = new ArrayList<>();
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Random random;
    long now;
    private long seq;
    long minLatency = 5;
    long maxLatency = 5;
    double dropRate;
    boolean logRenewals = Boolean.getBoolean("handoff.vip.logRenewals");
    boolean checkAddresses = true;
    long steps;
    /** Transitions of every machine, across restarts. */
    final Map<VipEvent, Long> events = new java.util.EnumMap<>(VipEvent.class);

    private record Event(long at, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    final class Node {
        final NodeId id;
        final long offsetNanos;
        /** How fast this node's clock runs against simulated time; tests may change it. */
        double rate;
        VipOwnership machine;
        boolean crashed;
        boolean paused;
        boolean partitioned;
        final List<VipInput> backlog = new ArrayList<>();
        final Set<VipId> addresses = new TreeSet<>();
        final Set<VipId> serving = new TreeSet<>();

        Node(NodeId id, int index) {
            this.id = id;
            this.offsetNanos = index * 7_919_000_000L;
            this.rate = index % 2 == 0 ? 1.0005 : 0.9995;
        }

        Instant local() {
            return Instant.ofEpochSecond(1_000).plusNanos(offsetNanos + (long) (now * 1_000_000L * rate));
        }
    }

    SimCluster(VipConfig config, long seed) {
        this.config = config;
        this.random = new Random(seed);
    }

    void addNodes(List<String> names) {
        for (String name : names) {
            Node n = new Node(new NodeId(name), nodes.size());
            nodes.put(n.id, n);
        }
        for (Node n : nodes.values()) {
            boot(n);
        }
        membership();
    }

    void addVips(List<String> names) {
        NodeId any = nodes.keySet().iterator().next();
        List<VipRecord> rows = new ArrayList<>();
        for (String name : names) {
            VipRecord r = VipRecord.initial(new VipId(name), any);
            table.put(r.vip(), r);
            rows.add(r);
        }
        nodes.values().forEach(n -> deliver(n, new VipInput.TableChanged(rows)));
    }

    private void boot(Node n) {
        n.machine = new VipOwnership(n.id, config, n.local());
        n.crashed = false;
        long phase = (n.offsetNanos / 1_000_000L) % TICK_MS;
        schedule(phase + 1, () -> tick(n, n.machine));
        deliver(n, new VipInput.TableChanged(List.copyOf(table.values())));
        schedule(RESYNC_MS, () -> resync(n, n.machine));
    }

    private void tick(Node n, VipOwnership incarnation) {
        if (n.machine != incarnation || n.crashed) {
            return;
        }
        if (!n.paused) {
            feed(n, new VipInput.Tick());
        }
        schedule(TICK_MS, () -> tick(n, incarnation));
    }

    private void resync(Node n, VipOwnership incarnation) {
        if (n.machine != incarnation || n.crashed) {
            return;
        }
        if (!n.partitioned) {
            send(n, new VipInput.TableChanged(List.copyOf(table.values())));
        }
        schedule(RESYNC_MS, () -> resync(n, incarnation));
    }

    void schedule(long delay, Runnable action) {
        queue.add(new Event(now + delay, seq++, action));
    }

    private long latency() {
        return minLatency + (maxLatency > minLatency ? random.nextLong(maxLatency - minLatency + 1) : 0);
    }

    /** A message over the network: late, maybe lost. */
    private void send(Node n, VipInput input) {
        if (dropRate > 0 && random.nextDouble() < dropRate) {
            return;
        }
        VipOwnership incarnation = n.machine;
        schedule(latency(), () -> {
            if (n.machine == incarnation) {
                deliver(n, input);
            }
        });
    }

    void deliver(Node n, VipInput input) {
        if (n.crashed) {
            return;
        }
        if (n.paused) {
            n.backlog.add(input);
            return;
        }
        feed(n, input);
    }

    void toAll(VipInput input) {
        nodes.values().forEach(n -> deliver(n, input));
    }

    private void feed(Node n, VipInput input) {
        VipStep step = n.machine.on(input, n.local());
        step.events().forEach(e -> events.merge(e, 1L, Long::sum));
        for (VipEffect e : step.effects()) {
            apply(n, e);
        }
    }

    private void apply(Node n, VipEffect e) {
        switch (e) {
            case VipEffect.WriteRecord w -> {
                boolean renewal = w.next().owner().equals(w.expected().owner()) && w.next().state() == VipState.SERVING
                        && w.expected().state() == VipState.SERVING && w.next().epoch() == w.expected().epoch();
                if (!renewal || logRenewals) {
                    note(n, "write " + w.expected() + " -> " + w.next());
                }
                VipOwnership incarnation = n.machine;
                schedule(latency(), () -> cas(n, incarnation, w));
            }
            case VipEffect.AddAddress a -> {
                note(n, "add-address " + a.vip());
                n.addresses.add(a.vip());
            }
            case VipEffect.RemoveAddress r -> {
                note(n, "remove-address " + r.vip());
                n.addresses.remove(r.vip());
            }
            case VipEffect.StartServing s -> {
                note(n, "start-serving " + s.vip() + " e" + s.epoch());
                n.serving.add(s.vip());
            }
            case VipEffect.StopServing s -> {
                note(n, "stop-serving " + s.vip());
                n.serving.remove(s.vip());
                VipOwnership incarnation = n.machine;
                schedule(DRAIN_MS, () -> {
                    if (n.machine == incarnation) {
                        deliver(n, new VipInput.DrainDone(s.vip()));
                    }
                });
            }
            case VipEffect.Announce a -> note(n, "announce " + a.vip());
            case VipEffect.SendTickles t -> note(n, "tickles " + t.vip());
            case VipEffect.CloseConnections c -> note(n, "close-connections " + c.vip());
            case VipEffect.NodeDrained d -> note(n, "node-drained");
        }
    }

    private void cas(Node n, VipOwnership incarnation, VipEffect.WriteRecord w) {
        // A partitioned node has no quorum: the protected write fails. A crashed node's writes in flight land.
        boolean applied = !n.partitioned && w.expected().equals(table.get(w.next().vip()));
        if (applied) {
            table.put(w.next().vip(), w.next());
            changedAt.put(w.next().vip(), now);
            for (Node other : nodes.values()) {
                if (!other.partitioned && !other.crashed) {
                    send(other, new VipInput.TableChanged(List.of(w.next())));
                }
            }
        }
        if (n.machine == incarnation) {
            send(n, new VipInput.WriteResult(w.next(), applied));
        }
    }

    private void note(Node n, String what) {
        log.add(String.format("%8.3f %s: %s", now / 1000.0, n.id, what));
    }

    /** What each node will see once the failure detector has caught up. */
    void membership() {
        long total = nodes.size();
        Set<NodeId> majority = nodes.values().stream().filter(n -> !n.crashed && !n.partitioned).map(n -> n.id)
                .collect(Collectors.toCollection(TreeSet::new));
        schedule(DETECT_MS, () -> {
            for (Node n : nodes.values()) {
                Set<NodeId> view = n.partitioned ? Set.of(n.id) : majority;
                deliver(n, new VipInput.MembersChanged(view));
                deliver(n, view.size() * 2 > total ? new VipInput.QuorumRegained() : new VipInput.QuorumLost());
            }
        });
    }

    void crash(NodeId id) {
        Node n = nodes.get(id);
        n.crashed = true;
        note(n, "(crashed)");
        n.paused = false;
        n.backlog.clear();
        n.addresses.clear();
        n.serving.clear();
        membership();
    }

    void restart(NodeId id) {
        note(nodes.get(id), "(restarted)");
        boot(nodes.get(id));
        membership();
    }

    void partition(NodeId id, boolean cut) {
        nodes.get(id).partitioned = cut;
        note(nodes.get(id), cut ? "(partitioned)" : "(healed)");
        membership();
    }

    void pause(NodeId id) {
        nodes.get(id).paused = true;
        note(nodes.get(id), "(paused)");
    }

    void resume(NodeId id) {
        Node n = nodes.get(id);
        if (!n.paused) {
            return;
        }
        n.paused = false;
        note(n, "(resumed)");
        List<VipInput> waiting = List.copyOf(n.backlog);
        n.backlog.clear();
        feed(n, new VipInput.Tick());
        waiting.forEach(in -> deliver(n, in));
    }

    void run(long ms) {
        long end = now + ms;
        while (!queue.isEmpty() && queue.peek().at() <= end) {
            Event e = queue.poll();
            now = e.at();
            e.action().run();
            steps++;
            check();
        }
        now = end;
        check();
    }

    /** Runs until {@code done} holds; gives the simulated time it took, or fails after {@code limitMs}. */
    long runUntil(BooleanSupplier done, long limitMs) {
        long start = now;
        while (!done.getAsBoolean()) {
            if (now - start >= limitMs) {
                throw new AssertionError("not reached within " + limitMs + " ms\n" + String.join("\n", log));
            }
            run(1);
        }
        return now - start;
    }

    /** The live, unpaused nodes whose edge dispatches requests on {@code vip}. */
    List<NodeId> servingAtEdge(VipId vip) {
        return nodes.values().stream().filter(n -> !n.crashed && !n.paused && n.serving.contains(vip))
                .map(n -> n.id).toList();
    }

    void check() {
        for (VipId vip : table.keySet()) {
            List<NodeId> entitled = new ArrayList<>();
            for (Node n : nodes.values()) {
                if (!n.crashed && n.machine.mayServe(vip, n.local())) {
                    entitled.add(n.id);
                    long epoch = n.machine.servingEpoch(vip).orElseThrow();
                    if (!table.get(vip).names(n.id, epoch)) {
                        fail(n.id + " may serve " + vip + " e" + epoch + " but the table holds " + table.get(vip));
                    }
                }
            }
            if (entitled.size() > 1) {
                fail("two nodes may serve " + vip + ": " + entitled);
            }
            if (servingAtEdge(vip).size() > 1) {
                fail("two edges serve " + vip + ": " + servingAtEdge(vip));
            }
            List<NodeId> up = nodes.values().stream().filter(n -> !n.crashed && !n.paused && n.addresses.contains(vip))
                    .map(n -> n.id).toList();
            if (checkAddresses && up.size() > 1) {
                fail("two nodes have the address " + vip + " up: " + up);
            }
        }
    }

    private void fail(String why) {
        int from = Math.max(0, log.size() - Integer.getInteger("handoff.vip.logLines", 40));
        throw new AssertionError(String.format("at %.3f: %s\n%s", now / 1000.0, why,
                String.join("\n", log.subList(from, log.size()))));
    }
}
