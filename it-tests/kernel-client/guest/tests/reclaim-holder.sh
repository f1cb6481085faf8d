# reclaim-holder (pair with 'reclaim-contender' on another guest; the host restarts the server):
#   hold a write lock on $MNT/reclaim-$RUN_ID.lock across a server restart. The server's SM_NOTIFY makes this
#   client's lockd reclaim the lock in the grace period; a new lock taken after the restart (lockd holds it back
#   until its reclaims are done) is the non-reclaim request that tells the server this client has finished, so
#   grace ends early. The contender checks meanwhile that it cannot take the lock.
# Host side: wait for "RECLAIM holding" on the console, kill and restart the server, then create
#   "$EXPORT/restart-done-$RUN_ID" on the server's disk.
# Variables: RECLAIM_TIMEOUT_S (default 150) how long to wait for the host and the other guest.
: ${RECLAIM_TIMEOUT_S:=150}
if ! kc_mount "$MNT" lookupcache=positive; then bad "mount"; return; fi
ok "mount"
L=$MNT/reclaim-$RUN_ID
locktest hold $L.lock $RECLAIM_TIMEOUT_S $L.held & HP=$!
wait_file $L.held 30 && ok "holding the lock" || bad "could not take the lock"
wait_file $L.denied $RECLAIM_TIMEOUT_S && ok "contender denied before the restart" || bad "contender never checked"
log "RECLAIM holding"
wait_file $MNT/restart-done-$RUN_ID $RECLAIM_TIMEOUT_S && ok "server restarted" || bad "no restart marker"
T=$(now)
locktest set $L.other && ok "new lock granted $(since $T)s after the restart marker" || bad "new lock after the restart"
result "METRIC name=reclaim_new_lock_s value=$(since $T)"
echo "new lock at $(now)" > $L.reclaimed
wait_file $L.checked $RECLAIM_TIMEOUT_S && ok "contender reports: $(cat $L.checked)" || bad "contender did not report"
kill -USR1 $HP; wait $HP && ok "lock held through the restart, released" || bad "holder lost its lock"
umount $MNT && ok "umount" || bad "umount"
