package dev.handoff.nsm.xdr;

/**
 * Procedure numbers of NSM version 1 (XNFS chapter 11, {@code sm_inter.x}), with the XDR shapes each takes
 * and returns.
 */
public final class NsmProcedures {
    /** The status monitor's program number. */
    public static final int PROGRAM = 100_024;
    /** Its only version. */
    public static final int VERSION = 1;

    /** void, void. */
    public static final int SM_NULL = 0;
    /** {@link SmName} → {@link SmStatRes}: would the monitor watch this host, and its state number. */
    public static final int SM_STAT = 1;
    /** {@link Mon} → {@link SmStatRes}: watch {@code mon_name}, calling back {@code my_id} on a change. */
    public static final int SM_MON = 2;
    /** {@link MonId} → {@link SmStat}: stop one watch. */
    public static final int SM_UNMON = 3;
    /** {@link MyId} → {@link SmStat}: stop every watch this caller registered. */
    public static final int SM_UNMON_ALL = 4;
    /** void → void: act as if this host had restarted (bump the state, notify). */
    public static final int SM_SIMU_CRASH = 5;
    /** {@link StatChge} → void: a peer announces its new state after a restart. */
    public static final int SM_NOTIFY = 6;

    private NsmProcedures() {
    }
}
