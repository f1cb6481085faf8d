#!/bin/bash
# HOST_SCRIPT: move the floating address between server nodes while guest 0 keeps I/O going.
#   run.sh -n 2 --vip 10.0.3.100 -s '...' -H host/vip-move.sh -e IO_DURATION=20 continuous-io
# Waits for guest 0's "IOTEST start", moves the VIP node1 -> node2 at MOVE_AT seconds and, if MOVE_BACK_AT is
# set, back at that time. STOP_OLD=1 kills everything on the node losing the VIP (a crash, not a hand-over);
# FREEZE_OLD=1 SIGSTOPs it instead (a hung node: its kernel has ACKed requests that nobody answers).
# The stall the guest saw is in summary.txt (GUEST 0 IOSTAT max_stall_ms).
# Environment: MOVE_AT=5 MOVE_BACK_AT= STOP_OLD= FREEZE_OLD= VIP_MOVE_MODE=plain|reset (kc_vip_move in lib/host-lib.sh)
. "$KC_HOST_LIB"
MOVE_AT=${MOVE_AT:-5}; MOVE_BACK_AT=${MOVE_BACK_AT:-}
kc_wait_guest 0 'IOTEST start' 180 || exit 1
T0=$EPOCHREALTIME
at(){ local d; d=$(awk -v a="$T0" -v b="$EPOCHREALTIME" -v t="$1" 'BEGIN{d=t-(b-a); print (d>0?d:0)}'); sleep "$d"; }
at "$MOVE_AT"
[ -z "${STOP_OLD:-}" ] || kc_node_kill 1
[ -z "${FREEZE_OLD:-}" ] || { kc_node_signal 1 STOP; sleep 0.2; }
kc_vip_move 1 2 || exit 1
if [ -n "$MOVE_BACK_AT" ]; then
  at "$MOVE_BACK_AT"
  kc_vip_move 2 1 || exit 1
fi
sleep 1
for n in $(seq 1 "$NODES"); do   # who serves the guests now: established connections to NFS_PORT per node
  kc_log "node$n: $(kc_node $n ip -4 -o addr show dev eth0 | awk '{printf "%s ", $4}')| NFS connections: $(kc_node $n ss -Htn state established "( sport = :$NFS_PORT )" | awk '{printf "%s<-%s ", $3, $4}')"
done
