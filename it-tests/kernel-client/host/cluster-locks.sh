#!/bin/bash
# HOST_SCRIPT for the guest tests failover-holder (guest 0) + failover-contender (guest 1) against a Handoff cluster:
# once the contender is denied, move the VIP to the next node (planned, `handoff vip move`) and create
# $EXPORT/moved-$RUN_ID; once it is denied again, kill -9 the new owner's server, wait until another node holds
# the VIP and accepts connections on it, and create $EXPORT/killed-$RUN_ID. The marker files are made on the
# server's disk, which guests see through the mount ($EXPORT is the exported path, as in KernelLockingIT).
#   EVENT lock_move from= to= rc= ms=   EVENT lock_kill node= to= addr_ms= serve_ms=   EVENT vip_watch ...
# Environment: MOVE_WAIT_S=10 TAKEOVER_MAX_S=30 FAILOVER_TIMEOUT_S=240
. "$KC_HOST_LIB"
MOVE_WAIT_S=${MOVE_WAIT_S:-10}; TAKEOVER_MAX_S=${TAKEOVER_MAX_S:-30}; FAILOVER_TIMEOUT_S=${FAILOVER_TIMEOUT_S:-240}
first=$(kc_wait_vip 120) || { kc_log "no node took the VIP $VIP within 120 s"; exit 1; }
kc_event vip_up node=$first
kc_vip_watch_start
FAIL=0
step(){
  kc_wait_guest 1 "FAILOVER $1" "$FAILOVER_TIMEOUT_S" || return 1
  owner=$(kc_vip_owner)
  [[ $owner =~ ^[0-9]$ ]] || { kc_log "the VIP is on '${owner//$'\n'/,}', not on one node"; return 1; }
}
if step denied-before; then
  to=$(( owner % NODES + 1 )); t0=$EPOCHREALTIME
  kc_handoff "$owner" vip move "$VIP" "node$to" --wait "$MOVE_WAIT_S"; rc=$?
  kc_event lock_move from=$owner to=$to rc=$rc ms=$(kc_ms_since "$t0") owner_after=$(kc_vip_owner | paste -sd, -)
  [ $rc = 0 ] || FAIL=1
  touch "$EXPORT/moved-$RUN_ID"
else FAIL=1; fi
if [ $FAIL = 0 ] && step denied-after-move; then
  t0=$EPOCHREALTIME
  kc_server_kill "$owner" || FAIL=1
  if to=$(kc_wait_vip "$TAKEOVER_MAX_S" "$owner"); then
    addr_ms=$(kc_ms_since "$t0")
    kc_tcp_up "$VIP" "$NFS_PORT" "$TAKEOVER_MAX_S" && serve_ms=$(kc_ms_since "$t0") || { serve_ms=none; FAIL=1; }
    kc_event lock_kill node=$owner to=$to addr_ms=$addr_ms serve_ms=$serve_ms
  else kc_event lock_kill node=$owner to=none; FAIL=1; fi
  touch "$EXPORT/killed-$RUN_ID"
else FAIL=1; fi
while kc_guests_running; do sleep 0.2; done
kc_vip_watch_stop
exit $FAIL
