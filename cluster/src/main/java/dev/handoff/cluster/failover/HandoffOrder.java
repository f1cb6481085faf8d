package dev.handoff.cluster.failover;

/**
 * When, in a planned handoff, the clients' connections to the old owner are ended, and how. Each was measured
 * with the Linux kernel client (docs/failover.md); {@link #TICKLE} is the default because it stalled clients
 * least. The others stay selectable ({@code --handoff-order}) so the measurement can be repeated.
 */
public enum HandoffOrder {
    /**
     * Old owner drains and removes the address; the new owner adds it, announces it and sends every recorded
     * connection a tickle ACK, whose answer meets a node without that socket and gets an RST: the client
     * reconnects at once, to a node already listening. The old owner resets its sockets last.
     */
    TICKLE,
    /** Old owner drains, resets its connections while it still holds the address, then removes the address. */
    RESET_FIRST,
    /** Old owner drains and half-closes (FIN) its connections, then removes the address. */
    FIN;

    public static HandoffOrder parse(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "tickle" -> TICKLE;
            case "reset-first" -> RESET_FIRST;
            case "fin" -> FIN;
            default -> throw new IllegalArgumentException("unknown handoff order '" + text
                    + "' (tickle, reset-first or fin)");
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
