package dev.handoff.nsm.notify;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The peer's rpcbind answered, but has no statd (program 100024 version 1 over UDP) registered. */
public final class StatdNotRegisteredException extends IOException {
    public StatdNotRegisteredException(InetSocketAddress rpcbind) {
        super("no statd registered with rpcbind at " + rpcbind);
    }
}
