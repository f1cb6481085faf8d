/**
 * Persistence of the status monitor (XNFS chapter 11 requires the state number to survive restarts; rpc.statd
 * keeps it and its monitor list under {@code /var/lib/nfs}). {@link dev.handoff.nsm.store.NsmStore} is the SPI a
 * cluster store implements; {@link dev.handoff.nsm.store.NsmStateFiles} keeps the snapshot in the state
 * directory, each file replaced atomically. Stores are called under the monitor's lock.
 */
package dev.handoff.nsm.store;
