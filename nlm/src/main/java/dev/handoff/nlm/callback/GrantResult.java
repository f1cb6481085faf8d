package dev.handoff.nlm.callback;

import java.util.Locale;

/** What became of one NLM_GRANTED callback (XNFS §10), after all its retries. */
public enum GrantResult {
    /** The client's lock manager answered GRANTED: the waiting process has its lock. */
    ACCEPTED,
    /** The client answered with another status (its process gave up waiting): the lock is released. */
    REFUSED,
    /** No answer after every retry, no lockd registered, or too many callbacks under way: the lock is released. */
    FAILED;

    /** The label value, e.g. {@code accepted}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
