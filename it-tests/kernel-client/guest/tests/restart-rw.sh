# restart-rw: the guest stays mounted and keeps reading and writing while the host kills the server (SIGKILL)
# and starts it again. Files, directories and open files from before the restart must keep working through the
# file handles the client already holds (no ESTALE), and every byte written on either side of it must be there.
# Host side: wait for "RESTART_RW start" on the console, kill and restart the server, then create the file
# "$EXPORT/restart-done-$RUN_ID" directly on the server's disk; the guest goes on for RESTART_RW_AFTER_S after it
# sees that file through its mount (so it has surely talked to the new server process).
# Sourced by /init in a subshell (helpers ok/bad/result/kc_mount/log/now/since). Variables (GUEST_ENV):
#   RESTART_RW_MAX_S=90       give up (fail) when the marker has not appeared by then
#   RESTART_RW_AFTER_S=3      keep going this long after the marker appeared
#   RESTART_RW_MOUNT_OPTS=actimeo=0   extra mount options; actimeo=0 makes every stat and open revalidate its
#                                     cached handle with the server
: ${RESTART_RW_MAX_S:=90} ${RESTART_RW_AFTER_S:=3} ${RESTART_RW_MOUNT_OPTS=actimeo=0}
if ! kc_mount "$MNT" "$RESTART_RW_MOUNT_OPTS"; then bad "mount"; return; fi
ok "mount"
D=$MNT/restart-$GUEST_NAME-$RUN_ID
MARKER=$MNT/restart-done-$RUN_ID
mkdir -p "$D/old" "$D/new" && ok "mkdir" || bad "mkdir"
for i in 1 2 3 4; do
  dd if=/dev/urandom of=/tmp/src$i bs=64k count=4 2>/dev/null
  cp /tmp/src$i "$D/old/f$i" || bad "write old/f$i"
done
sync
exec 3< "$D/old/f1"          # open across the restart: read at the end, through the handle it holds
exec 4>> "$D/journal"        # appended to across the restart
ok "files written before the restart"

log "RESTART_RW start"
T0=$(now); n=0; errors=0; max_ms=0; seen=; done_at=
while :; do
  n=$((n+1)); i=$((n % 4 + 1)); t=$(now)
  cmp -s "$D/old/f$i" /tmp/src$i || { errors=$((errors+1)); log "iteration $n: read old/f$i: mismatch or error"; }
  [ "$(stat -c %s "$D/old/f$i" 2>&1)" = 262144 ] || { errors=$((errors+1)); log "iteration $n: stat old/f$i failed"; }
  echo "record $n" >&4 || { errors=$((errors+1)); log "iteration $n: append to the journal failed"; }
  echo "$n" > "$D/new/n$n" || { errors=$((errors+1)); log "iteration $n: create new/n$n failed"; }
  [ -z "$seen" ] && [ -e "$MARKER" ] && seen=$(since "$T0") && log "restart marker seen after $seen s"
  # every call to the server is above this line, so the outage shows in some iteration's time
  ms=$(awk -v t="$t" '{printf "%d", ($1-t)*1000}' /proc/uptime)
  [ "$ms" -gt "$max_ms" ] && max_ms=$ms
  [ "$ms" -ge 1000 ] && log "iteration $n took $ms ms"
  if [ -n "$seen" ]; then
    awk -v t="$T0" -v s="$seen" -v a="$RESTART_RW_AFTER_S" '{exit !($1-t > s+a)}' /proc/uptime && break
  elif awk -v t="$T0" -v m="$RESTART_RW_MAX_S" '{exit !($1-t > m)}' /proc/uptime; then
    bad "no restart marker after $RESTART_RW_MAX_S s (did the host restart the server?)"; break
  fi
done
exec 4>&-
result "METRIC name=restart_rw_iterations value=$n"
result "METRIC name=restart_rw_errors value=$errors"
result "METRIC name=restart_rw_max_iteration_ms value=$max_ms"
[ -n "$seen" ] && result "METRIC name=restart_rw_marker_s value=$seen"
[ $errors = 0 ] && ok "$n iterations of read/stat/append/create, none failed (longest $max_ms ms)" \
  || bad "$errors failed operations in $n iterations"

# ---- after: everything from both sides of the restart, read from the server
sync; echo 3 > /proc/sys/vm/drop_caches
[ "$(md5sum <&3)" = "$(md5sum < /tmp/src1)" ] && ok "file held open across the restart reads back" \
  || bad "file held open across the restart"
exec 3<&-
for i in 1 2 3 4; do
  cmp -s "$D/old/f$i" /tmp/src$i || bad "old/f$i differs after the restart"
done
ok "old files intact"
[ "$(wc -l < "$D/journal")" = "$n" ] && [ "$(tail -n 1 "$D/journal")" = "record $n" ] \
  && ok "journal has all $n records" || bad "journal: $(wc -l < "$D/journal") lines, last '$(tail -n 1 "$D/journal")'"
awk -v n="$n" '$0 != "record " NR {bad=1} END {exit bad || NR != n}' "$D/journal" && ok "journal in order" \
  || bad "journal out of order"
[ "$(ls "$D/new" | wc -l)" = "$n" ] && ok "all $n new files listed" || bad "new files: $(ls "$D/new" | wc -l) of $n"
k=0; for f in "$D"/new/n*; do [ "$(cat "$f")" = "${f##*/n}" ] || k=$((k+1)); done
[ $k = 0 ] && ok "new files' contents" || bad "$k new files with wrong contents"
if dmesg | grep -iE 'stale|ESTALE'; then bad "the kernel reported stale file handles"; else ok "no stale file handles"; fi
rm -rf "$D" "$MARKER" && ok "rm -rf" || bad "rm -rf"
umount "$MNT" && ok "umount" || bad "umount"
