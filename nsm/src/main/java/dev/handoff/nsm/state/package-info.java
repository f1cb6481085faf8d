/**
 * The status monitor's state, pure (X/Open XNFS chapter 11, the NSM protocol; rpc.statd's semantics where XNFS
 * is silent): the state number, the monitor list, and the peers owed a notice of our restart.
 * {@link dev.handoff.nsm.state.NsmState#on} maps an {@link dev.handoff.nsm.state.NsmInput} and the time to the
 * next immutable state, an answer and {@link dev.handoff.nsm.state.NsmEffect}s; it reads no clock, touches no
 * disk and sends nothing. Host names compare by {@link dev.handoff.nsm.state.HostNames}, without DNS.
 *
 * <p>Threads: values are immutable; {@code dev.handoff.nsm.NsmService} holds the current one under its lock and
 * carries out the effects.
 */
package dev.handoff.nsm.state;
