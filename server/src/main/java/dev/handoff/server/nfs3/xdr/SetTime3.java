package dev.handoff.server.nfs3.xdr;

import java.util.Objects;

/**
 * set_atime and set_mtime of sattr3 (RFC 1813 §2.6): a union on time_how. DONT_CHANGE leaves the time alone,
 * SET_TO_SERVER_TIME takes the server's clock (what {@code touch} without a date asks for), and
 * SET_TO_CLIENT_TIME sets the time the client sent.
 */
public sealed interface SetTime3 {
    int DONT_CHANGE = 0;
    int SET_TO_SERVER_TIME = 1;
    int SET_TO_CLIENT_TIME = 2;

    /** The time_how discriminant on the wire. */
    int how();

    record DontChange() implements SetTime3 {
        public static final DontChange INSTANCE = new DontChange();

        @Override
        public int how() {
            return DONT_CHANGE;
        }
    }

    record ServerTime() implements SetTime3 {
        public static final ServerTime INSTANCE = new ServerTime();

        @Override
        public int how() {
            return SET_TO_SERVER_TIME;
        }
    }

    record ClientTime(NfsTime3 time) implements SetTime3 {
        public ClientTime {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public int how() {
            return SET_TO_CLIENT_TIME;
        }
    }
}
