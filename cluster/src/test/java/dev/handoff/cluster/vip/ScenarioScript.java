package dev.handoff.cluster.vip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario file against a {@link SimCluster} and renders the golden text: each {@code > command} line
 * followed by what happened, indented. Lines starting with {@code #} are kept as comments; every other line
 * is the previous run's output and is regenerated. With {@code -Dhandoff.rewrite=true} the file is rewritten
 * in {@code src/test/resources} instead of compared.
 */
final class ScenarioScript {
    static final Path DIR = Path.of("src/test/resources/dev/handoff/cluster/vip");

    private ScenarioScript() {
    }

    static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void rewrite(String name, String text) {
        try {
            Files.writeString(DIR.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(String script) {
        StringBuilder out = new StringBuilder();
        Map<VipId, List<NodeId>> prefs = new LinkedHashMap<>();
        SimCluster sim = null;
        for (String line : script.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                out.append(line).append('\n');
                continue;
            }
            if (!line.startsWith("> ")) {
                continue;
            }
            out.append(line).append('\n');
            List<String> w = Arrays.asList(line.substring(2).trim().split("\\s+"));
            List<String> args = w.subList(1, w.size());
            int logged = sim == null ? 0 : sim.log.size();
            List<String> extra = new ArrayList<>();
            switch (w.get(0)) {
                case "prefer" -> prefs.put(new VipId(args.get(0)),
                        args.subList(1, args.size()).stream().map(NodeId::new).toList());
                case "nodes" -> {
                    VipConfig d = VipConfig.defaults();
                    sim = new SimCluster(new VipConfig(d.lease(), d.margin(), d.renewEvery(), d.writeTimeout(),
                            Duration.ofSeconds(5), Duration.ofSeconds(5), prefs), 1);
                    sim.addNodes(args);
                }
                case "vips" -> sim.addVips(args);
                case "run" -> sim.run(Long.parseLong(args.get(0)));
                case "move" -> sim.toAll(new VipInput.MoveRequested(new VipId(args.get(0)), new NodeId(args.get(1))));
                case "drain" -> sim.toAll(new VipInput.DrainNode(new NodeId(args.get(0))));
                case "undrain" -> sim.toAll(new VipInput.UndrainNode(new NodeId(args.get(0))));
                case "crash" -> sim.crash(new NodeId(args.get(0)));
                case "restart" -> sim.restart(new NodeId(args.get(0)));
                case "partition" -> sim.partition(new NodeId(args.get(0)), true);
                case "heal" -> sim.partition(new NodeId(args.get(0)), false);
                case "pause" -> sim.pause(new NodeId(args.get(0)));
                case "resume" -> sim.resume(new NodeId(args.get(0)));
                case "table" -> sim.table.values().forEach(r -> extra.add(r.toString()));
                case "status" -> status(sim, extra);
                default -> throw new IllegalArgumentException("unknown command: " + line);
            }
            if (sim != null) {
                sim.log.subList(logged, sim.log.size()).forEach(l -> out.append("  ").append(l.strip()).append('\n'));
            }
            extra.forEach(l -> out.append("  ").append(l).append('\n'));
        }
        return out.toString();
    }

    private static void status(SimCluster sim, List<String> out) {
        for (SimCluster.Node n : sim.nodes.values()) {
            StringBuilder b = new StringBuilder(n.id.name()).append(':');
            for (VipId vip : sim.table.keySet()) {
                String phase = n.crashed ? "down" : n.machine.phase(vip);
                // A paused node still believes it serves; its lease says whether it may.
                if (phase.equals("serving") && !n.machine.mayServe(vip, n.local())) {
                    phase = "serving(lease-expired)";
                }
                b.append(' ').append(vip).append('=').append(phase);
            }
            out.add(b.toString());
        }
    }
}
