package dev.handoff.rpc.message;

import dev.handoff.rpc.xdr.Opaque;
import java.util.List;

/** The credential of a call (RFC 5531 §8.2 and appendix A). */
public sealed interface Credential {
    int flavor();

    /** AUTH_NONE: an anonymous caller. */
    record None() implements Credential {
        public static final None INSTANCE = new None();

        @Override
        public int flavor() {
            return AuthFlavor.AUTH_NONE;
        }
    }

    /**
     * AUTH_SYS (RFC 5531 appendix A): machine name of at most {@link #MAX_MACHINE_NAME} bytes and at most
     * {@link #MAX_GIDS} supplementary groups.
     */
    record Sys(int stamp, String machineName, int uid, int gid, List<Integer> gids) implements Credential {
        public static final int MAX_MACHINE_NAME = 255;
        public static final int MAX_GIDS = 16;

        public Sys {
            gids = List.copyOf(gids);
        }

        @Override
        public int flavor() {
            return AuthFlavor.AUTH_SYS;
        }
    }

    /** Any other flavor, kept as sent; the dispatcher refuses it with AUTH_BADCRED. */
    record Other(int flavor, Opaque body) implements Credential {
    }
}
