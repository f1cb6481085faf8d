package dev.handoff.cluster.state;

/**
 * Hazelcast type ids of the state serializers. They are part of the wire format between members: never reuse or
 * renumber one, or members of two builds would read each other's entries as the wrong type.
 */
final class StateTypeIds {
    /** "HO" in the high bytes keeps them clear of other libraries' custom ids. */
    private static final int BASE = 0x484F_0000;

    static final int REPLY_CACHE_KEY = BASE + 1;
    static final int REPLY_ENTRY = BASE + 2;
    static final int FILE_KEY = BASE + 3;
    static final int FILE_LOCKS = BASE + 4;
    static final int GRACE = BASE + 5;
    static final int VIP_RECORD = BASE + 6;

    private StateTypeIds() {
    }
}
