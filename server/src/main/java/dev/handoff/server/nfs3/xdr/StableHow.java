package dev.handoff.server.nfs3.xdr;

/** stable_how (RFC 1813 §3.3.7): how far a WRITE must have reached stable storage before the reply. */
public enum StableHow {
    UNSTABLE(0),
    DATA_SYNC(1),
    FILE_SYNC(2);

    private final int value;

    StableHow(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The level with this wire value, or null. */
    public static StableHow of(int value) {
        return value >= 0 && value <= 2 ? values()[value] : null;
    }
}
