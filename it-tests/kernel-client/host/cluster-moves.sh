#!/bin/bash
# HOST_SCRIPT: planned VIP moves around a Handoff cluster while guest 0 keeps I/O going (continuous-io).
#   VIP_NODE=none run.sh -n 3 --vip 10.0.3.100 -s '<handoff serve --cluster ...>' -H host/cluster-moves.sh \
#       -e IO_DURATION=120 continuous-io
# Each move: find the owner, pick the next node round-robin, run `handoff vip move VIP nodeK --wait MOVE_WAIT_S`
# inside the owner's namespace, then check that nodeK holds the address. Per move:
#   EVENT cluster_move i= from= to= rc= ms= (the CLI's wall time, JVM start included) serving_ms= (the CLI's own
#         measure: request to SERVING on the new node) handoff=total:MS,STAGE:MS..
#         (the old owner's report) acquire=... (the new owner's report)
# Moves stop early (and the script fails) when one fails, or when guest 0's I/O has ended. Afterwards, from
# guest 0's op log, the stall of each move (kc_move_stalls, one log line per move, OUT_DIR/move-stalls.txt) and
#   EVENT move_stalls n= p50_ms= p99_ms= max_ms= ms=LIST ; the VIP watcher's EVENT vip_watch (overlaps).
# Environment: MOVES=50 MOVE_EVERY_S=1 (pause between moves) MOVE_START_S=2 (after IOTEST start) MOVE_WAIT_S=10
. "$KC_HOST_LIB"
MOVES=${MOVES:-50}; MOVE_EVERY_S=${MOVE_EVERY_S:-1}; MOVE_START_S=${MOVE_START_S:-2}; MOVE_WAIT_S=${MOVE_WAIT_S:-10}
MF=$OUT_DIR/moves.txt; : > "$MF"

first=$(kc_wait_vip 120) || { kc_log "no node took the VIP $VIP within 120 s"; exit 1; }
kc_event vip_up node=$first
kc_vip_watch_start
kc_wait_guest 0 'IOTEST start' 240 || { kc_vip_watch_stop; exit 1; }
T_IO=$(kc_t)
sleep "$MOVE_START_S"

FAIL=0 done=0
for i in $(seq 1 "$MOVES"); do
  grep -q 'IOSTAT' "$(kc_guest_log 0)" && { kc_log "guest 0's I/O ended after $done moves"; FAIL=1; break; }
  owner=$(kc_vip_owner)
  [[ $owner =~ ^[0-9]$ ]] || { kc_log "move $i: the VIP is on '${owner//$'\n'/,}', not on one node"; FAIL=1; break; }
  to=$(( owner % NODES + 1 ))
  ts=$(kc_t); t0=$EPOCHREALTIME
  out=$(kc_handoff "$owner" vip move "$VIP" "node$to" --wait "$MOVE_WAIT_S" 2>&1); rc=$?
  ms=$(kc_ms_since "$t0"); te=$(kc_t)
  after=$(kc_vip_owner | paste -sd, -)
  echo "$i $ts $te" >> "$MF"
  # the CLI's own "VIP: SERVING on NODE (epoch E) after N ms": from its request to the new owner's row SERVING
  serving=$(grep -o 'SERVING on [^ ]* (epoch [0-9]*) after [0-9]* ms' <<< "$out" | grep -o 'after [0-9]*' | cut -d' ' -f2)
  kc_event cluster_move i=$i from=$owner to=$to rc=$rc ms=$ms serving_ms=${serving:-none} owner_after=${after:-none} \
    handoff=$(kc_handoff_report "$owner" handoff) acquire=$(kc_handoff_report "$to" acquire)
  sed 's/^/    | /' <<< "$out"
  done=$i
  [ $rc = 0 ] && [ "$after" = "$to" ] || { kc_log "move $i failed (rc=$rc, VIP on ${after:-none})"; FAIL=1; break; }
  sleep "$MOVE_EVERY_S"
done
kc_event cluster_moves done=$done requested=$MOVES failed=$FAIL
kc_vip_watch_stop

# the op log reaches the host when iotest has verified its records (IOLOG on the console)
if kc_wait_guest 0 'IOLOG ' 300; then
  sleep 0.5
  kc_move_stalls "$MF" "$T_IO" > "$OUT_DIR/move-stalls.txt"
  while read -r i s; do [[ $i =~ ^[0-9]+$ ]] && kc_log "move $i: stall $s ms"; done < "$OUT_DIR/move-stalls.txt"
  kc_event move_stalls $(tail -n 1 "$OUT_DIR/move-stalls.txt")
else
  kc_log "no IOLOG from guest 0: no per-move stalls"
fi
exit $FAIL
