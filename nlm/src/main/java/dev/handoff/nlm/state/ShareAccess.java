package dev.handoff.nlm.state;

/** The access a share reservation asks for (XNFS §10, fsh_access: fsa_NONE, fsa_R, fsa_W, fsa_RW). */
public enum ShareAccess {
    NONE(0),
    READ(1),
    WRITE(2),
    READ_WRITE(3);

    private final int wire;

    ShareAccess(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }

    public static ShareAccess fromWire(int value) {
        for (ShareAccess a : values()) {
            if (a.wire == value) {
                return a;
            }
        }
        throw new IllegalArgumentException("fsh_access " + value);
    }
}
