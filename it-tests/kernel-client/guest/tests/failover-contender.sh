# failover-contender (pair with 'failover-holder'; host/cluster-locks.sh moves the VIP and kills its owner):
#   the holder's write lock must survive both: F_SETLK is denied before the move ("FAILOVER denied-before"), after
#   the planned move (the host's marker $EXPORT/moved-$RUN_ID; "FAILOVER denied-after-move") and after the owner
#   was killed and another node took the VIP over ($EXPORT/killed-$RUN_ID; "FAILOVER denied-after-kill"). Then
#   F_SETLKW blocks and must be granted within LOCK_GRANT_MAX_S of the holder's release (2 s after we block):
#   an NLM_GRANTED callback from the new owner, not the client's 30 s re-poll.
# Variables: FAILOVER_TIMEOUT_S (default 240), LOCK_GRANT_MAX_S (default 10).
# METRIC failover_denied_after_move_s, failover_denied_after_kill_s (how long F_SETLK took), failover_setlkw_wait_s
: ${FAILOVER_TIMEOUT_S:=240} ${LOCK_GRANT_MAX_S:=10}
if ! kc_mount "$MNT" lookupcache=positive; then bad "mount"; return; fi
ok "mount"
L=$MNT/failover-$RUN_ID
wait_file $L.held $FAILOVER_TIMEOUT_S && ok "holder has the lock: $(cat $L.held)" || bad "holder never took the lock"
locktest set $L.lock && bad "F_SETLK granted although the holder has the lock" || ok "F_SETLK denied before the move"
log "FAILOVER denied-before"
for step in move kill; do
  M=$MNT/moved-$RUN_ID; [ $step = kill ] && M=$MNT/killed-$RUN_ID
  wait_file $M $FAILOVER_TIMEOUT_S && ok "host reports: $step done" || bad "no marker from the host for the $step"
  T=$(now)
  locktest set $L.lock && bad "F_SETLK granted after the $step: the holder's lock was lost" \
    || ok "F_SETLK denied after the $step ($(since $T)s)"
  result "METRIC name=failover_denied_after_${step}_s value=$(since $T)"
  log "FAILOVER denied-after-$step"
done
echo "blocking at $(now)" > $L.blocking
T=$(now)
locktest setw $L.lock && ok "F_SETLKW granted" || bad "F_SETLKW failed"
W=$(since $T)
log "F_SETLKW waited ${W}s in total (the holder keeps the lock ~2 s after we block)"
awk -v w=$W -v m=$LOCK_GRANT_MAX_S 'BEGIN{exit !(w < m + 2)}' && ok "granted ${W}s after blocking (callback delivered)" \
  || bad "granted only after ${W}s: NLM_GRANTED callback not received (client 30 s re-poll?)"
echo "granted after ${W}s" > $L.granted
result "METRIC name=failover_setlkw_wait_s value=$W"
umount $MNT && ok "umount" || bad "umount"
