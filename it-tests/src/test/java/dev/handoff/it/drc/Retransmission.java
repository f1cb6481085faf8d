package dev.handoff.it.drc;

/**
 * What {@link DrcProbe}'s {@code retransmit} saw, times in epoch milliseconds of the machine's clock (the probe
 * and the test share it).
 *
 * @param reply       the reply to the retransmitted record
 * @param startedAt   when the old connection was reset
 * @param connectedAt when a connection to the address was first accepted again
 * @param repliedAt   when the reply arrived
 * @param connects    connection attempts, the first accepted one included
 * @param sends       times the record went out (more than one: a copy was dropped as still in progress)
 */
record Retransmission(ProbeReply reply, long startedAt, long connectedAt, long repliedAt, int connects, int sends) {
}
