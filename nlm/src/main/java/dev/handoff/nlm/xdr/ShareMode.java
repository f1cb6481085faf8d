package dev.handoff.nlm.xdr;

/**
 * fsh_mode / fsh4_mode (XNFS chapter 10, NLM_SHARE): which access a DOS-style share reservation denies to
 * others. The values are bits (read 1, write 2), so DRW is DR | DW.
 */
public enum ShareMode {
    /** Deny none. */
    DN(0),
    /** Deny read. */
    DR(1),
    /** Deny write. */
    DW(2),
    /** Deny read and write. */
    DRW(3);

    private final int value;

    ShareMode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The mode with this wire value, or null. */
    public static ShareMode of(int value) {
        return value >= 0 && value < 4 ? values()[value] : null;
    }
}
