package dev.handoff.nsm.state;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the monitor compares host names, without DNS (a pure core must not block on a resolver): names are equal
 * ignoring case and one trailing dot; a name that is an address literal also equals the same address written
 * differently, and, as statd's {@code sm_notify_1_svc} does, an SM_NOTIFY matches a host monitored by its
 * address when the notice comes from that address whatever name it carries (a Linux client's sm-notify sends
 * its host name, while lockd monitors it by address). {@link #sentBy} then decides whether the notice may
 * speak for that host at all.
 */
public final class HostNames {
    /** Dotted quads only: {@code InetAddress.ofLiteral} would also read "123" as 0.0.0.123, a host name. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostNames() {
    }

    public static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") && n.length() > 1 ? n.substring(0, n.length() - 1) : n;
    }

    /** The address {@code name} spells, if it is an IPv4 or IPv6 literal; never a lookup. */
    public static Optional<InetAddress> literal(String name) {
        if (!name.contains(":") && !IPV4.matcher(name).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a notice sent from {@code caller} may speak for the host monitored as {@code monitored}, last seen
     * calling from {@code monitoredAt}: a notice drops every lock of the host it names, so a name alone is not
     * enough (any host can type another's name). It must come from the address the host was monitored at, or,
     * when none was recorded, from the address its name spells; a host known only by a name that is not an
     * address cannot be told from a stranger without DNS, and its notices are ignored. A null {@code caller}
     * (an in-process notice, no network peer) is not checked.
     */
    public static boolean sentBy(String monitored, InetAddress monitoredAt, InetAddress caller) {
        if (caller == null) {
            return true;
        }
        if (monitoredAt != null) {
            return monitoredAt.equals(caller);
        }
        return literal(monitored).map(caller::equals).orElse(false);
    }

    /**
     * Whether an SM_NOTIFY for {@code notified}, sent from {@code caller} (null when unknown), concerns the host
     * monitored as {@code monitored}.
     */
    public static boolean matches(String monitored, String notified, InetAddress caller) {
        if (normalize(monitored).equals(normalize(notified))) {
            return true;
        }
        Optional<InetAddress> address = literal(monitored);
        if (address.isEmpty()) {
            return false;
        }
        return address.equals(literal(notified)) || address.get().equals(caller);
    }
}
