# failover-holder (pair with 'failover-contender' on another guest; host/cluster-locks.sh moves the VIP, then
#   kills its owner): hold a write lock on $MNT/failover-$RUN_ID.lock through the VIP while it moves to another
#   node (planned) and again after its owner is killed; the lock lives in the cluster's shared lock table, so
#   the contender stays denied throughout. Then release it, through whichever node owns the VIP now: the server
#   must grant the contender's blocked F_SETLKW by an NLM_GRANTED callback.
# Variables: FAILOVER_TIMEOUT_S (default 240) how long to wait for the host and the other guest.
: ${FAILOVER_TIMEOUT_S:=240}
if ! kc_mount "$MNT" lookupcache=positive; then bad "mount"; return; fi
ok "mount"
L=$MNT/failover-$RUN_ID
locktest hold $L.lock $FAILOVER_TIMEOUT_S $L.held & HP=$!
wait_file $L.held 30 && ok "holding the lock (marker $L.held written)" || bad "could not take the lock"
log "FAILOVER holding"
wait_file $L.blocking $FAILOVER_TIMEOUT_S && ok "contender is about to block: $(cat $L.blocking)" || bad "contender never blocked"
sleep 2
log "FAILOVER releasing"; echo "released at $(now)" > $L.released
kill -USR1 $HP; wait $HP && ok "lock released (held across the move and the kill)" || bad "holder lost its lock"
wait_file $L.granted 90 && ok "contender reports: $(cat $L.granted)" || bad "contender did not report the grant"
umount $MNT && ok "umount" || bad "umount"
