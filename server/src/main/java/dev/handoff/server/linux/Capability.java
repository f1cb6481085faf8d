package dev.handoff.server.linux;

/** The Linux capabilities the server cares about, with their bit numbers (linux/capability.h). */
public enum Capability {
    CHOWN(0),
    DAC_OVERRIDE(1),
    DAC_READ_SEARCH(2),
    FOWNER(3),
    FSETID(4),
    SETGID(6),
    SETUID(7),
    NET_BIND_SERVICE(10),
    NET_ADMIN(12),
    NET_RAW(13),
    SYS_ADMIN(21),
    MKNOD(27);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public long mask() {
        return 1L << bit;
    }
}
