# reboot-holder (pair with 'reboot-contender' on another guest): take a write lock on $MNT/reboot-$RUN_ID.lock,
#   then act as a host that went down without unlocking and came back: send the reboot notice a restarted
#   host's statd sends (sm-notify -f: a new state number to every server in /var/lib/nfs/sm). The server must
#   then release everything this client held, so the contender gets the lock although our process never let
#   go of it.
# Variables: REBOOT_TIMEOUT_S (default 120).
: ${REBOOT_TIMEOUT_S:=120}
if ! kc_mount "$MNT" lookupcache=positive; then bad "mount"; return; fi
ok "mount"
L=$MNT/reboot-$RUN_ID
locktest hold $L.lock $REBOOT_TIMEOUT_S $L.held & HP=$!
wait_file $L.held 30 && ok "holding the lock" || bad "could not take the lock"
wait_file $L.denied $REBOOT_TIMEOUT_S && ok "contender denied while we hold the lock" || bad "contender never checked"
ls /var/lib/nfs/sm/ >/dev/null 2>&1 && log "statd monitors: $(ls /var/lib/nfs/sm/ | tr '\n' ' ')"
sm-notify -f && ok "reboot notice sent (sm-notify -f)" || bad "sm-notify"
echo "notified at $(now)" > $L.notified
wait_file $L.done $REBOOT_TIMEOUT_S && ok "contender reports: $(cat $L.done)" || bad "contender did not report"
kill -USR1 $HP; wait $HP
umount $MNT && ok "umount" || bad "umount"
