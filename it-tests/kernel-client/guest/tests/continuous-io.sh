# continuous-io: write + fsync one record per operation in a loop for IO_DURATION seconds and time every
# operation (iotest). Meant to run while the host side disturbs the server (HOST_SCRIPT moving a virtual IP,
# restarting or killing a server): the longest operation is the stall the application saw.
# Prints (console + result channel): IOTEST start, live STALL lines, IOSTAT (max_stall_ms, percentiles),
# IOHIST (latency histogram), IOVERIFY (every record re-read from the server). Per-operation log -> $DATA (ttyS2,
# i.e. OUT_DIR/guestN.data.log on the host).
# Variables (GUEST_ENV): IO_DURATION=20  IO_RECORD=4096  IO_INTERVAL_MS=0  IO_STALL_MS=100 (live report threshold)
#   IO_MAX_STALL_MS=0 (fail if the max stall reaches this; 0 = never)  IO_MOUNT_OPTS= (extra mount options,
#   e.g. timeo=10,retrans=3 or soft)  IO_FILE=contio-$GUEST_NAME-$RUN_ID.dat  IO_VERIFY=1
: ${IO_DURATION:=20} ${IO_RECORD:=4096} ${IO_INTERVAL_MS:=0} ${IO_STALL_MS:=100} ${IO_MAX_STALL_MS:=0}
: ${IO_MOUNT_OPTS:=} ${IO_FILE:=contio-$GUEST_NAME-$RUN_ID.dat} ${IO_VERIFY:=1}
if ! kc_mount "$MNT" "$IO_MOUNT_OPTS"; then bad "mount"; return; fi
ok "mount"
grep " $MNT " /proc/mounts
V=; [ "$IO_VERIFY" = 1 ] || V=-V
{ iotest -r $IO_RECORD -i $IO_INTERVAL_MS -s $IO_STALL_MS -x $IO_MAX_STALL_MS -l $DATA $V \
    "$MNT/$IO_FILE" $IO_DURATION; echo $? > /tmp/iotest.rc; } | tee /tmp/iotest.out
rc=$(cat /tmp/iotest.rc)
grep -E '^(IOSTAT|IOHIST|IOVERIFY|IOLIMIT)' /tmp/iotest.out | while read -r l; do echo "$l" >> $RES; done
grep -E '^STALL' /tmp/iotest.out | sort -t= -k4 -rn | head -n 20 | while read -r l; do echo "$l" >> $RES; done
[ "$rc" = 0 ] && ok "continuous I/O: $(grep -o 'max_stall_ms=[0-9.]*' /tmp/iotest.out)" || bad "continuous I/O (iotest rc=$rc)"
umount "$MNT" && ok "umount" || bad "umount"
