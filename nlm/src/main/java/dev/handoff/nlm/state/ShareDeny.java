package dev.handoff.nlm.state;

/**
 * The access a share reservation denies to others (XNFS §10, fsh_mode: fsm_DN, fsm_DR, fsm_DW, fsm_DRW). Its bits
 * line up with {@link ShareAccess}'s, which is what makes the conflict test a pair of ANDs.
 */
public enum ShareDeny {
    NONE(0),
    READ(1),
    WRITE(2),
    READ_WRITE(3);

    private final int wire;

    ShareDeny(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }

    public static ShareDeny fromWire(int value) {
        for (ShareDeny d : values()) {
            if (d.wire == value) {
                return d;
            }
        }
        throw new IllegalArgumentException("fsh_mode " + value);
    }
}
