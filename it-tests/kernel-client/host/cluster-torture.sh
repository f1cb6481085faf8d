#!/bin/bash
# HOST_SCRIPT: failover torture of a Handoff cluster (3 nodes, VIP_NODE=none, two VIPs: $VIP and TORTURE_VIP2).
#   VIP_NODE=none run.sh -n 3 --vip 10.0.3.100 -s '<handoff serve --cluster ... --vip 10.0.3.100 --vip 10.0.3.101>' \
#       -H host/cluster-torture.sh torture-io
# While clients work through both VIPs, a scheduler injects faults one at a time, with gaps of GAP_MIN_S..GAP_MAX_S
# and a wait until the cluster has settled (3 members with quorum, each VIP on one node) before each:
#   move      handoff vip move of either VIP to a random other node
#   kill      kill -9 of a VIP owner's server, wait for the takeover, start it again
#   partition cut a VIP owner off from the other nodes (kc_partition) for 3-6 s, then heal
#   pause     SIGSTOP of a VIP owner's server for 2-5 s, then SIGCONT
#   restart   clean stop (SIGTERM) of a random node's server, then start it again
# Kinds come in shuffled rounds (every kind of TORTURE_KINDS, default all five, once per round), so a short run
# has a couple of each. The
# scheduler runs for TORTURE_DURATION_S and at least TORTURE_MIN_ROUNDS rounds. Random choices come from
# TORTURE_SEED (printed; a random one when unset): the same seed replays the same schedule.
# Clients: TortureClient (Java, TORTURE_JAVA -cp TORTURE_CP) twice from the host, w1 through $VIP and w2 through
# TORTURE_VIP2; the guests (torture-io) stop when the file $EXPORT/torture-done-$RUN_ID appears.
# Files in OUT_DIR/torture/: faults.jsonl (one JSON line per fault step, "t" in epoch microseconds),
# history-w1.jsonl, history-w2.jsonl (the clients' operations), client-*.log, watch-VIP/ (lib/vip-watch.sh for
# each VIP: vip-events.log, vip-samples.log, vip-watch.summary), seed. Ends with EVENT torture seed= rounds=
# moves= kills= partitions= pauses= restarts= failed_steps=.
. "$KC_HOST_LIB"
VIP2=${TORTURE_VIP2:-10.0.3.101}; VIPS=("$VIP" "$VIP2")
DURATION=${TORTURE_DURATION_S:-60}; MIN_ROUNDS=${TORTURE_MIN_ROUNDS:-2}
GAP_MIN_S=${GAP_MIN_S:-2}; GAP_MAX_S=${GAP_MAX_S:-4}; SETTLE_S=${SETTLE_S:-120}
SEED=${TORTURE_SEED:-$(( (RANDOM << 15) | RANDOM ))}; RANDOM=$SEED
T=$OUT_DIR/torture; mkdir -p "$T"; FAULTS=$T/faults.jsonl; : > "$FAULTS"; STOP=$T/stop; rm -f "$STOP"
echo "$SEED" > "$T/seed"
kc_log "torture seed $SEED (TORTURE_SEED=$SEED replays this schedule)"
declare -A COUNT=([move]=0 [kill]=0 [partition]=0 [pause]=0 [restart]=0)
read -r -a KINDS <<<"${TORTURE_KINDS:-move kill partition pause restart}"
for k in "${KINDS[@]}"; do [ -n "${COUNT[$k]+x}" ] || { kc_log "unknown fault kind '$k' in TORTURE_KINDS"; exit 1; }; done
FAILED=0

usec(){ echo "${EPOCHREALTIME/./}"; }
# fault KIND PHASE k=v... : one JSON line (values as strings) and an EVENT line; "t" is when the line was written,
# "at" (where given) when the fault itself happened, both epoch microseconds
fault(){ local kind=$1 phase=$2 kv line; shift 2
  line="{\"t\":$(usec),\"fault\":\"$kind\",\"phase\":\"$phase\""
  for kv in "$@"; do line="$line,\"${kv%%=*}\":\"${kv#*=}\""; done
  echo "$line}" >> "$FAULTS"; kc_event "torture_$kind" "phase=$phase" "$@"; }
rand(){ echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
owner_of(){ local o; o=$(kc_vip_owner "$1"); [[ $o =~ ^[0-9]$ ]] && echo "$o"; }
server_up(){ kc_server_pid "$1" >/dev/null; }
alive(){ [ -d "/proc/$1" ] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }

# Settled: every server runs and sees 3 members with quorum, and each VIP is on exactly one node.
settled(){ local n v m
  for n in $(seq 1 "$NODES"); do
    m=$(kc_admin "$n" /v1/status 2>/dev/null | jq -r '"\(.quorum) \(.members | length)"' 2>/dev/null)
    [ "$m" = "true $NODES" ] || return 1
  done
  for v in "${VIPS[@]}"; do owner_of "$v" >/dev/null || return 1; done; }
settle(){ local t0=$EPOCHREALTIME
  until settled; do kc_elapsed_over "$t0" "$SETTLE_S" && { kc_log "not settled after $SETTLE_S s"; return 1; }; sleep 0.3; done; }

do_move(){ local v=${VIPS[RANDOM % 2]} from to out rc t0=$EPOCHREALTIME
  from=$(owner_of "$v") || return 1
  to=$(( (from + $(rand 0 1)) % NODES + 1 ))
  fault move start vip="$v" from="$from" to="$to"
  out=$(kc_handoff "$from" vip move "$v" "node$to" --wait 10 2>&1); rc=$?
  sed 's/^/    | /' <<< "$out"
  fault move end vip="$v" from="$from" to="$to" rc=$rc ms="$(kc_ms_since "$t0")" owner="$(kc_vip_owner "$v" | paste -sd, -)"
  [ $rc = 0 ]; }
do_kill(){ local v=${VIPS[RANDOM % 2]} n to t0
  n=$(owner_of "$v") || return 1
  t0=$EPOCHREALTIME; kc_server_kill "$n" || return 1
  fault kill start vip="$v" node="$n" at="${t0/./}"
  to=$(VIP=$v kc_wait_vip 60 "$n") || to=none
  fault kill takeover vip="$v" node="$n" to="$to" ms="$(kc_ms_since "$t0")"
  sleep "$(rand 1 3)"
  kc_server_start "$n"; fault kill restarted node="$n" rc=$?
  [ "$to" != none ]; }
do_partition(){ local v=${VIPS[RANDOM % 2]} n hold
  n=$(owner_of "$v") || return 1; hold=$(rand 3 6)
  t=$(usec); kc_partition "$n" || return 1
  fault partition start vip="$v" node="$n" hold_s="$hold" at="$t"
  sleep "$hold"
  t=$(usec); kc_heal "$n"
  fault partition end at="$t" vip="$v" node="$n" owner="$(kc_vip_owner "$v" | paste -sd, -)"; }
do_pause(){ local v=${VIPS[RANDOM % 2]} n pid hold
  n=$(owner_of "$v") || return 1; pid=$(kc_server_pid "$n") || return 1; hold=$(rand 2 5)
  t=$(usec); kill -STOP "$pid"
  fault pause start vip="$v" node="$n" pid="$pid" hold_s="$hold" at="$t"
  sleep "$hold"; t=$(usec); kill -CONT "$pid"
  fault pause end at="$t" vip="$v" node="$n" owner="$(kc_vip_owner "$v" | paste -sd, -)"; }
do_restart(){ local n pid rc
  n=$(rand 1 "$NODES"); pid=$(kc_server_pid "$n") || return 1
  fault restart start node="$n" pid="$pid"
  kill -TERM "$pid"
  for _ in $(seq 300); do alive "$pid" || break; sleep 0.1; done
  alive "$pid" && { kc_log "node$n did not stop within 30 s: SIGKILL"; kill -KILL "$pid"; }
  kc_server_start "$n"; rc=$?
  fault restart end node="$n" rc=$rc
  [ $rc = 0 ]; }

watch_start(){ local v
  for v in "${VIPS[@]}"; do
    mkdir -p "$T/watch-$v"; : > "$T/watch-$v/vip-events.log"
    ( VIP=$v OUT_DIR=$T/watch-$v exec setsid "$KC_DIR/lib/vip-watch.sh" ) </dev/null >>"$T/watch-$v/vip-watch.log" 2>&1 &
    echo $! > "$T/watch-$v/pid"
  done; }
watch_stop(){ local v pid
  for v in "${VIPS[@]}"; do
    pid=$(cat "$T/watch-$v/pid" 2>/dev/null) || continue
    kill -TERM -- "-$pid" 2>/dev/null
    for _ in $(seq 100); do [ -s "$T/watch-$v/vip-watch.summary" ] && break; sleep 0.05; done
    kc_event vip_watch vip="$v" $(cat "$T/watch-$v/vip-watch.summary" 2>/dev/null) \
      $(OUT_DIR=$T/watch-$v kc_vip_overlaps)
  done; }

# wire clients: w1 through the first VIP, w2 through the second; ports below 1024 (the export is not insecure)
CLIENT_PIDS=()
client_start(){ local name=$1 port=$2 vip=$3
  "$TORTURE_JAVA" -Xmx96m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$TORTURE_CP" dev.handoff.it.torture.TortureClient \
    "$name" "$HOST_IP" "$port" "$vip" "$EXPORT" "$((SEED + port))" "$STOP" "$T/history-$name.jsonl" \
    </dev/null >"$T/client-$name.log" 2>&1 &
  CLIENT_PIDS+=($!); }

for v in "${VIPS[@]}"; do VIP=$v kc_wait_vip 180 >/dev/null || { kc_log "no node took $v within 180 s"; exit 1; }; done
settle || kc_log "starting unsettled"
watch_start
[ -n "${TORTURE_CP:-}" ] && { client_start w1 801 "$VIP"; client_start w2 811 "$VIP2"; } \
  || kc_log "TORTURE_CP unset: no wire clients"
sleep 2
T0=$EPOCHREALTIME rounds=0
while [ "$rounds" -lt "$MIN_ROUNDS" ] || ! kc_elapsed_over "$T0" "$DURATION"; do
  # one round: every kind once, in a random order (Fisher-Yates on RANDOM)
  kinds=("${KINDS[@]}")
  for ((i = ${#kinds[@]} - 1; i > 0; i--)); do j=$((RANDOM % (i + 1))); x=${kinds[i]}; kinds[i]=${kinds[j]}; kinds[j]=$x; done
  for k in "${kinds[@]}"; do
    settle || FAILED=$((FAILED + 1))
    sleep "$(rand "$GAP_MIN_S" "$GAP_MAX_S")"
    if "do_$k"; then COUNT[$k]=$((COUNT[$k] + 1)); else FAILED=$((FAILED + 1)); fault "$k" failed; fi
  done
  rounds=$((rounds + 1))
done

# the end: everything healed, thawed and running, then the clients stop and the guests are told to
for n in $(seq 1 "$NODES"); do
  kc_heal "$n" >/dev/null 2>&1
  p=$(kc_server_pid "$n") && kill -CONT "$p" 2>/dev/null
  server_up "$n" || kc_server_start "$n"
done
settle || FAILED=$((FAILED + 1))
touch "$STOP"
for p in "${CLIENT_PIDS[@]}"; do
  for _ in $(seq 1200); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$p" 2>/dev/null && { kc_log "client $p still running 120 s after the stop: killed"; kill -KILL "$p"; FAILED=$((FAILED + 1)); }
done
touch "$EXPORT/torture-done-$RUN_ID"
while kc_guests_running; do sleep 0.2; done
watch_stop
kc_event torture seed="$SEED" rounds=$rounds moves=${COUNT[move]} kills=${COUNT[kill]} partitions=${COUNT[partition]} \
  pauses=${COUNT[pause]} restarts=${COUNT[restart]} failed_steps=$FAILED
exit 0
