# locking: flock + fcntl through the kernel's lockd (NLM v4) against the server, single guest.
#  - flock and fcntl F_SETLK/F_GETLK on one mount
#  - server-side arbitration: two 'nosharecache' mounts of the export give two local inodes, so conflicts
#    between them are decided by the SERVER (the client's local lock table cannot see them):
#    F_SETLK denied, F_GETLK reports the holder, non-overlapping byte range granted, read vs write conflict,
#    flock conflict, and F_SETLKW granted promptly when the holder releases (NLM_GRANTED callback or re-poll).
# Variables: LOCK_GRANT_MAX_S (default 15): F_SETLKW must be granted within this many seconds of the release
#            (the client re-polls blocked NLM locks every 30 s, so a missing GRANTED callback shows as ~30 s).
: ${LOCK_GRANT_MAX_S:=15}
if ! kc_mount; then bad "mount"; return; fi
ok "mount (locking enabled)"
F=$MNT/lock-$GUEST_NAME-$RUN_ID
: > $F.1
flock -n $F.1 -c true && ok "flock via NLM" || bad "flock via NLM"
locktest set $F.1 >/dev/null && ok "fcntl F_SETLK via NLM" || bad "fcntl F_SETLK via NLM"
locktest get $F.1 >/dev/null && ok "F_GETLK: no conflict" || bad "F_GETLK on unlocked file"
umount $MNT || bad "umount"

A=/mnt/a; B=/mnt/b
kc_mount $A nosharecache || bad "mount a"
kc_mount $B nosharecache || bad "mount b"
echo data > $A/srv-$GUEST_NAME-$RUN_ID; FA=$A/srv-$GUEST_NAME-$RUN_ID; FB=$B/srv-$GUEST_NAME-$RUN_ID
LT_START=0 LT_LEN=100 locktest hold $FA 60 /tmp/held & HP=$!
wait_file /tmp/held 20 || bad "holder did not get the lock"
LT_START=0 LT_LEN=100 locktest set $FB && bad "F_SETLK overlapping range NOT denied by server" || ok "server denies overlapping F_SETLK"
LT_START=50 LT_LEN=10 locktest get $FB; [ $? = 3 ] && ok "server reports conflict on F_GETLK (pid field = remote svid)" || bad "F_GETLK did not report the conflict"
LT_START=200 LT_LEN=100 locktest set $FB && ok "non-overlapping range granted" || bad "non-overlapping range denied"
LT_TYPE=r LT_START=10 LT_LEN=5 locktest set $FB && bad "read lock inside write-locked range granted" || ok "read lock vs write lock denied"
log "F_SETLKW on the other mount; releasing the holder in 2 s"
( sleep 2; kill -USR1 $HP ) &
T=$(now)
LT_START=0 LT_LEN=100 locktest setw $FB && ok "F_SETLKW granted after release" || bad "F_SETLKW"
W=$(since $T); log "F_SETLKW waited ${W}s (release at ~2 s)"
awk -v w=$W -v m=$LOCK_GRANT_MAX_S 'BEGIN{exit !(w < m)}' && ok "blocked lock granted ${W}s after request (<${LOCK_GRANT_MAX_S}s)" \
  || bad "blocked lock took ${W}s (NLM_GRANTED callback not delivered? client re-polls every 30 s)"
wait $HP
result "METRIC name=locking_setlkw_wait_s value=$W"
# read locks are shared, also across the server
LT_TYPE=r locktest hold $FA 30 /tmp/rheld & RP=$!
wait_file /tmp/rheld 20
LT_TYPE=r locktest set $FB && ok "shared read locks from both mounts" || bad "second read lock denied"
LT_TYPE=w locktest set $FB && bad "write lock granted while read-locked" || ok "write lock denied while read-locked"
kill -USR1 $RP; wait $RP
# flock across the two superblocks (Linux sends flock as a whole-file NLM lock on NFSv3)
( flock -n 9 && { : > /tmp/flocked; wait_file /tmp/unflock 20; } ) 9>$FA.f & FP=$!
wait_file /tmp/flocked 20
flock -n $FB.f -c true && bad "flock on second mount NOT denied" || ok "server denies conflicting flock"
: > /tmp/unflock; wait $FP
flock -n $FB.f -c true && ok "flock granted after release" || bad "flock after release"
rm -f $FA $FA.f
umount $A && umount $B && ok "umount" || bad "umount"
