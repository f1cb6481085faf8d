# cluster-lib.sh: host-side helpers for runs in which the servers place the VIP themselves (run.sh VIP_NODE=none,
# a Handoff cluster). Sourced by host-lib.sh. Node N's admin API answers on 127.0.0.1:9049 inside node N.
#
#   kc_vip_owner [IP]               the nodes holding IP (default $VIP) on eth0 now, one number per line
#   kc_wait_vip [SECS] [NOT_N]      wait (default 30 s) until exactly one node, not NOT_N, holds the VIP; print it
#   kc_wait_vip_gone N [SECS]       wait until node N no longer holds the VIP
#   kc_handoff N ARGS...            ./handoff ARGS inside node N (HANDOFF_NO_BUILD=1: a run never builds)
#   kc_admin N PATH [CURL_ARGS...]  the admin API of node N with curl (no JVM start per call)
#   kc_handoff_report N KIND        the newest HandoffReport of KIND (handoff|acquire|takeover|fenced) for the VIP
#                                   in node N's status, as one word: total:MS,STAGE:MS,...
#   kc_server_pid N                 pid of the Handoff server process in node N
#   kc_server_kill N                kill -9 that process only (the node, its address and other processes stay)
#   kc_partition N / kc_heal N      silently drop / restore the traffic between node N and the other nodes
#                                   (guests and the host still reach every node)
#   kc_vip_watch_start / kc_vip_watch_stop   watch every node's addresses (lib/vip-watch.sh); stop prints
#                                   EVENT vip_watch with the overlaps (moments two nodes held the VIP)
#   kc_move_stalls MOVES_FILE T_IO  per-move stall of guest 0's continuous-io op log (see the function)
KC_ADMIN_PORT=${KC_ADMIN_PORT:-9049}

kc_node_ip(){ local n=$1; shift
  if [ -e "/run/netns/node$n" ]; then ip -n "node$n" "$@"; else kc_node "$n" ip "$@"; fi; }
kc_vip_owner(){ local vip=${1:-$VIP} n
  for n in $(seq 1 "$NODES"); do
    kc_node_ip "$n" -o -4 addr show dev eth0 2>/dev/null | grep -q " inet $vip/" && echo "$n"
  done; }
kc_wait_vip(){ local to=${1:-30} not=${2:-} t0=$EPOCHREALTIME o
  while :; do
    o=$(kc_vip_owner)
    if [ -n "$o" ] && [ "$(wc -l <<< "$o")" = 1 ] && [ "$o" != "$not" ]; then echo "$o"; return 0; fi
    # a node other than NOT_N holds it while NOT_N still does (a killed server leaves its address behind)
    if [ -n "$not" ]; then o=$(grep -vx "$not" <<< "$o" | head -n 1); [ -n "$o" ] && { echo "$o"; return 0; }; fi
    kc_elapsed_over "$t0" "$to" && return 1
    sleep 0.02
  done; }
kc_wait_vip_gone(){ local n=$1 to=${2:-30} t0=$EPOCHREALTIME
  while kc_node_ip "$n" -o -4 addr show dev eth0 | grep -q " inet $VIP/"; do
    kc_elapsed_over "$t0" "$to" && return 1; sleep 0.02; done; }

kc_handoff(){ local n=$1; shift
  kc_node "$n" env HANDOFF_NO_BUILD=1 HANDOFF_ADMIN="127.0.0.1:$KC_ADMIN_PORT" "$KC_CALLER_PWD/handoff" "$@"; }
kc_admin(){ local n=$1 path=$2; shift 2
  kc_node "$n" curl -sS -m 5 "$@" "http://127.0.0.1:$KC_ADMIN_PORT$path"; }
kc_handoff_report(){ local n=$1 kind=$2
  kc_admin "$n" /v1/status 2>/dev/null | jq -r --arg vip "$VIP" --arg kind "$kind" '
      [.recent[]? | select((.vip | startswith($vip)) and .kind == $kind)][0]
      | if . == null then "none" else
          (["total:" + (.totalMs | tostring)] + (.stagesMs | to_entries | map(.key + ":" + (.value | tostring))))
          | join(",") | gsub("[ =]"; "_") end' 2>/dev/null || echo none; }

kc_server_pid(){ local p
  for p in $(kc_node_pids "$1"); do
    tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q 'HandoffCommand serve' && { echo "$p"; return 0; }
  done; return 1; }
kc_server_kill(){ local n=$1 pid
  pid=$(kc_server_pid "$n") || { kc_log "node$n: no server process"; return 1; }
  kill -KILL "$pid"
  for _ in $(seq 100); do [ -d "/proc/$pid" ] && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null || break; sleep 0.02; done
  kc_event server_kill node=$n pid=$pid; }

# kc_partition N: node N and the other nodes lose each other, silently: each side drops what comes in from the
# other (input hooks only), so no sender gets an error (an output drop would answer EPERM at once, and the node
# would learn of the cut from its own sockets); Hazelcast and the VIP table must notice by their timeouts.
# Guests (NET_PREFIX.10-13) and the host still reach every node, as with a broken link between servers.
kc_partition(){ local n=$1 m others=
  for m in $(seq 1 "$NODES"); do [ "$m" = "$n" ] || others="$others${others:+, }$NET_PREFIX.$m"; done
  kc_drop_from "$n" "$others" || return 1
  for m in $(seq 1 "$NODES"); do [ "$m" = "$n" ] || kc_drop_from "$m" "$NET_PREFIX.$n" || return 1; done
  kc_event partition node=$n "others=${others//, /,}"; }
kc_heal(){ local n=$1 m
  for m in $(seq 1 "$NODES"); do
    if command -v nft >/dev/null; then kc_node "$m" nft delete table inet kc_partition 2>/dev/null
    else kc_node "$m" iptables -F INPUT; fi
  done
  kc_event heal node=$n; }
# kc_drop_from N "IP[, IP...]": node N drops every packet from these addresses (nftables, else iptables)
kc_drop_from(){ local n=$1 from=$2 ip
  if command -v nft >/dev/null; then
    kc_node "$n" nft -f - <<EOF
table inet kc_partition {
  chain in { type filter hook input priority -10; policy accept; ip saddr { $from } drop; }
}
EOF
  elif command -v iptables >/dev/null; then
    for ip in ${from//,/}; do kc_node "$n" iptables -I INPUT -s "$ip" -j DROP || return 1; done
  else kc_log "neither nft nor iptables: run setup.sh (it installs nftables)"; return 1; fi; }

kc_vip_watch_start(){
  : > "$OUT_DIR/vip-events.log"
  ( exec setsid "$KC_DIR/lib/vip-watch.sh" ) </dev/null >>"$OUT_DIR/vip-watch.log" 2>&1 &
  echo $! > "$KC_RUN/vip-watch.pid"
  for _ in $(seq 100); do [ -s "$OUT_DIR/vip-events.log" ] && break; sleep 0.02; done; }
# Overlaps: from the address events (exact: every add/del of each node, time-stamped as it happened) and from
# the 50 ms samples (what an observer polling `ip addr` sees). A shorter read of the same file gives the
# count so far: kc_vip_overlaps.
kc_vip_watch_stop(){ local pid; pid=$(cat "$KC_RUN/vip-watch.pid" 2>/dev/null) || return 0
  kill -TERM -- "-$pid" 2>/dev/null
  for _ in $(seq 100); do [ -s "$OUT_DIR/vip-watch.summary" ] && break; sleep 0.05; done
  rm -f "$KC_RUN/vip-watch.pid"
  kc_event vip_watch $(cat "$OUT_DIR/vip-watch.summary" 2>/dev/null) $(kc_vip_overlaps); }
# overlaps=N overlap_ms=X max_overlap_ms=X overlaps_any=N changes=N from OUT_DIR/vip-events.log ("EPOCH NODE
# add|del|init" lines); an "add" of an address the node already holds is a refresh (a server renewing the
# address's lifetime), not a change. Each node's events are stamped by its own `ip monitor` reader, so under load
# one node's event can be stamped a few ms late: overlaps shorter than VIP_OVERLAP_MIN_MS=20 count only in
# overlaps_any (the servers' logs tell whether the order was right); overlap_ms sums all of them.
kc_vip_overlaps(){
  sort -n "$OUT_DIR/vip-events.log" 2>/dev/null | awk -v min="${VIP_OVERLAP_MIN_MS:-20}" '
    { t = $1; n = $2
      if ($3 == "add" || $3 == "init") { if (!(n in held)) { held[n] = 1; c++; ch++ } }
      else if ($3 == "del") { if (n in held) { delete held[n]; c--; ch++ } }
      if (c >= 2 && !over) { over = 1; since = t }
      if (c < 2 && over) { over = 0; d = (t - since) * 1000; ms += d; any++; if (d >= min) k++; if (d > mx) mx = d } }
    END { if (over) { any++; k++ }
      printf "overlaps=%d overlap_ms=%.1f max_overlap_ms=%.1f overlaps_any=%d changes=%d\n", k, ms, mx, any, ch }'; }

# kc_move_stalls MOVES_FILE T_IO: MOVES_FILE has "I T_START_S T_END_S" per move (run-relative seconds, kc_t);
# T_IO is when guest 0 printed "IOTEST start" (kc_t). Guest 0's op log (OUT_DIR/guest0.data.log, written when
# iotest ends: "seq t_start_s write_ms fsync_ms total_ms ok", t relative to IOTEST start) is cut into one window
# per move, from 0.5 s before it starts to 0.5 s before the next one starts; a move's stall is the longest
# operation in progress during its window (so an operation blocked across several moves counts for each of them:
# the I/O stood still through them). Prints "I STALL_MS" per move, then "n= p50_ms= p99_ms= max_ms= ms=LIST".
kc_move_stalls(){ local moves=$1 tio=$2
  tr -d '\r' < "$OUT_DIR/guest0.data.log" | awk -v tio="$tio" -v mf="$moves" '
    BEGIN { while ((getline l < mf) > 0) { split(l, f, " "); m++; st[m] = f[2] - tio - 0.5 }; st[m + 1] = 1e12; j0 = 1 }
    /^#/ || NF < 6 { next }
    { t = $2; d = $5; e = t + d / 1000
      while (j0 <= m && st[j0 + 1] <= t) j0++          # ops come in start order: windows before j0 are done
      for (j = j0; j <= m && st[j] < e; j++) if (st[j + 1] > t && d > mx[j]) mx[j] = d }
    END { if (m == 0) { print "n=0"; exit }
      for (j = 1; j <= m; j++) { v[j] = mx[j] + 0; printf "%d %.1f\n", j, v[j]; list = list (j > 1 ? "," : "") sprintf("%.1f", v[j]) }
      for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (v[b] < v[a]) { x = v[a]; v[a] = v[b]; v[b] = x }
      p50 = v[int((m - 1) * 0.50) + 1]; p99 = v[int((m - 1) * 0.99 + 0.5) + 1]
      printf "n=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f ms=%s\n", m, p50, p99, v[m], list }'; }
