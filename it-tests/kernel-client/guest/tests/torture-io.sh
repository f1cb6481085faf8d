# torture-io: the kernel client's part of the failover torture (host/cluster-torture.sh). Until the host creates
# $EXPORT/torture-done-$RUN_ID, loops: pwrite + fsync of one unique 64-byte record at its own offset of
# $C-data (dd conv=notrunc,fsync), create of $C-nI, rename of $C-n(I-1) to $C-r(I-1), remove of $C-r(I-2), where
# C=k$GUEST_INDEX. Every operation goes to $DATA (OUT_DIR/guestN.data.log on the host) as one history line, the
# format of the wire clients ({"t_invoke","t_complete","client","op","args","result"}; times in microseconds of
# the guest's uptime), status 0 when the system call succeeded. The host's checker proves from it that every
# fsynced record is on the server's disk and that the directory is what the acknowledged operations made it.
# Variables (GUEST_ENV): TORTURE_IO_OPTS=lookupcache=positive (extra mount options; negative lookups uncached, so
#   the marker shows at once)  TORTURE_IO_MAX_S=1800 (give up waiting for the marker; TortureIT sets it from
#   the schedule's length)
: ${TORTURE_IO_OPTS=lookupcache=positive} ${TORTURE_IO_MAX_S:=1800}
if ! kc_mount "$MNT" "$TORTURE_IO_OPTS"; then bad "mount"; return; fi
ok "mount"
C=k$GUEST_INDEX; F=$MNT/$C-data; MARKER=$MNT/torture-done-$RUN_ID
us(){ t=$(cut -d' ' -f1 /proc/uptime); echo "${t%.*}${t#*.}0000"; }
# hist T_INVOKE OP ARGS STATUS [MORE_RESULT]
hist(){ printf '{"t_invoke":%s,"t_complete":%s,"client":"%s","op":"%s","args":{%s},"result":{"status":"%s"%s}}\n' \
  "$1" "$(us)" "$C" "$2" "$3" "$4" "$5" >> $DATA; }
st(){ [ "$1" = 0 ] && echo 0 || echo 5; }
t=$(us); : > "$F"; hist "$t" CREATE "\"name\":\"$C-data\"" "$(st $?)"
log "TORTURE_IO start"
T0=$(now); i=0; errors=0
while [ ! -e "$MARKER" ]; do
  i=$((i+1))
  rec=$(printf '%-63s' "$C slot $i written and fsynced by the kernel client")
  t=$(us); printf '%s\n' "$rec" | dd of="$F" bs=64 seek=$i conv=notrunc,fsync 2>/dev/null; s=$(st $?)
  hist "$t" WRITE "\"file\":\"$C-data\",\"offset\":\"$((i*64))\",\"stable\":\"2\",\"data\":\"$rec\\n\"" "$s" ',"committed":"2"'
  [ "$s" = 0 ] || errors=$((errors+1))
  t=$(us); echo "$i" > "$MNT/$C-n$i"; s=$(st $?); hist "$t" CREATE "\"name\":\"$C-n$i\"" "$s"; [ "$s" = 0 ] || errors=$((errors+1))
  if [ $i -gt 1 ]; then
    p=$((i-1)); t=$(us); mv "$MNT/$C-n$p" "$MNT/$C-r$p"; s=$(st $?)
    hist "$t" RENAME "\"from\":\"$C-n$p\",\"to\":\"$C-r$p\"" "$s"; [ "$s" = 0 ] || errors=$((errors+1))
  fi
  if [ $i -gt 2 ]; then
    p=$((i-2)); t=$(us); rm "$MNT/$C-r$p"; s=$(st $?)
    hist "$t" REMOVE "\"name\":\"$C-r$p\"" "$s"; [ "$s" = 0 ] || errors=$((errors+1))
  fi
  awk -v t="$T0" -v m="$TORTURE_IO_MAX_S" '{exit !($1-t > m)}' /proc/uptime && { bad "no marker after $TORTURE_IO_MAX_S s"; break; }
done
result "METRIC name=torture_io_iterations value=$i"
result "METRIC name=torture_io_errors value=$errors"
[ $errors = 0 ] && ok "$i iterations of write+fsync/create/rename/remove, none failed" || bad "$errors failed operations"
umount "$MNT" && ok "umount" || bad "umount"
