#!/bin/bash
# HOST_SCRIPT: a rolling restart (an upgrade) of every node in turn while guest 0 keeps I/O going through the VIP:
# drain the node (its VIPs move away as planned), stop its server (SIGTERM), start it again, wait until it sees
# the whole cluster, undrain it. The client must see no error; its longest stall is in the guest's IOSTAT.
#   VIP_NODE=none run.sh -n 3 --vip 10.0.3.100 -s '<handoff serve --cluster ...>' -H host/cluster-rolling.sh \
#       -e IO_DURATION=90 continuous-io
#   EVENT rolling_node node= drain_ms= stop_ms= start_ms= owner_after= ; EVENT rolling done=N failed=N
# Environment: ROLLING_START_AT=3 (s after IOTEST start) ROLLING_PAUSE_S=2 (between nodes)
. "$KC_HOST_LIB"
START_AT=${ROLLING_START_AT:-3}; PAUSE=${ROLLING_PAUSE_S:-2}

first=$(kc_wait_vip 120) || { kc_log "no node took the VIP $VIP within 120 s"; exit 1; }
kc_event vip_up node=$first
kc_vip_watch_start
kc_wait_guest 0 'IOTEST start' 240 || { kc_vip_watch_stop; exit 1; }
sleep "$START_AT"
done_n=0; failed=0
for n in $(seq 1 "$NODES"); do
  other=$(( n % NODES + 1 ))
  t0=$EPOCHREALTIME
  # Asked through another node: the one being drained is about to go.
  if ! kc_handoff "$other" node drain "node$n" --timeout 30 >> "$OUT_DIR/host-script.log" 2>&1; then
    kc_log "node drain node$n failed"; failed=$((failed+1)); continue
  fi
  drain_ms=$(kc_ms_since "$t0")
  pid=$(kc_server_pid "$n") || { kc_log "no server in node$n"; failed=$((failed+1)); continue; }
  t1=$EPOCHREALTIME
  kill -TERM "$pid"
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$pid" 2>/dev/null; then kc_log "node$n's server did not stop on SIGTERM"; failed=$((failed+1)); continue; fi
  stop_ms=$(kc_ms_since "$t1")
  t2=$EPOCHREALTIME
  kc_server_start "$n" || { failed=$((failed+1)); continue; }
  # Back in the cluster: it sees every member, then may take VIPs again.
  until kc_admin "$n" /v1/status 2>/dev/null | grep -q "\"quorum\":true"; do
    kc_elapsed_over "$t2" 60 && break; sleep 0.2; done
  kc_handoff "$other" node undrain "node$n" >> "$OUT_DIR/host-script.log" 2>&1 || failed=$((failed+1))
  start_ms=$(kc_ms_since "$t2")
  kc_event rolling_node node=$n drain_ms=$drain_ms stop_ms=$stop_ms start_ms=$start_ms \
    owner_after=$(kc_vip_owner | paste -sd, -)
  done_n=$((done_n+1))
  sleep "$PAUSE"
done
kc_event rolling done=$done_n failed=$failed
while kc_guests_running; do sleep 0.2; done
kc_vip_watch_stop
[ "$failed" = 0 ]
