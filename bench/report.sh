#!/usr/bin/env bash
# Regenerates docs/benchmarks.md and its charts docs/img/bench-*.png in one command (root; ~25 minutes in full):
#   1. bench/nfs/compare.sh       Handoff against NFS-Ganesha 4.3, every workload at 1 and 32 calls in flight
#   2. bench/nfs/cluster-cost.sh  a 3-node cluster through its VIP against a single node
#   3. bench/failover.sh          the kernel client's stalls over planned moves and crash takeovers, lock gap
# Each step's tables are kept in bench/results/NAME.{md,json,dat}; the report is then written from whatever is
# there, so a step can be run again alone (--only) and the rest of the report stays.
#   bench/report.sh [--quick] [--only ganesha,cluster,failover] [--no-run]
#     --quick   1 round x 1 s per cell, 64 MiB data files, 3 moves and 1 kill: proves the chain (16 minutes on
#               a busy 2-core machine)
#     --only    run only these steps (default: all three)
#     --no-run  only rewrite the report and charts from bench/results
# Environment: HANDOFF_TARGET (the build directory, as for ./handoff), ROUNDS/SECONDS_PER_CELL (compare.sh),
#   CLUSTER_ROUNDS/CLUSTER_SECONDS, MOVES/KILLS, and everything the three scripts read.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
results="$root/bench/results" img="$root/docs/img" report="$root/docs/benchmarks.md"
quick=0 only="ganesha,cluster,failover" run=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --only) only="$2"; shift ;;
    --no-run) run=0 ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
  esac
  shift
done
log() { echo "== $(date +%H:%M:%S) $*" >&2; }
[ "$(id -u)" = 0 ] || [ "$run" = 0 ] || { echo "report.sh: needs root" >&2; exit 1; }
command -v gnuplot >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox >/dev/null
if [ "$quick" = 1 ]; then
  rounds="${ROUNDS:-1}" seconds="${SECONDS_PER_CELL:-1}" crounds="${CLUSTER_ROUNDS:-1}" cseconds="${CLUSTER_SECONDS:-1}"
  export LOADGEN_FILE_MB="${LOADGEN_FILE_MB:-64}" MOVES="${MOVES:-3}" KILLS="${KILLS:-1}"
else
  rounds="${ROUNDS:-3}" seconds="${SECONDS_PER_CELL:-3}" crounds="${CLUSTER_ROUNDS:-3}" cseconds="${CLUSTER_SECONDS:-2}"
  export MOVES="${MOVES:-20}" KILLS="${KILLS:-5}"
fi
mkdir -p "$results" "$img"
has() { [[ ",$only," == *",$1,"* ]]; }

if [ "$run" = 1 ]; then
  if [ "${HANDOFF_NO_BUILD:-}" != 1 ]; then log "building the server if its sources changed"; "$root/handoff" --version >/dev/null; fi
  export HANDOFF_NO_BUILD=1
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  mode="$([ "$quick" = 1 ] && echo quick || echo full)"
  step() { # NAME VARS COMMAND...: runs one step, records its command line and the load before it
    local name="$1" vars="$2" v line=""; shift 2
    for v in $vars; do [ -n "${!v:-}" ] && line="$line$v=${!v} "; done
    line="$line${*//$root\//}"
    log "step $name: $line"
    printf '%s\n' "$line" >"$results/$name.cmd"
    local at; at="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    git -C "$root" diff --quiet HEAD -- '*/src/main/*' 2>/dev/null || at="$at+changes"
    printf 'mode=%s load_before=%s started=%s commit=%s\n' "$mode" "$(cut -d' ' -f1-3 /proc/loadavg)" \
      "$(date -u +%FT%TZ)" "$at" >"$results/$name.env"
    "$@"
  }
  data="LOADGEN_FILE_MB LOADGEN_RDP_ENTRIES WORKLOADS DEPTHS"
  has ganesha && step ganesha "$data" "$root/bench/nfs/compare.sh" "$results/ganesha.md" "$rounds" "$seconds"
  has cluster && step cluster "$data" "$root/bench/nfs/cluster-cost.sh" "$results/cluster.md" "$crounds" "$cseconds"
  has failover && step failover "MOVES KILLS" "$root/bench/failover.sh" "$results/failover.md"
  log "steps done (load average at the start: $load)"
fi

# ---- charts
charts="$(mktemp -d)"
trap 'rm -rf "$charts"' EXIT
ab_chart() { # NAME LABEL_A LABEL_B CAPTION
  local dat="$results/$1.dat"
  [ -s "$dat" ] || return 0
  awk '$1 != last { if (NR > 1) printf "\n\n"; last = $1 } { print $2, $5, $6, $7, $8, $9, $10 }' "$dat" >"$charts/ab.dat"
  awk '!seen[$1]++ { t = t (n++ ? ", " : "") sprintf("\"%s (%s%s)\"", $1, $3, $4 == "lower" ? ", lower is better" : "") }
       END { printf "array titles[%d] = [%s]\n", n, t }' "$dat" >"$charts/titles.gp"
  gnuplot -e "dir='$charts'; out='$img/bench-$1.png'; caption='$4'; la='$2'; lb='$3'; panels=$(cut -d' ' -f1 "$dat" | sort -u | wc -l)" \
    "$root/bench/report/ab.gp"
}
# target NAME WORKLOAD: the ratio the issue asks for ("-" for none).
target() {
  case "$1:$2" in
    ganesha:getattr|ganesha:lookup|ganesha:access|ganesha:create) echo 2 ;;
    ganesha:write|ganesha:read) echo 1.2 ;;
    ganesha:randread) echo 1.5 ;;
    cluster:create|cluster:write) echo 0.7 ;;
    cluster:*) echo 0.9 ;;
    *) echo - ;;
  esac
}
ratio_data() { # NAME -> charts/ratio-NAME.dat
  : >"$charts/ratio-$1.dat"
  [ -s "$results/$1.dat" ] || { echo "none 0 -" >"$charts/ratio-$1.dat"; return 0; }
  while read -r w d _ _ _ _ _ _ _ _ ratio; do echo "$w/$d $ratio $(target "$1" "$w")"; done <"$results/$1.dat" >"$charts/ratio-$1.dat"
}
ab_chart ganesha Handoff Ganesha "Handoff and NFS-Ganesha 4.3, NFSv3 on loopback: median of the rounds, bars min-max"
ab_chart cluster "cluster (VIP)" "single node" "3-node Handoff cluster through its VIP and a single node: median of the rounds, bars min-max"
ratio_data ganesha; ratio_data cluster
gnuplot -e "dir='$charts'; out='$img/bench-ratio.png'; caption='Ratios (median against median) and the targets'" "$root/bench/report/ratio.gp"
if [ -s "$results/failover.dat" ]; then
  gnuplot -e "dat='$results/failover.dat'; out='$img/bench-failover.png'; caption='Linux kernel client: longest I/O stall per event'" \
    "$root/bench/report/failover.gp"
fi

# ---- the report
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
mem="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
git -C "$root" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
hver="$(HANDOFF_NO_BUILD=1 "$root/handoff" --version 2>/dev/null | paste -sd ';' - | sed 's/;/; /')"
pkg() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "not installed"; }
section() { # NAME: the step's table, or a note that it has not run
  if [ -s "$results/$1.md" ]; then
    cat "$results/$1.md"
    echo
    [ -s "$results/$1.env" ] && echo "Run: \`$(cat "$results/$1.cmd")\` ($(cat "$results/$1.env"))."
  else
    echo "Not run yet: \`bench/report.sh --only $1\`."
  fi
}
targets() {
  local g="$results/ganesha.dat" c="$results/cluster.dat" f="$results/failover.json"
  echo "| target | measured | met |"
  echo "|---|---|---|"
  check() { # NAME DAT WORKLOADS OP LIMIT FIELD: every row of those workloads; FIELD 11 = ratio, 5 = A's median
    local label="$1" dat="$2" ws="$3" op="$4" limit="$5" col="$6"
    [ -s "$dat" ] || { echo "| $label | not run | - |"; return; }
    awk -v ws=" $ws " -v op="$op" -v lim="$limit" -v col="$col" -v label="$label" '
      index(ws, " " $1 " ") { v = $col + 0; ok = op == ">=" ? v >= lim : v <= lim; all = all && ok; n++
        m = m (n > 1 ? ", " : "") sprintf("%s/%s %.2f", $1, $2, v) }
      BEGIN { all = 1 } END { printf "| %s | %s | %s |\n", label, m, n ? (all ? "yes" : "no") : "-" }' "$dat"
  }
  check "metadata (GETATTR, LOOKUP, ACCESS) ≥ 2x Ganesha" "$g" "getattr lookup access" ">=" 2 11
  check "CREATE+REMOVE ≥ 2x" "$g" "create" ">=" 2 11
  awk '$2 == 1' "$g" >"$charts/depth1.dat" 2>/dev/null || true
  check "READDIRPLUS of 50 000 entries ≤ 1 s (one listing, 1 in flight)" "$charts/depth1.dat" "readdirplus" "<=" 1 5
  check "sequential READ and WRITE ≥ 1.2x" "$g" "read write" ">=" 1.2 11
  check "random 4 KiB READ ≥ 1.5x" "$g" "randread" ">=" 1.5 11
  check "cluster, reads ≥ 0.9x single" "$c" "getattr lookup access readdirplus read randread" ">=" 0.9 11
  check "cluster, mutations ≥ 0.7x single" "$c" "create write" ">=" 0.7 11
  if [ -s "$f" ]; then
    local m99 k99
    m99="$(sed -n 's/.*"moves":{[^}]*"p99_ms":\([0-9.null]*\).*/\1/p' "$f")"
    k99="$(sed -n 's/.*"kills":{[^}]*"p99_ms":\([0-9.null]*\).*/\1/p' "$f")"
    echo "| planned move stall p99 < 200 ms | $m99 ms | $(awk -v v="$m99" 'BEGIN { print v != "null" && v + 0 < 200 ? "yes" : "no" }') |"
    echo "| crash takeover stall p99 < 5 s | $k99 ms | $(awk -v v="$k99" 'BEGIN { print v != "null" && v + 0 < 5000 ? "yes" : "no" }') |"
  else
    echo "| failover stalls | not run | - |"
  fi
}
# A warning at the top when a part came from a quick run or ran on a busy machine.
caveats() {
  local f name load
  for f in "$results"/*.env; do
    [ -e "$f" ] || continue
    name="$(basename "$f" .env)"
    grep -q 'mode=quick' "$f" && echo "- **$name: quick run** (\`--quick\`: one short round per cell, few events): it proves the chain; its figures are not to be quoted."
    load="$(sed -n 's/.*load_before=\([0-9.]*\).*/\1/p' "$f")"
    awk -v l="$load" -v c="$(nproc)" 'BEGIN { exit !(l + 0 > c) }' &&
      echo "- **$name: busy machine**: load average $load on $(nproc) cores before it started (other builds and tests shared it)."
  done
  return 0
}
{
  cat <<EOF
# Benchmarks

$(caveats)

Written by \`bench/report.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); regenerate everything with \`sudo bench/report.sh\`
(about 25 minutes; \`--quick\` for a short check, \`--only ganesha|cluster|failover\` for one part, \`--no-run\` to
redraw from \`bench/results/\`). Each step's figures are also in \`bench/results/NAME.json\`.

## Machine and versions

| | |
|---|---|
| CPU | $cpu, $(nproc) cores |
| memory | $mem |
| kernel | $(uname -r) ($(. /etc/os-release && echo "$PRETTY_NAME")) |
| Handoff | $hver; this page written at commit $commit (each run names its own commit under its table) |
| NFS-Ganesha | $(pkg nfs-ganesha) (Debian, VFS FSAL $(pkg nfs-ganesha-vfs)) |
| libnfs (load generator) | $(pkg libnfs-dev) |
| gnuplot | $(gnuplot --version 2>/dev/null) |

Each run's command line, mode and the machine's load average before it are given under its table. A run on
a shared, busy machine (load average above the core count) measures both sides under the same noise, since
rounds interleave, but its absolute figures and spread are not those of a quiet machine.

## Targets

$(targets)

## Handoff against NFS-Ganesha

The same load generator (\`bench/nfs/loadgen.c\`, on libnfs's raw async API; it shares no code with the server
and checks every reply) drives each server over one TCP connection on loopback, each server in its own network
namespace exporting a directory of the same file system, in interleaved A/B rounds. What is measured is the
server's path (RPC, XDR, its file system calls), not the disk: the data files (\`LOADGEN_FILE_MB\`, 256 MiB by
default) are in the page cache for both servers; WRITE's COMMITs do reach the disk. Workloads: null = NFSPROC3_NULL,
the RPC round trip alone (no target: the floor under every other figure at 1 in flight); GETATTR, LOOKUP, ACCESS;
create = CREATE (GUARDED) + REMOVE pairs; readdirplus = full READDIRPLUS listings of a directory of
50 000 files (names checked), seconds per listing (wall time / listings; with 32 in flight, 32 listings run at
once); write = sequential 1 MiB WRITE UNSTABLE with a COMMIT at the end of every pass over the file and at the
end, read back and checked afterwards; read = sequential 1 MiB READ, every byte checked; randread = 4 KiB READ at
random offsets, checked.

$(section ganesha)

![Handoff and Ganesha](img/bench-ganesha.png)

![Ratios](img/bench-ratio.png)

## Cluster cost

The same workloads through the VIP of a three-node cluster (\`handoff serve --cluster\`, the reply cache
replicated on Hazelcast: a non-idempotent call's reply goes out once its entry's backup is on a second member)
against a single node without \`--cluster\`, both reached from a client namespace over the same Linux bridge.

$(section cluster)

![Cluster and single node](img/bench-cluster.png)

## Failover, seen by the Linux kernel client

The kernel-client kit (\`it-tests/kernel-client\`) boots Debian's kernel under qemu against a three-node cluster
whose VIP it mounts; a guest writes and fsyncs 4 KiB records without pause (\`continuous-io\`) while the host
moves the VIP (\`handoff vip move\`) or kills the owner's server with SIGKILL (then restarts it and waits for it to
rejoin before the next kill). A stall is the longest operation in progress around one event. The lock figures
come from \`host/cluster-locks.sh\`: a write lock held across a move and a kill, a second guest contending.

$(section failover)

$( [ -s "$results/failover.dat" ] && echo '![Failover stalls](img/bench-failover.png)')

$(cat "$root/bench/report/profile.md")
EOF
} >"$report"
log "wrote $report and $(ls "$img"/bench-*.png 2>/dev/null | wc -l) charts"
