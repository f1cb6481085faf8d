#!/bin/bash
# vip-watch.sh: watch which nodes hold $VIP for the whole test (started by kc_vip_watch_start, in its own process
# group, ended with SIGTERM to that group by kc_vip_watch_stop). Two views of the same thing:
#  - OUT_DIR/vip-events.log: "EPOCH NODE init|add|del", one line per address event of each node's eth0, stamped
#    by `ip monitor` as the event reaches it; exact, so an overlap of a millisecond shows;
#  - samples of every node's `ip -o addr` about every VIP_WATCH_MS=50 ms, as an outside observer polling sees it:
#    OUT_DIR/vip-samples.log gets a line whenever the set of holders changes ("EPOCH n1,n2"), and at the end
#    OUT_DIR/vip-watch.summary gets "samples=N sample_overlaps=N sample_overlaps_raw=N" (samples in which two
#    nodes held the VIP, confirmed by an immediate second look; raw: at the first look).
# Environment (from run.sh): VIP NODES OUT_DIR KC_HOST_LIB
. "$KC_HOST_LIB"
EV=$OUT_DIR/vip-events.log SAMPLES=$OUT_DIR/vip-samples.log SUMMARY=$OUT_DIR/vip-watch.summary
period=$(awk -v ms="${VIP_WATCH_MS:-50}" 'BEGIN{printf "%.3f", ms/1000}')
rm -f "$SUMMARY"; : > "$SAMPLES"
for n in $(seq 1 "$NODES"); do
  # Stamped by ip itself as each netlink message arrives (-ts: "[2026-11-24T15:14:03.524123] Deleted ..."), not by
  # the reader further down the pipe: under load a shell stamping the lines it read made a removal look 80 ms
  # later than the node's own log put it. (A shell reads each line at once; mawk would buffer them.)
  kc_node_ip "$n" -ts -o monitor address dev eth0 | while IFS= read -r l; do
    [[ $l == *" inet $VIP/"* ]] || continue
    t=${l:1:26}; t=$(date -d "${t/T/ }" +%s.%6N)
    if [[ ${l:29} == Deleted* ]]; then echo "$t $n del"; else echo "$t $n add"; fi
  done >> "$EV" &
done
sleep 0.1      # monitors subscribed before the first snapshot: a change in between shows in both (harmless)
for n in $(kc_vip_owner); do echo "$EPOCHREALTIME $n init"; done >> "$EV"
echo "$EPOCHREALTIME watch" >> "$EV"       # marks the start even when no node holds the VIP

samples=0 overlaps=0 raw=0 last=
finish(){ echo "samples=$samples sample_overlaps=$overlaps sample_overlaps_raw=$raw" > "$SUMMARY"; trap - TERM; kill 0 2>/dev/null; exit 0; }
trap finish TERM INT
while :; do
  h=$(kc_vip_owner | paste -sd, -)
  samples=$((samples+1))
  # the nodes are read one after the other, so a move between two reads shows both: look again at once, and
  # count the sample only if two nodes still hold the VIP
  if [[ $h == *,* ]]; then raw=$((raw+1)); h=$(kc_vip_owner | paste -sd, -); [[ $h == *,* ]] && overlaps=$((overlaps+1)); fi
  [ "$h" = "$last" ] || { echo "$EPOCHREALTIME ${h:-none}" >> "$SAMPLES"; last=$h; }
  sleep "$period" & wait $!
done
