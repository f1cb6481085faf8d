package dev.handoff.server.admin;

import com.sun.net.httpserver.HttpExchange;
import dev.handoff.cluster.failover.ClusterControl;
import dev.handoff.cluster.failover.ClusterControl.Outcome;
import dev.handoff.cluster.vip.NodeId;
import dev.handoff.cluster.vip.VipId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The cluster routes of the admin API: {@code GET /v1/status} and the operator's requests to move a VIP and to
 * drain or undrain a node. A request the cluster refuses (unknown VIP or node, no quorum, a draining target)
 * is the {@link ClusterControl}'s to judge; it answers 409 with the control's reason, so the CLI can print it.
 */
final class ClusterRoutes {
    static final String STATUS = "/v1/status";
    static final String VIPS = "/v1/vips/";
    static final String NODES = "/v1/nodes/";
    static final int ACCEPTED = 202;
    static final int CONFLICT = 409;

    private final ClusterControl control;

    ClusterRoutes(ClusterControl control) {
        this.control = control;
    }

    /** Answers a cluster route; false when {@code rawPath} is none of them (the caller answers 404). */
    boolean respond(HttpExchange exchange, String rawPath) throws IOException {
        if (rawPath.equals(STATUS)) {
            Exchanges.route(exchange, "GET", () -> Exchanges.send(exchange, 200, control.status()));
            return true;
        }
        Optional<List<String>> vip = PathSegments.after(rawPath, VIPS, 2);
        if (vip.isPresent() && vip.get().get(1).equals("move")) {
            Exchanges.route(exchange, "POST", () -> move(exchange, vip.get().get(0)));
            return true;
        }
        Optional<List<String>> node = PathSegments.after(rawPath, NODES, 2);
        if (node.isPresent() && (node.get().get(1).equals("drain") || node.get().get(1).equals("undrain"))) {
            boolean drain = node.get().get(1).equals("drain");
            Exchanges.route(exchange, "POST", () -> drain(exchange, node.get().get(0), drain));
            return true;
        }
        return false;
    }

    private void move(HttpExchange exchange, String vipName) throws IOException {
        Optional<String> to = PathSegments.queryParameter(exchange.getRequestURI().getRawQuery(), "to");
        if (to.isEmpty() || to.get().isEmpty()) {
            Exchanges.error(exchange, 400, "name the node to move " + vipName + " to: ?to=NODE");
            return;
        }
        VipId vip;
        NodeId target;
        try {
            vip = new VipId(vipName);
            target = new NodeId(to.get());
        } catch (IllegalArgumentException e) {
            Exchanges.error(exchange, 400, e.getMessage());
            return;
        }
        answer(exchange, control.move(vip, target));
    }

    private void drain(HttpExchange exchange, String nodeName, boolean drain) throws IOException {
        NodeId node;
        try {
            node = new NodeId(nodeName);
        } catch (IllegalArgumentException e) {
            Exchanges.error(exchange, 400, e.getMessage());
            return;
        }
        answer(exchange, control.drain(node, drain));
    }

    private static void answer(HttpExchange exchange, Outcome outcome) throws IOException {
        Exchanges.send(exchange, outcome.accepted() ? ACCEPTED : CONFLICT, outcome);
    }
}
