# holder (two-client test, pair with 'contender' on another guest):
#   take a write lock on $MNT/twoclient-$RUN_ID.lock, announce it with a marker file, wait until the contender
#   says it is about to block in F_SETLKW, hold 2 more seconds, release (the server must then send NLM_GRANTED
#   to the contender), and check that the contender got the lock.
# Variables: TWOCLIENT_TIMEOUT_S (default 120) how long to wait for the other guest.
: ${TWOCLIENT_TIMEOUT_S:=120}
if ! kc_mount "$MNT" lookupcache=positive; then bad "mount"; return; fi
ok "mount"
L=$MNT/twoclient-$RUN_ID
locktest hold $L.lock $TWOCLIENT_TIMEOUT_S $L.held & HP=$!
wait_file $L.held 30 && ok "holding the lock (marker $L.held written)" || bad "could not take the lock"
wait_file $L.blocking $TWOCLIENT_TIMEOUT_S && ok "contender is about to block" || bad "contender never arrived"
sleep 2
log "releasing the lock"; echo "released at $(now)" > $L.released
kill -USR1 $HP; wait $HP && ok "lock released" || bad "holder"
wait_file $L.granted 60 && ok "contender reports: $(cat $L.granted)" || bad "contender did not report the grant"
rm -f $L.held
umount $MNT && ok "umount" || bad "umount"
