package dev.handoff.nlm.state;

/**
 * The answer to a request, as the NLM version 4 {@code nlm4_stats} values (XNFS §10; RFC 1813 appendix II). Versions
 * 1 and 3 have no DEADLCK: the edge answers DENIED there.
 */
public enum LockStatus {
    GRANTED(0),
    DENIED(1),
    DENIED_NOLOCKS(2),
    BLOCKED(3),
    DENIED_GRACE_PERIOD(4),
    DEADLCK(5);

    private final int nlm4;

    LockStatus(int nlm4) {
        this.nlm4 = nlm4;
    }

    public int nlm4() {
        return nlm4;
    }
}
