package dev.handoff.rpc.transport;

/**
 * Told of every TCP connection as it opens and as it closes, on the connection's event loop: it must not block.
 * The cluster records each VIP's client connections with it, so that a node taking the VIP over after a crash
 * can tickle every one of them (DESIGN.md §5); recording on these two events, not periodically, means no
 * connection is missed for a polling period.
 */
public interface ConnectionListener {
    ConnectionListener NONE = new ConnectionListener() {
        @Override
        public void opened(ConnectionInfo connection) {
        }

        @Override
        public void closed(ConnectionInfo connection) {
        }
    };

    void opened(ConnectionInfo connection);

    void closed(ConnectionInfo connection);
}
