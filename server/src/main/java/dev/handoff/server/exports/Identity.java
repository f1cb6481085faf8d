package dev.handoff.server.exports;

import java.util.List;

/**
 * The user and groups a call runs as, after squashing. Ids are unsigned 32-bit values held in an int, as
 * AUTH_SYS carries them (RFC 5531 appendix A).
 */
public record Identity(int uid, int gid, List<Integer> gids) {
    public Identity {
        gids = List.copyOf(gids);
    }

    @Override
    public String toString() {
        return "uid=" + Integer.toUnsignedString(uid) + " gid=" + Integer.toUnsignedString(gid)
                + " gids=" + gids.stream().map(Integer::toUnsignedString).toList();
    }
}
