#!/usr/bin/env bash
# Failover figures with the Linux kernel client: three runs of the kernel-client kit (it-tests/kernel-client)
# against a three-node Handoff cluster whose VIP the guests mount:
#   1. MOVES planned moves (`handoff vip move`, host/cluster-moves.sh) under guest 0's continuous-io;
#   2. KILLS crash takeovers (kill -9 of the owner's server, then its restart; bench/failover/kill-loop.sh)
#      under continuous-io;
#   3. the lock service across a move and a kill (host/cluster-locks.sh with failover-holder/-contender).
# From each I/O run, per event, the kernel client's longest stall (the longest pwrite+fsync in progress around
# the event, kc_move_stalls), and p50/p99/max over the events; from the lock run, how long the contender's
# F_SETLK took after the kill, how long until the new owner accepted connections, and the F_SETLKW wait for
# the GRANTED callback. Writes OUT.md (tables), OUT.json (every figure), OUT.dat (per-event stalls, for gnuplot).
#   bench/failover.sh OUT.md              MOVES=20 KILLS=5 KEEP=1 (keep the kit's run directories)
#   REUSE=DIR bench/failover.sh OUT.md    only the tables, from the kept run directories in DIR
# Needs root and the kit's setup (run here). Uses the built jar as it is (HANDOFF_NO_BUILD=1, HANDOFF_TARGET).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="${1:?usage: bench/failover.sh OUT.md}"
out="${out%.md}"
moves="${MOVES:-20}" kills="${KILLS:-5}"
vip=10.0.3.100 members=10.0.3.1,10.0.3.2,10.0.3.3
log() { echo "== $(date +%H:%M:%S) $*" >&2; }
[ "$(id -u)" = 0 ] || { echo "failover.sh: needs root (the kit's namespaces)" >&2; exit 1; }
command -v jq >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
if [ -n "${REUSE:-}" ]; then
  work="$REUSE"
else
  "$root/it-tests/kernel-client/setup.sh" >"${TMPDIR:-/tmp}/handoff-failover-setup.log" 2>&1 || { echo "failover.sh: kernel-client setup failed; see ${TMPDIR:-/tmp}/handoff-failover-setup.log" >&2; exit 1; }

  work="$(mktemp -d /var/tmp/handoff-failover-bench.XXXXXX)"
  chmod 755 "$work"
  mkdir -m 777 "$work/export"
  echo "$work/export *(rw,no_root_squash,insecure)" >"$work/exports"
  head -c 32 /dev/urandom >"$work/handle.key"
  chmod 600 "$work/handle.key"
  finish() { local rc=$?; if [ "$rc" != 0 ] || [ "${KEEP:-}" = 1 ]; then log "kit runs kept in $work"; else rm -rf "$work"; fi; }
  trap finish EXIT

  # Three JVMs joining a cluster on a busy machine can take more than the kit's default minute to listen.
  export SERVER_START_TIMEOUT="${SERVER_START_TIMEOUT:-180}"
  # Under a heavily loaded host, TCG guests sometimes fail the kernel's IO-APIC timer check and panic at boot.
  export KERNEL_APPEND="${KERNEL_APPEND:-no_timer_check}"
  export MOVES="$moves" KILLS="$kills" HANDOFF_NO_BUILD=1 VIP_NODE=none EXPORT_DIR="$work/export" EXPORT="$work/export"
  export SERVER_CMD="HANDOFF_NO_BUILD=1 ./handoff serve --exports '$work/exports' --node \"\$NODE_NAME\" \
  --bind \"\$NODE_IP\" --cluster $members --vip $vip --vip-interface eth0 --state-dir \"\$NODE_DIR/state\" \
  --handle-key '$work/handle.key' &"
  kit() { # NAME ARGS...: one kit run into $work/NAME; its summary stays in $work/NAME/summary.txt
    local name="$1"; shift
    log "kit run '$name' (progress: $work/$name/host-script.log)"
    (cd "$root" && it-tests/kernel-client/run.sh -n 3 --vip "$vip" -o "$work/$name" --timeout 600 "$@" \
      >"$work/$name.out" 2>&1) || log "kit run '$name' failed: $(grep '^RESULT' "$work/$name.out" || tail -3 "$work/$name.out")"
  }
  # I/O must outlast the events: a move takes a CLI start and a pause (~3 s here), a kill a takeover, a restart
  # and a rejoin (~20 s).
  kit moves -H it-tests/kernel-client/host/cluster-moves.sh -e WAIT_VIP_S=120 \
    -e IO_DURATION=$((moves * 5 + 30)) continuous-io < /dev/null
  kit kills -H "$root/bench/failover/kill-loop.sh" -e WAIT_VIP_S=120 \
    -e IO_DURATION=$((kills * 30 + 30)) continuous-io < /dev/null
  kit locks -H it-tests/kernel-client/host/cluster-locks.sh -e WAIT_VIP_S=120 -e LOCK_GRANT_MAX_S=15 \
    failover-holder failover-contender < /dev/null

fi
# event NAME RUN: the fields of the last EVENT line NAME of RUN's summary, as k=v words.
event() { { grep -h "name=$1 " "$work/$2/summary.txt" 2>/dev/null || true; } | tail -n 1; }
field() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<<" $2" | head -n 1; }
metric() { { grep -h "METRIC name=$1 " "$work/$2/summary.txt" 2>/dev/null || true; } | sed -n 's/.*value=\([^ ]*\).*/\1/p' | head -n 1; }
ms_list() { { grep -h "name=$1 " "$work/$2/summary.txt" 2>/dev/null || true; } \
  | sed -n "s/.* $3=\\([0-9.]*\\).*/\\1/p" | paste -sd, -; }
stats() { # comma list -> "n p50 p99 max" (nearest rank, as kc_move_stalls)
  tr ',' '\n' <<<"$1" | { grep -E '^[0-9.]+$' || true; } | sort -g | awk '{ v[++n] = $1 }
    END { if (!n) { print 0, "-", "-", "-"; exit } printf "%d %.1f %.1f %.1f\n", n, v[int((n - 1) * 0.5) + 1], v[int((n - 1) * 0.99 + 0.5) + 1], v[n] }'; }

moves_ev="$(event move_stalls moves)" kills_ev="$(event kill_stalls kills)"
move_ms="$(field ms "$moves_ev")" kill_ms="$(field ms "$kills_ev")"
serving="$(ms_list cluster_move moves serving_ms)" served="$(ms_list cluster_kill kills serve_ms)"
lock_kill="$(event lock_kill locks)" lock_move="$(event lock_move locks)"
denied_kill="$(metric failover_denied_after_kill_s locks)" setlkw="$(metric failover_setlkw_wait_s locks)"
result() { { grep -h '^RESULT' "$work/$1/summary.txt" 2>/dev/null || true; } | sed -n 's/.*status=\([A-Z]*\).*/\1/p' | head -n 1; }
val() { [ -n "$1" ] && echo "$1 $2" || echo "not measured (locks run: $(result locks))"; }
read -r mn m50 m99 mmax <<<"$(stats "$move_ms")"
read -r kn k50 k99 kmax <<<"$(stats "$kill_ms")"
read -r sn s50 s99 smax <<<"$(stats "$serving")"
read -r tn t50 t99 tmax <<<"$(stats "$served")"
kernel="$(sed -n 's/.*kernel=\([^ ]*\).*/\1/p' "$work/moves/summary.txt" 2>/dev/null | head -n 1 || true)"

{
  echo "Linux ${kernel:-?} kernel NFS client (qemu TCG guest, NFSv3 over TCP, hard mount) writing and fsyncing one"
  echo "4 KiB record per operation (continuous-io) through the VIP of a 3-node Handoff cluster; stall = the longest"
  echo "operation in progress around each event. Kit results: moves $(result moves), kills $(result kills), locks $(result locks)."
  echo
  echo "| event | count | stall p50 ms | stall p99 ms | stall max ms | server side p50 / max ms |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| planned move (\`handoff vip move\`) | $mn | $m50 | $m99 | $mmax | $s50 / $smax (request to SERVING on the new node) |"
  echo "| crash takeover (kill -9 of the owner) | $kn | $k50 | $k99 | $kmax | $t50 / $tmax (kill to VIP accepting connections) |"
  echo
  echo "Lock service (one write lock held by guest 0 across a move and a kill, guest 1 contending):"
  echo
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| planned move, CLI wall time | $(val "$(field ms "$lock_move")" ms) |"
  echo "| kill -9 to another node holding the VIP | $(val "$(field addr_ms "$lock_kill")" ms) |"
  echo "| kill -9 to the new owner accepting connections (the lock-service gap) | $(val "$(field serve_ms "$lock_kill")" ms) |"
  echo "| contender's F_SETLK answered (denied: the lock survived) after the kill | $(val "$denied_kill" s) |"
  echo "| release to F_SETLKW granted by the new owner's GRANTED callback | $(val "$setlkw" s) |"
} >"$out.md"
{
  echo "# kind index stall_ms"
  i=0; for v in ${move_ms//,/ }; do i=$((i + 1)); echo "move $i $v"; done
  echo; echo
  i=0; for v in ${kill_ms//,/ }; do i=$((i + 1)); echo "kill $i $v"; done
} >"$out.dat"
num() { [[ ${1:-} =~ ^[0-9.]+$ ]] && echo "$1" || echo null; }
cat >"$out.json" <<EOF
{"date":"$(date -u +%FT%TZ)","kernel":"${kernel}",
 "moves":{"n":$mn,"p50_ms":$(num "$m50"),"p99_ms":$(num "$m99"),"max_ms":$(num "$mmax"),"stalls_ms":[${move_ms}],"serving_ms":[${serving}],"result":"$(result moves)"},
 "kills":{"n":$kn,"p50_ms":$(num "$k50"),"p99_ms":$(num "$k99"),"max_ms":$(num "$kmax"),"stalls_ms":[${kill_ms}],"serve_ms":[${served}],"result":"$(result kills)"},
 "locks":{"move_ms":$(num "$(field ms "$lock_move")"),"kill_addr_ms":$(num "$(field addr_ms "$lock_kill")"),"kill_serve_ms":$(num "$(field serve_ms "$lock_kill")"),"denied_after_kill_s":$(num "$denied_kill"),"setlkw_wait_s":$(num "$setlkw"),"result":"$(result locks)"}}
EOF
cat "$out.md"
log "written $out.md, $out.json, $out.dat"
