#!/bin/bash
# HOST_SCRIPT: kill -9 the Handoff server that owns the VIP while guest 0 keeps I/O going (continuous-io); another
# node must take the VIP over once the dead owner's lease has run out, and serve it.
#   VIP_NODE=none run.sh -n 3 --vip 10.0.3.100 -s '<handoff serve --cluster ...>' -H host/cluster-kill.sh \
#       -e IO_DURATION=30 continuous-io
# Only the server process dies: its node, and so the address on its eth0, stays, as after a crashed process
# (KILL_NODE_ADDR=1 also removes the address, as after a crashed machine).
#   EVENT cluster_kill node= pid= to= addr_ms= (kill -> address on another node) serve_ms= (kill -> the host
#         connects to VIP:NFS_PORT, which only a listening owner accepts) stale_addr=yes|no (the dead node still
#         held the address at takeover) takeover=total:MS,STAGE:MS.. (the new owner's report)
# RESTART=1 then starts the killed node's server again RESTART_AFTER_S later (EVENT server_start) and records
# whether it cleared the address it had left behind (EVENT restarted stale_addr_after_s=).
# Environment: KILL_AT=5 (s after IOTEST start) RESTART=1 RESTART_AFTER_S=2 TAKEOVER_MAX_S=30
. "$KC_HOST_LIB"
KILL_AT=${KILL_AT:-5}; RESTART=${RESTART:-1}; RESTART_AFTER_S=${RESTART_AFTER_S:-2}; TAKEOVER_MAX_S=${TAKEOVER_MAX_S:-30}

first=$(kc_wait_vip 120) || { kc_log "no node took the VIP $VIP within 120 s"; exit 1; }
kc_event vip_up node=$first
kc_vip_watch_start
kc_wait_guest 0 'IOTEST start' 240 || { kc_vip_watch_stop; exit 1; }
sleep "$KILL_AT"

owner=$(kc_vip_owner)
[[ $owner =~ ^[0-9]$ ]] || { kc_log "the VIP is on '${owner//$'\n'/,}', not on one node"; kc_vip_watch_stop; exit 1; }
pid=$(kc_server_pid "$owner") || { kc_log "no server process in node$owner"; kc_vip_watch_stop; exit 1; }
t0=$EPOCHREALTIME
kill -KILL "$pid"
[ -z "${KILL_NODE_ADDR:-}" ] || kc_vip_del "$owner"
kc_log "killed the server of node$owner (pid $pid)"
FAIL=0
if to=$(kc_wait_vip "$TAKEOVER_MAX_S" "$owner"); then
  addr_ms=$(kc_ms_since "$t0")
  stale=no; kc_vip_owner | grep -qx "$owner" && stale=yes
  kc_tcp_up "$VIP" "$NFS_PORT" "$TAKEOVER_MAX_S" && serve_ms=$(kc_ms_since "$t0") || { serve_ms=none; FAIL=1; }
  sleep 0.3
  kc_event cluster_kill node=$owner pid=$pid to=$to addr_ms=$addr_ms serve_ms=$serve_ms stale_addr=$stale \
    takeover=$(kc_handoff_report "$to" takeover)
else
  kc_event cluster_kill node=$owner pid=$pid to=none addr_ms=none serve_ms=none; FAIL=1
fi

if [ "$RESTART" = 1 ]; then
  sleep "$RESTART_AFTER_S"
  kc_server_start "$owner" || FAIL=1
  t1=$EPOCHREALTIME; gone=none
  kc_wait_vip_gone "$owner" 10 && gone=$(awk -v a="$t1" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.2f", b-a}')
  kc_event restarted node=$owner stale_addr_after_s=$gone owner=$(kc_vip_owner | paste -sd, -)
fi
while kc_guests_running; do sleep 0.2; done
kc_vip_watch_stop
exit $FAIL
