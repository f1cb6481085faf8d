package dev.handoff.nlm.xdr;

/**
 * fsh_access / fsh4_access (XNFS chapter 10, NLM_SHARE): the access a share reservation's holder wants. The
 * values are bits (read 1, write 2), so RW is R | W.
 */
public enum ShareAccess {
    NONE(0),
    R(1),
    W(2),
    RW(3);

    private final int value;

    ShareAccess(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The access with this wire value, or null. */
    public static ShareAccess of(int value) {
        return value >= 0 && value < 4 ? values()[value] : null;
    }
}
