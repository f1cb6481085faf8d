# reclaim-contender (pair with 'reclaim-holder'): the holder's lock must stay the holder's across a server
#   restart: F_SETLK is denied before the restart, and again after it (during grace the server answers
#   DENIED_GRACE_PERIOD, which the client waits out; then DENIED, as the holder has reclaimed).
# Variables: RECLAIM_TIMEOUT_S (default 150).
: ${RECLAIM_TIMEOUT_S:=150}
if ! kc_mount "$MNT" lookupcache=positive; then bad "mount"; return; fi
ok "mount"
L=$MNT/reclaim-$RUN_ID
wait_file $L.held $RECLAIM_TIMEOUT_S && ok "holder has the lock" || bad "holder never took the lock"
locktest set $L.lock && bad "F_SETLK granted although the holder has the lock" || ok "F_SETLK denied before the restart"
echo "denied at $(now)" > $L.denied
wait_file $MNT/restart-done-$RUN_ID $RECLAIM_TIMEOUT_S && ok "server restarted" || bad "no restart marker"
T=$(now)
locktest set $L.lock && bad "F_SETLK granted after the restart: the holder's lock was lost" \
  || ok "F_SETLK denied after the restart ($(since $T)s)"
result "METRIC name=reclaim_contender_denied_s value=$(since $T)"
wait_file $L.reclaimed $RECLAIM_TIMEOUT_S && ok "holder took a new lock" || bad "holder did not report"
locktest set $L.lock && bad "F_SETLK granted after grace" || ok "F_SETLK still denied after grace"
echo "denied after the restart" > $L.checked
umount $MNT && ok "umount" || bad "umount"
