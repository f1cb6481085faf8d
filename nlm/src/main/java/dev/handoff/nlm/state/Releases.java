package dev.handoff.nlm.state;

import java.time.Instant;

/** Dropping state in bulk on one file's record: a client's (FREE_ALL, reboot) or everything (file removed). */
final class Releases {
    private Releases() {
    }

    /** Every lock, share, wait and pending grant of {@code client}; other clients' waiters may then be granted. */
    static Step client(FileLocks file, String client, Transition transition, LockConfig config, Instant now) {
        FileLocks next = file
                .withLocks(PosixLocks.releaseIf(file.locks(), l -> l.client().equals(client)))
                .withShares(file.shares().stream().filter(s -> !s.client().equals(client)).toList())
                .withWaiters(file.waiters().stream().filter(w -> !w.client().equals(client)).toList())
                .withGrants(file.grants().stream().filter(g -> !g.client().equals(client)).toList());
        return LockRequests.settle(next, LockStatus.GRANTED, transition, config, now);
    }

    /**
     * Everything on the file. Its waiters are dropped without a word: NLM has no message for it, and a client
     * still waiting re-sends its LOCK (Linux every 30 s) and learns then that the handle is stale.
     */
    static Step file(FileLocks file) {
        return Step.same(FileLocks.empty(file.file()).withVersion(file.version()), LockStatus.GRANTED,
                Transition.FILE_RELEASED);
    }
}
