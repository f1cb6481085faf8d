#!/bin/bash
# HOST_SCRIPT: cut the VIP owner off from the other nodes of a Handoff cluster (guests still reach it) while guest
# 0 keeps I/O going (continuous-io). The owner, now a minority without quorum, must remove the address within
# its lease; the majority must take the VIP over only after that, so that no moment has two nodes holding it.
#   VIP_NODE=none run.sh -n 3 --vip 10.0.3.100 -s '<handoff serve --cluster ...>' -H host/cluster-partition.sh \
#       -e IO_DURATION=30 continuous-io
# The VIP watcher (lib/vip-watch.sh) runs for the whole test.
#   EVENT cluster_partition node= to= removed_ms= (partition -> the owner removed its address) takeover_ms=
#         (partition -> another node holds it) gap_ms= (takeover - removal; < 0 is an overlap) overlaps=
#         (address-event overlaps so far) takeover=total:MS,STAGE:MS.. (the new owner's report)
# Then, HEAL_AFTER_S after the takeover, the partition heals (EVENT heal); the run ends with EVENT vip_watch
# (overlaps over the whole test, the heal included) and EVENT after_heal owner= (who holds the VIP then).
# Environment: PARTITION_AT=5 (s after IOTEST start) HEAL_AFTER_S=3 TAKEOVER_MAX_S=30
. "$KC_HOST_LIB"
PARTITION_AT=${PARTITION_AT:-5}; HEAL_AFTER_S=${HEAL_AFTER_S:-3}; TAKEOVER_MAX_S=${TAKEOVER_MAX_S:-30}

first=$(kc_wait_vip 120) || { kc_log "no node took the VIP $VIP within 120 s"; exit 1; }
kc_event vip_up node=$first
kc_vip_watch_start
kc_wait_guest 0 'IOTEST start' 240 || { kc_vip_watch_stop; exit 1; }
sleep "$PARTITION_AT"

owner=$(kc_vip_owner)
[[ $owner =~ ^[0-9]$ ]] || { kc_log "the VIP is on '${owner//$'\n'/,}', not on one node"; kc_vip_watch_stop; exit 1; }
t0=$EPOCHREALTIME
kc_partition "$owner" || { kc_vip_watch_stop; exit 1; }
removed=none taken=none to=none
# both moments, whichever comes first, polled together every ~20 ms
until [ "$removed" != none ] && [ "$taken" != none ]; do
  holders=$(kc_vip_owner)
  [ "$removed" = none ] && ! grep -qx "$owner" <<< "$holders" && removed=$(kc_ms_since "$t0")
  if [ "$taken" = none ]; then
    o=$(grep -vx "$owner" <<< "$holders" | head -n 1); [ -n "$o" ] && { to=$o; taken=$(kc_ms_since "$t0"); }
  fi
  kc_elapsed_over "$t0" "$TAKEOVER_MAX_S" && break
  sleep 0.02
done
FAIL=0; gap=none
[ "$removed" != none ] && [ "$taken" != none ] && gap=$(awk -v a="$removed" -v b="$taken" 'BEGIN{printf "%.1f", b-a}') || FAIL=1
kc_event cluster_partition node=$owner to=$to removed_ms=$removed takeover_ms=$taken gap_ms=$gap \
  $(kc_vip_overlaps | cut -d' ' -f1-4) takeover=$( [ "$to" = none ] && echo none || kc_handoff_report "$to" takeover)

sleep "$HEAL_AFTER_S"
kc_heal "$owner"
sleep 3
kc_event after_heal owner=$(kc_vip_owner | paste -sd, -)
while kc_guests_running; do sleep 0.2; done
kc_vip_watch_stop
exit $FAIL
