package dev.handoff.nsm.xdr;

/** {@code enum res}: whether the monitor agrees to watch a host. */
public enum SmRes {
    STAT_SUCC(0),
    STAT_FAIL(1);

    private final int value;

    SmRes(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The result with this wire value, or null. */
    public static SmRes of(int value) {
        return switch (value) {
            case 0 -> STAT_SUCC;
            case 1 -> STAT_FAIL;
            default -> null;
        };
    }
}
