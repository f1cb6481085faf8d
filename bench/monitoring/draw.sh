#!/usr/bin/env bash
# Draws docs/img/monitoring.png, the README's Monitoring picture, from a real run (as root, about 2 minutes):
# three `./handoff serve` nodes in cluster mode and a client, each in a network namespace of its own on a bridge
# this script makes in a namespace of its own (nothing touches the machine's interfaces); Debian's Prometheus
# in the client namespace scrapes every node's /metrics each second; libnfs copies files in and out through
# the VIP while `./handoff vip move` moves it round the nodes; then Prometheus' query_range API gives the
# panels' series and gnuplot draws them. Every process and namespace it started is stopped and removed.
#   bench/monitoring/draw.sh [OUT.png]       KEEP=1 keeps the work directory (logs, data files)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
here="$root/bench/monitoring"
out="$(readlink -f "${1:-$root/docs/img/monitoring.png}")"
net=10.57.0 vip=10.57.0.100 client=10.57.0.10 nodes=3 moves=4 gap=18
prom=http://127.0.0.1:9090
say() { printf '[%3ds] %s\n' "$SECONDS" "$*"; }

[ "$(id -u)" = 0 ] || { echo "draw.sh: run as root (network namespaces, ports 111 and 2049)" >&2; exit 1; }
missing=()
for need in prometheus:prometheus nfs-cp:libnfs-utils curl:curl jq:jq gnuplot:gnuplot-nox; do
  command -v "${need%%:*}" >/dev/null || missing+=("${need#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi
if [ "${HANDOFF_NO_BUILD:-}" != 1 ]; then
  say "building the server if its sources changed"
  "$root/handoff" --version >/dev/null
fi
export HANDOFF_NO_BUILD=1
# Three nodes and Prometheus share the machine; a bounded heap keeps them polite.
export HANDOFF_JAVA_OPTS="${HANDOFF_JAVA_OPTS:--Xmx384m}"

work="$(mktemp -d /tmp/handoff-monitoring.XXXXXX)"
chmod 755 "$work"
tag="hmon$$"
namespaces=() servers=() helpers=()
stop_pid() { # PID: SIGTERM, up to 20 s to finish, then SIGKILL
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  say "cleaning up"
  touch "$work/stop"
  for pid in "${helpers[@]}"; do stop_pid "$pid"; done
  # Servers hand their VIP on when stopped; stopping them together saves the waits one by one.
  for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do stop_pid "$pid"; done
  for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  if [ "$rc" != 0 ] || [ "${KEEP:-}" = 1 ]; then
    echo "draw.sh: logs and data kept in $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
in_ns() { local ns="$1"; shift; ip netns exec "$ns" "$@"; }
add_ns() { ip netns add "$1"; namespaces+=("$1"); ip -n "$1" link set lo up; }
node_ns() { echo "$tag-n$1"; }
node_addr() { echo "$net.$1"; }
query() { # PATH ARGS...: Prometheus' HTTP API, asked from the client namespace
  local path="$1" arg args=(); shift
  for arg; do args+=(--data-urlencode "$arg"); done
  in_ns "$tag-c" curl -sf --max-time 10 --get "${args[@]}" "$prom$path"
}
await() { # SECONDS WHAT COMMAND...: polls COMMAND until it succeeds
  local limit="$1" what="$2"; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$end" ] || { echo "draw.sh: $what not after ${limit}s; see $work" >&2; return 1; }
    sleep 0.5
  done
}

say "network: bridge and $nodes node namespaces + a client ($net.0/24, VIP $vip)"
add_ns "$tag-hub"
ip -n "$tag-hub" link add br0 type bridge
ip -n "$tag-hub" link set br0 up
attach() { # NS ADDRESS PORT
  ip -n "$tag-hub" link add "p$3" type veth peer name eth0 netns "$1"
  ip -n "$tag-hub" link set "p$3" master br0 up
  ip -n "$1" addr add "$2/24" dev eth0
  ip -n "$1" link set eth0 up
}
for i in $(seq "$nodes"); do add_ns "$(node_ns "$i")"; attach "$(node_ns "$i")" "$(node_addr "$i")" "$i"; done
add_ns "$tag-c"; attach "$tag-c" "$client" 0

mkdir -m 777 "$work/export"
echo "$work/export *(rw,no_root_squash,insecure)" >"$work/exports"
(umask 077; head -c 32 /dev/urandom >"$work/handle.key")
members="$(for i in $(seq "$nodes"); do node_addr "$i"; done | paste -sd,)"
say "starting $nodes nodes (./handoff serve --cluster $members --vip $vip/24 --metrics ADDR:9108)"
for i in $(seq "$nodes"); do
  a="$(node_addr "$i")"
  # `ip netns exec` and ./handoff both exec, so $! is the server's own PID.
  ip netns exec "$(node_ns "$i")" "$root/handoff" serve --exports "$work/exports" --bind "$a" --node "n$i" \
    --state-dir "$work/state-n$i" --cluster "$members" --vip "$vip/24" --vip-interface eth0 \
    --address-mode linux --handle-key "$work/handle.key" --metrics "$a:9108" >"$work/n$i.log" 2>&1 &
  servers+=("$!")
done
for i in $(seq "$nodes"); do
  # /ready needs exports, listeners and quorum.
  await 180 "node n$i ready" in_ns "$tag-c" curl -sf --max-time 2 "http://$(node_addr "$i"):9108/ready"
done
say "cluster ready"

cat >"$work/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: handoff
    static_configs:
      - targets: [$(for i in $(seq "$nodes"); do printf "'%s:9108'," "$(node_addr "$i")"; done | sed 's/,$//')]
EOF
ip netns exec "$tag-c" prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address=127.0.0.1:9090 --log.level=warn >"$work/prometheus.log" 2>&1 &
helpers+=("$!")
all_up() { [ "$(query /api/v1/query 'query=sum(up)' | jq -r '.data.result[0].value[1] // 0')" = "$nodes" ]; }
await 60 "Prometheus scraping every node" all_up
say "Prometheus scrapes every node each second"

# Rates need a sample from before the traffic, hence the pause.
sleep 3
t0="$(date +%s)"
head -c $((1 << 20)) /dev/urandom >"$work/one.bin"
head -c $((1 << 20)) /dev/urandom >"$work/two.bin"
url="nfs://$vip$work/export"
for f in one two; do
  ip netns exec "$tag-c" "$here/traffic.sh" "$url" "$work/export" "$work/$f.bin" "$f" "$work/stop" \
    "$work/traffic.log" &
  helpers+=("$!")
done
say "NFS traffic through the VIP: 2 libnfs loops (1 MiB nfs-cp in, nfs-cp out, nfs-ls)"

owner() { # the node whose interface holds the VIP
  for i in $(seq "$nodes"); do
    ip -n "$(node_ns "$i")" -o -4 addr show dev eth0 | grep -q " $vip/" && { echo "$i"; return; }
  done
  echo 0
}
starts=() names=()
printf 'set ytics (%s)\n' "$(for i in $(seq "$nodes"); do printf '"n%s" %s,' "$i" "$i"; done | sed 's/,$//')" \
  >"$work/nodes.gp"
: >"$work/marks.gp"
for m in $(seq "$moves"); do
  sleep "$gap"
  from="$(owner)"
  [ "$from" != 0 ] || { echo "draw.sh: no node holds $vip; see $work" >&2; exit 1; }
  to=$((from % nodes + 1))
  t="$(date +%s.%N)"
  starts+=("$t") names+=("n$from→n$to")
  say "move $m: ./handoff vip move $vip n$to (in n$from's namespace)"
  in_ns "$(node_ns "$from")" "$root/handoff" vip move "$vip" "n$to" 2>&1 | sed 's/^/         /'
  # The mark goes where the command returned: the VIP is served by then, and the CLI's own start (a JVM, about
  # a second) is not part of the move. The stage windows begin at the command's start, safely before the move.
  x="$(awk -v t="$(date +%s.%N)" -v t0="$t0" 'BEGIN { printf "%.2f", t - t0 }')"
  printf 'set arrow from %s, graph 0 to %s, graph 1 nohead dt 2 lc rgb "#777777"\n' "$x" "$x" >>"$work/marks.gp"
  printf 'set label "→n%s" at %s, graph 0.96 offset 0.3,0 font ",9" tc rgb "#555555"\n' "$to" "$x" \
    >>"$work/marks.gp"
done
sleep 12
touch "$work/stop"
# A round that was mounting when the VIP moved fails (libnfs does not retry a mount); the reason is in the log.
ok="$(grep -c '^ok' "$work/traffic.log" || true)" failed="$(grep -c '^fail' "$work/traffic.log" || true)"
say "traffic done: $ok rounds ok, $failed failed"
# The last rounds, then one more scrape.
for pid in "${helpers[@]:1}"; do wait "$pid" || true; done
sleep 2
t1="$(date +%s)"

say "querying Prometheus (query_range, $t0..$t1, 1 s step)"
range() { # FILE QUERY
  query /api/v1/query_range "query=$2" "start=$((t0 - 2))" "end=$t1" "step=1" >"$work/$1.json"
}
range ops 'sum by (procedure) (rate(handoff_rpc_calls_total{program="nfs"}[5s]))'
procs='READ|WRITE|LOOKUP|GETATTR|CREATE|READDIRPLUS'
buckets="handoff_rpc_call_duration_seconds_bucket{program=\"nfs\",procedure=~\"$procs\"}"
range p99 "1000 * histogram_quantile(0.99, sum by (le, procedure) (rate($buckets[10s])))"
range owner "max by (node) (handoff_vip_owned{vip=\"$vip\"})"
range sum 'sum by (stage, kind) (handoff_vip_stage_duration_seconds_sum)'
range count 'sum by (stage, kind) (handoff_vip_stage_duration_seconds_count)'
blocks() { # NAME LABEL TOP
  jq -r --arg by "$2" --argjson t0 "$t0" --argjson top "$3" -f "$here/series.jq" "$work/$1.json" >"$work/$1.dat"
  grep -c '^"' "$work/$1.dat" || true
}
n_ops="$(blocks ops procedure 6)" n_p99="$(blocks p99 procedure 0)" n_owner="$(blocks owner node 0)"
order="handoff/drain,handoff/address-remove,acquire/address-add,acquire/announce,acquire/tickle,handoff/close"
order="$order,handoff/total,acquire/total"
jq -n -r --slurpfile sum "$work/sum.json" --slurpfile count "$work/count.json" --arg order "$order" \
  --arg starts "$(IFS=,; echo "${starts[*]}")" --arg names "$(IFS=,; echo "${names[*]}")" \
  -f "$here/moves.jq" >"$work/stages.dat"
n_stages=$(($(head -1 "$work/stages.dat" | grep -o '"' | wc -l) / 2))
for n in "ops:$n_ops" "p99:$n_p99" "owner:$n_owner" "stages:$n_stages"; do
  [ "${n#*:}" -gt 0 ] || { echo "draw.sh: no series for the ${n%%:*} panel; see $work" >&2; exit 1; }
done
say "series: $n_ops procedures, $n_p99 latency lines, $n_owner nodes, $n_stages stages x ${#starts[@]} moves"
sed 's/^/         /' "$work/stages.dat"

mkdir -p "$(dirname "$out")"
caption="Handoff: 3 nodes in network namespaces, Prometheus scraping each every second, libnfs through the VIP, \
${#starts[@]} x handoff vip move ($(date -u +%Y-%m-%d), bench/monitoring/draw.sh)"
gnuplot -e "dir='$work'; out='$out'; caption='$caption'; xmax=$((t1 - t0)); ops=$n_ops; p99=$n_p99; \
nodes=$n_owner; stages=$n_stages" "$here/panels.gp"
say "wrote $out"
