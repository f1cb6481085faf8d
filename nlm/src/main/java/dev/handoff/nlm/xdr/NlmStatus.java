package dev.handoff.nlm.xdr;

/**
 * nlm4_stats (RFC 1813 appendix II, basic data types), a superset of v1/v3's nlm_stats (XNFS chapter 10:
 * GRANTED to DENIED_GRACE_PERIOD; Sun's nlm_prot.x adds DEADLCK). Handlers answer in these terms whatever the version;
 * {@link NlmWire#onWire} says what a v1/v3 client is sent instead of a status its version lacks.
 */
public enum NlmStatus {
    GRANTED(0),
    DENIED(1),
    DENIED_NOLOCKS(2),
    BLOCKED(3),
    DENIED_GRACE_PERIOD(4),
    DEADLCK(5),
    ROFS(6),
    STALE_FH(7),
    FBIG(8),
    FAILED(9);

    private static final NlmStatus[] BY_VALUE = values();

    private final int value;

    NlmStatus(int value) {
        this.value = value;
    }

    /** The v4 wire value; v1/v3 share it for the statuses they know. */
    public int value() {
        return value;
    }

    /** The status with this v4 wire value, or null. */
    public static NlmStatus of(int value) {
        return value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : null;
    }
}
