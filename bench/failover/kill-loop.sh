#!/bin/bash
# HOST_SCRIPT of the kernel-client kit (it-tests/kernel-client): KILLS crash takeovers in one guest run. While
# guest 0 keeps I/O going (continuous-io), kill -9 the server that owns the VIP, wait until another node holds
# the address and accepts connections on it, start the killed server again, wait until all three members see
# each other (a second kill before that would leave no quorum), pause, and again.
#   VIP_NODE=none run.sh -n 3 --vip 10.0.3.100 -s '<handoff serve --cluster ...>' -H bench/failover/kill-loop.sh \
#       -e IO_DURATION=150 continuous-io
# Only the server process dies (the node and its address stay, as after a crashed process), as in
# it-tests/kernel-client/host/cluster-kill.sh. Per kill:
#   EVENT cluster_kill i= node= to= addr_ms= (kill -> address on another node) serve_ms= (kill -> VIP:NFS_PORT
#         accepts) takeover=total:MS,STAGE:MS.. (the new owner's report)
# Afterwards the stall of each kill from guest 0's op log (kc_move_stalls: the longest operation in progress from
# 0.5 s before the kill to 0.5 s before the next), OUT_DIR/kill-stalls.txt and
#   EVENT kill_stalls n= p50_ms= p99_ms= max_ms= ms=LIST
# Environment: KILLS=5 KILL_START_S=3 (after IOTEST start) KILL_EVERY_S=8 (pause after the rejoin)
#   TAKEOVER_MAX_S=30 REJOIN_MAX_S=90
. "$KC_HOST_LIB"
KILLS=${KILLS:-5}; KILL_START_S=${KILL_START_S:-3}; KILL_EVERY_S=${KILL_EVERY_S:-8}
TAKEOVER_MAX_S=${TAKEOVER_MAX_S:-30}; REJOIN_MAX_S=${REJOIN_MAX_S:-90}
KF=$OUT_DIR/kills.txt; : > "$KF"

members_all(){ local n c
  for n in $(seq 1 "$NODES"); do
    c=$(kc_admin "$n" /v1/status 2>/dev/null | jq -r '(.members | length)' 2>/dev/null)
    [ "$c" = "$NODES" ] || return 1
  done; }

first=$(kc_wait_vip 120) || { kc_log "no node took the VIP $VIP within 120 s"; exit 1; }
kc_event vip_up node=$first
kc_vip_watch_start
kc_wait_guest 0 'IOTEST start' 240 || { kc_vip_watch_stop; exit 1; }
T_IO=$(kc_t)
sleep "$KILL_START_S"

FAIL=0 done=0
for i in $(seq 1 "$KILLS"); do
  grep -q 'IOSTAT' "$(kc_guest_log 0)" && { kc_log "guest 0's I/O ended after $done kills"; FAIL=1; break; }
  owner=$(kc_vip_owner)
  [[ $owner =~ ^[0-9]$ ]] || { kc_log "kill $i: the VIP is on '${owner//$'\n'/,}', not on one node"; FAIL=1; break; }
  ts=$(kc_t); t0=$EPOCHREALTIME
  kc_server_kill "$owner" || { FAIL=1; break; }
  if to=$(kc_wait_vip "$TAKEOVER_MAX_S" "$owner"); then
    addr_ms=$(kc_ms_since "$t0")
    kc_tcp_up "$VIP" "$NFS_PORT" "$TAKEOVER_MAX_S" && serve_ms=$(kc_ms_since "$t0") || { serve_ms=none; FAIL=1; }
  else
    to=none addr_ms=none serve_ms=none FAIL=1
  fi
  echo "$i $ts $(kc_t)" >> "$KF"
  sleep 0.3
  kc_event cluster_kill i=$i node=$owner to=$to addr_ms=$addr_ms serve_ms=$serve_ms \
    takeover=$( [ "$to" = none ] && echo none || kc_handoff_report "$to" takeover)
  done=$i
  [ $FAIL = 0 ] || break
  kc_server_start "$owner" || { FAIL=1; break; }
  t1=$EPOCHREALTIME
  until members_all; do
    kc_elapsed_over "$t1" "$REJOIN_MAX_S" && { kc_log "kill $i: node$owner did not rejoin"; FAIL=1; break 2; }
    sleep 0.5
  done
  kc_event rejoined i=$i node=$owner ms=$(kc_ms_since "$t1")
  sleep "$KILL_EVERY_S"
done
kc_event cluster_kills done=$done requested=$KILLS failed=$FAIL
kc_vip_watch_stop

if kc_wait_guest 0 'IOLOG ' 300; then
  sleep 0.5
  kc_move_stalls "$KF" "$T_IO" > "$OUT_DIR/kill-stalls.txt"
  while read -r i s; do [[ $i =~ ^[0-9]+$ ]] && kc_log "kill $i: stall $s ms"; done < "$OUT_DIR/kill-stalls.txt"
  kc_event kill_stalls $(tail -n 1 "$OUT_DIR/kill-stalls.txt")
else
  kc_log "no IOLOG from guest 0: no per-kill stalls"
fi
exit $FAIL
