# contender (two-client test, pair with 'holder' on another guest):
#   wait until the holder has the lock; F_SETLK must be DENIED by the server; F_GETLK must report the
#   conflict; then F_SETLKW blocks (NLM4_BLOCKED) and must be granted promptly after the holder releases,
#   i.e. via the server's NLM_GRANTED callback to this guest (tap network), not the client's 30 s re-poll.
# Variables: TWOCLIENT_TIMEOUT_S (default 120), LOCK_GRANT_MAX_S (default 10: max seconds from release to grant).
: ${TWOCLIENT_TIMEOUT_S:=120} ${LOCK_GRANT_MAX_S:=10}
if ! kc_mount "$MNT" lookupcache=positive; then bad "mount"; return; fi
ok "mount"
L=$MNT/twoclient-$RUN_ID
wait_file $L.held $TWOCLIENT_TIMEOUT_S && ok "holder has the lock: $(cat $L.held)" || bad "holder never took the lock"
locktest set $L.lock && bad "F_SETLK NOT denied although the other client holds the lock" || ok "server denies F_SETLK (cross-client conflict)"
locktest get $L.lock; [ $? = 3 ] && ok "F_GETLK reports the other client's lock" || bad "F_GETLK did not report the conflict"
echo "blocking at $(now)" > $L.blocking
T=$(now)
locktest setw $L.lock && ok "F_SETLKW granted" || bad "F_SETLKW failed"
W=$(since $T)
log "F_SETLKW waited ${W}s in total (the holder keeps the lock ~2 s after we block)"
awk -v w=$W -v m=$LOCK_GRANT_MAX_S 'BEGIN{exit !(w < m + 2)}' && ok "granted ${W}s after blocking (callback delivered)" \
  || bad "granted only after ${W}s: NLM_GRANTED callback not received (client 30 s re-poll?)"
echo "granted after ${W}s" > $L.granted
result "METRIC name=twoclient_setlkw_wait_s value=$W"
umount $MNT && ok "umount" || bad "umount"
