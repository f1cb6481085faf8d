package dev.handoff.nsm.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.nsm.state.Monitor;
import dev.handoff.nsm.state.NotifyTarget;
import dev.handoff.nsm.state.NsmSnapshot;
import dev.handoff.nsm.state.ServerName;
import dev.handoff.nsm.xdr.Mon;
import dev.handoff.nsm.xdr.MonId;
import dev.handoff.nsm.xdr.MyId;
import dev.handoff.nsm.xdr.NsmCodec;
import dev.handoff.rpc.xdr.Opaque;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor list and the notify list as JSON, without the state number (that has its own file):
 * <pre>{"version":1,
 *  "monitors":[{"monName":"10.0.0.7","myName":"handoff","myProg":100021,"myVers":4,"myProc":16,
 *               "priv":"00112233445566778899aabbccddeeff","address":"10.0.0.7",
 *               "knownAs":[{"name":"10.0.0.100","source":"10.0.0.100"}],"peerState":3,"since":"2025-01-01T00:00:00Z"}],
 *  "notify":[{"peer":"10.0.0.8","address":"10.0.0.8","name":"10.0.0.100","source":"10.0.0.100"}]}</pre>
 * Addresses are read as literals only (never looked up). An entry that could not have been written (a name
 * too long for the wire, a cookie of the wrong size) is skipped with a warning; a file that is not JSON at all
 * is refused, since starting with an empty list would leave its clients untold of our restart.
 */
final class SnapshotJson {
    private static final Logger log = LoggerFactory.getLogger(SnapshotJson.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    /** The two lists of a snapshot. */
    record Lists(List<Monitor> monitors, List<NotifyTarget> pending) {
    }

    private SnapshotJson() {
    }

    static byte[] encode(NsmSnapshot snapshot) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("version", VERSION);
        ArrayNode monitors = root.putArray("monitors");
        for (Monitor m : snapshot.monitors()) {
            MyId id = m.id().myId();
            ObjectNode o = monitors.addObject().put("monName", m.monName()).put("myName", id.myName())
                    .put("myProg", id.myProg()).put("myVers", id.myVers()).put("myProc", id.myProc())
                    .put("priv", m.priv().toHex());
            putAddress(o, "address", m.address());
            ArrayNode names = o.putArray("knownAs");
            m.knownAs().forEach(n -> putAddress(names.addObject().put("name", n.name()), "source", n.source()));
            o.put("peerState", m.peerState()).put("since", m.since().toString());
        }
        ArrayNode notify = root.putArray("notify");
        for (NotifyTarget t : snapshot.pending()) {
            ObjectNode o = notify.addObject().put("peer", t.peer());
            putAddress(o, "address", t.address());
            putAddress(o.put("name", t.as().name()), "source", t.as().source());
        }
        return JSON.writeValueAsBytes(root);
    }

    static Lists decode(byte[] bytes, String where) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new IOException(where + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("monitors").isArray() || !root.path("notify").isArray()) {
            throw new IOException(where + " has no \"monitors\" and \"notify\" arrays");
        }
        if (root.path("version").asInt(VERSION) != VERSION) {
            throw new IOException(where + " has version " + root.get("version") + "; this server reads " + VERSION);
        }
        List<Monitor> monitors = new ArrayList<>();
        for (JsonNode m : root.get("monitors")) {
            try {
                monitors.add(monitor(m));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                log.warn("{}: skipping the malformed monitor {}: {}", where, brief(m), e.getMessage());
            }
        }
        List<NotifyTarget> pending = new ArrayList<>();
        for (JsonNode t : root.get("notify")) {
            try {
                pending.add(new NotifyTarget(name(t, "peer"), address(t, "address"), serverName(t)));
            } catch (IllegalArgumentException e) {
                log.warn("{}: skipping the malformed notify entry {}: {}", where, brief(t), e.getMessage());
            }
        }
        return new Lists(monitors, pending);
    }

    /** An entry as a log can hold it: names may be a kilobyte each. */
    private static String brief(JsonNode entry) {
        String s = entry.toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static Monitor monitor(JsonNode m) {
        MyId myId = new MyId(text(m, "myName"), integer(m, "myProg"), integer(m, "myVers"), integer(m, "myProc"));
        String priv = text(m, "priv");
        if (!priv.matches("[0-9a-fA-F]{" + 2 * Mon.PRIV_SIZE + "}")) {
            throw new IllegalArgumentException("priv is not " + Mon.PRIV_SIZE + " bytes of hex");
        }
        List<ServerName> knownAs = new ArrayList<>();
        for (JsonNode n : m.path("knownAs")) {
            knownAs.add(serverName(n));
        }
        return new Monitor(new MonId(name(m, "monName"), myId), Opaque.ofHex(priv), address(m, "address"),
                knownAs, integer(m, "peerState"), Instant.parse(text(m, "since")));
    }

    private static ServerName serverName(JsonNode n) {
        return new ServerName(text(n, "name"), address(n, "source"));
    }

    /** A host name as SM_MON could have carried it: 1 to SM_MAXSTRLEN bytes. */
    private static String name(JsonNode o, String field) {
        String s = text(o, field);
        int bytes = s.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > NsmCodec.SM_MAXSTRLEN) {
            throw new IllegalArgumentException(field + " has " + bytes + " bytes");
        }
        return s;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isInt()) {
            throw new IllegalArgumentException(field + " is missing or not a 32-bit integer");
        }
        return v.asInt();
    }

    /** Null when absent; a literal otherwise, as a stored name must never start a DNS lookup. */
    private static InetAddress address(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return InetAddress.ofLiteral(v.asText());
    }

    private static void putAddress(ObjectNode o, String field, InetAddress address) {
        if (address != null) {
            o.put(field, address.getHostAddress());
        }
    }
}
