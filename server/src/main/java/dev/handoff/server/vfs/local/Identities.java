package dev.handoff.server.vfs.local;

import dev.handoff.server.exports.Identity;
import dev.handoff.server.linux.ErrnoException;
import dev.handoff.server.linux.ThreadIdentity;
import java.util.List;

/** Switching the calling (platform) thread to an export-level {@link Identity}, and naming the server's own. */
final class Identities {
    private Identities() {
    }

    /**
     * Makes the kernel judge the thread's file-system calls as {@code who} until the result is closed. Fails
     * (EPERM) rather than carry on as the server when the process may not switch: never silently serve as root.
     */
    static ThreadIdentity become(Identity who) throws ErrnoException {
        int[] groups = new int[who.gids().size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = who.gids().get(i);
        }
        return ThreadIdentity.switchTo(who.uid(), who.gid(), groups);
    }

    /** The identity the calling thread has now: the server's, when called before any switch. */
    static Identity current() {
        return new Identity(ThreadIdentity.currentFsuid(), ThreadIdentity.currentFsgid(), List.of());
    }
}
