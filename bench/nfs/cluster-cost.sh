#!/usr/bin/env bash
# What the cluster costs: the workloads of compare.sh through the VIP of a three-node Handoff cluster (shared
# reply cache on Hazelcast, so every non-idempotent call waits for its entry's synchronous backup on a second
# member) against one Handoff node without --cluster, in interleaved rounds, as the ratio cluster/single.
#   bench/nfs/cluster-cost.sh OUT.md [ROUNDS] [SECONDS]      (OUT.json, OUT.dat beside it, as compare.sh)
#   WORKLOADS, DEPTHS, LOADGEN_* as for compare.sh
# Layout (all in namespaces this script makes; nothing touches the machine's interfaces):
#   [hub: br0] -- n1 10.58.0.1, n2 10.58.0.2, n3 10.58.0.3 (cluster, VIP 10.58.0.100 on one of them)
#              -- single 10.58.0.4 (plain `handoff serve`)      -- client 10.58.0.10 (the load generator)
# Both sides are reached over the same bridge, so the ratio holds the cluster's cost and not loopback's
# advantage. The cluster nodes share one export directory and handle key; the single node has its own export
# on the same file system. Needs root. Uses the built jar as it is (HANDOFF_NO_BUILD=1, HANDOFF_TARGET).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
. "$root/bench/nfs/lib.sh"
out="${1:?usage: bench/nfs/cluster-cost.sh OUT.md [ROUNDS] [SECONDS]}"
out="${out%.md}"
rounds="${2:-3}" seconds="${3:-5}"
workloads="${WORKLOADS:-$ALL_WORKLOADS}" depths="${DEPTHS:-1 32}"
net=10.58.0 vip=10.58.0.100 single=10.58.0.4 client=10.58.0.10
[ "$(id -u)" = 0 ] || { echo "cluster-cost.sh: needs root (network namespaces)" >&2; exit 1; }
bench_packages gcc=/usr/bin/gcc libnfs-dev=/usr/include/nfsc/libnfs-raw.h

work="$(mktemp -d /var/tmp/handoff-cluster-bench.XXXXXX)"
chmod 755 "$work"
bench_export "$work/cluster"
bench_export "$work/single"
head -c 32 /dev/urandom >"$work/handle.key"
chmod 600 "$work/handle.key"
tag="hcc$$"
namespaces=() servers=()
cleanup() {
  local rc=$?
  set +e
  # Stopped together: a stopping node hands its VIP on, and waiting for each in turn only adds those waits.
  for p in "${servers[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${servers[@]}"; do
    for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$p" 2>/dev/null
  done
  for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null; done
  if [ "$rc" != 0 ] || [ "${KEEP:-}" = 1 ]; then
    # The logs stay for a look; the listing directories and data files go (they are the bulk).
    rm -rf "$work"/*/loadgen.rdp "$work"/*/loadgen.read* "$work"/*/loadgen.write.*
    echo "logs kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench_build_loadgen
add_ns() { ip netns add "$1"; namespaces+=("$1"); ip -n "$1" link set lo up; }
attach() { # NS CIDR: a veth from the hub's bridge, eth0 inside NS
  local port="p${#namespaces[@]}"
  ip -n "$tag-hub" link add "$port" type veth peer name eth0 netns "$1"
  ip -n "$tag-hub" link set "$port" master br0 up
  ip -n "$1" addr add "$2" dev eth0
  ip -n "$1" link set eth0 up
}
log "network: bridge, three cluster nodes, a single node and a client ($net.0/24, VIP $vip)"
add_ns "$tag-hub"
ip -n "$tag-hub" link add br0 type bridge
ip -n "$tag-hub" link set br0 up
for n in 1 2 3; do add_ns "$tag-n$n"; attach "$tag-n$n" "$net.$n/24"; done
add_ns "$tag-single"; attach "$tag-single" "$single/24"
add_ns "$tag-client"; attach "$tag-client" "$client/24"

log "starting the cluster (n1..n3) and the single node"
for n in 1 2 3; do
  HANDOFF_NO_BUILD=1 ip netns exec "$tag-n$n" "$root/handoff" serve --export "$work/cluster" --bind "$net.$n" \
    --state-dir "$work/state-n$n" --node "n$n" --cluster "$net.1,$net.2,$net.3" --vip "$vip/24" \
    --vip-interface eth0 --address-mode linux --handle-key "$work/handle.key" >"$work/n$n.log" 2>&1 &
  servers+=("$!")
done
HANDOFF_NO_BUILD=1 ip netns exec "$tag-single" "$root/handoff" serve --export "$work/single" --bind "$single" \
  --state-dir "$work/state-single" --handle-key "$work/handle.key" >"$work/single.log" 2>&1 &
servers+=("$!")

# run SIDE WORKLOAD DEPTH SECONDS: one load-generator run from the client namespace, its JSON line on stdout.
run() {
  local host dir
  case "$1" in cluster) host="$vip" dir="$work/cluster" ;; single) host="$single" dir="$work/single" ;; esac
  ip netns exec "$tag-client" "$work/loadgen" "$host" 2049 20048 "$dir" "$2" "$3" "$4" "$1"
}
vip_owner() { local n; for n in 1 2 3; do ip -n "$tag-n$n" -o -4 addr show dev eth0 | grep -q " inet $vip/" && echo "n$n"; done; }
for _ in $(seq 180); do [ -n "$(vip_owner)" ] && break; sleep 1; done
[ -n "$(vip_owner)" ] || { log "no node took the VIP in 180 s"; tail -20 "$work"/n?.log >&2; exit 1; }
log "the VIP is on $(vip_owner)"
bench_wait_up cluster "$work"/n?.log
bench_wait_up single "$work/single.log"
log "both sides answer"
bench_rounds cluster single
[ "$(vip_owner)" != "" ] || log "warning: no node holds the VIP after the rounds"

cpu="$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
bench_tables cluster single "3-node cluster (VIP)" "single node" "$out" \
"NFSv3 over one TCP connection across a Linux bridge between network namespaces: a 3-node Handoff cluster
through its VIP (replicated reply cache) against a single Handoff node; ${rounds} rounds x ${seconds} s per cell,
interleaved; median (min-max). Ratio > 1: the cluster better (for readdirplus, single's seconds over the
cluster's). All four JVMs and the load generator share the machine: ${cpu}; $(date -u +%Y-%m-%d)."
echo
cat "$out.md"
log "tables written to $out.md, $out.json, $out.dat"
