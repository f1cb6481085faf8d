# reboot-contender (pair with 'reboot-holder'): F_SETLK is denied while the holder holds the lock, and granted
#   once the holder's reboot notice reached the server (polled every 0.2 s, for at most REBOOT_FREE_MAX_S).
# Variables: REBOOT_TIMEOUT_S (default 120), REBOOT_FREE_MAX_S (default 20).
: ${REBOOT_TIMEOUT_S:=120} ${REBOOT_FREE_MAX_S:=20}
if ! kc_mount "$MNT" lookupcache=positive; then bad "mount"; return; fi
ok "mount"
L=$MNT/reboot-$RUN_ID
wait_file $L.held $REBOOT_TIMEOUT_S && ok "holder has the lock" || bad "holder never took the lock"
locktest set $L.lock && bad "F_SETLK granted although the holder has the lock" || ok "F_SETLK denied"
echo "denied at $(now)" > $L.denied
wait_file $L.notified $REBOOT_TIMEOUT_S && ok "holder sent its reboot notice" || bad "holder did not notify"
T=$(now); got=
while awk -v t=$(since $T) -v m=$REBOOT_FREE_MAX_S 'BEGIN{exit !(t < m)}'; do
  if locktest set $L.lock >/dev/null 2>&1; then got=1; break; fi
  sleep 0.2
done
[ -n "$got" ] && ok "lock free $(since $T)s after the holder's reboot notice" || bad "lock still held after ${REBOOT_FREE_MAX_S}s"
result "METRIC name=reboot_freed_s value=$(since $T)"
echo "lock taken after $(since $T)s" > $L.done
umount $MNT && ok "umount" || bad "umount"
