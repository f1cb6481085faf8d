#!/usr/bin/env bash
# NFSv3 throughput, Handoff against NFS-Ganesha 4.3 (VFS FSAL) on the same machine in the same run.
# Each server runs in its own network namespace and exports a directory of one file system; the same load
# generator (bench/nfs/loadgen.c, libnfs raw async API, checks every reply and all data) drives both over one
# TCP connection on loopback, in interleaved A/B rounds. Prints progress lines and a table of median, min-max
# and the Handoff/Ganesha ratio, and writes it as OUT.md, with every figure as OUT.json and gnuplot data as
# OUT.dat (OUT = the given name without .md).
#   bench/nfs/compare.sh OUT.md [ROUNDS] [SECONDS]
#   WORKLOADS="getattr lookup access create readdirplus write read randread" (the default: all)
#   DEPTHS="1 32"; LOADGEN_FILE_MB=256 (data files), LOADGEN_RDP_ENTRIES=50000 (the listed directory)
# The ratio is "higher means Handoff is better": Handoff/Ganesha for rates, Ganesha/Handoff for READDIRPLUS's
# seconds per listing. Needs root (namespaces). Installs gcc, libnfs-dev, rpcbind, nfs-ganesha, nfs-ganesha-vfs
# when missing, without letting their daemons start on this machine. Uses the built jar as it is
# (HANDOFF_NO_BUILD=1; HANDOFF_TARGET picks the build directory, as for ./handoff).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
. "$root/bench/nfs/lib.sh"
out="${1:?usage: bench/nfs/compare.sh OUT.md [ROUNDS] [SECONDS]}"
out="${out%.md}"
rounds="${2:-3}" seconds="${3:-5}"
workloads="${WORKLOADS:-$ALL_WORKLOADS}" depths="${DEPTHS:-1 32}"
[ "$(id -u)" = 0 ] || { echo "compare.sh: needs root (network namespaces)" >&2; exit 1; }

bench_packages gcc=/usr/bin/gcc libnfs-dev=/usr/include/nfsc/libnfs-raw.h rpcbind=/usr/sbin/rpcbind \
  nfs-ganesha=/usr/bin/ganesha.nfsd nfs-ganesha-vfs=/usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so

# --- scratch space: both exports on one file system, so both servers meet the same disk and kernel paths
work="$(mktemp -d /var/tmp/handoff-nfs-bench.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/handoff-state" "$work/ganesha-recovery"
bench_export "$work/handoff"
bench_export "$work/ganesha"
hns="handoff-nfsb-h$$" gns="handoff-nfsb-g$$"
pids=()
cleanup() {
  local rc=$?
  set +e
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -f "$work/rpcbind.pid" ] && kill "$(cat "$work/rpcbind.pid")" 2>/dev/null
  for p in "${pids[@]}"; do for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; done
  ip netns del "$hns" 2>/dev/null; ip netns del "$gns" 2>/dev/null
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
for ns in "$hns" "$gns"; do ip netns add "$ns"; ip -n "$ns" link set lo up; done

log "starting Handoff in namespace $hns"
# The launcher execs the JVM, so $! is the server's own PID.
HANDOFF_NO_BUILD=1 ip netns exec "$hns" "$root/handoff" serve --export "$work/handoff" \
  --state-dir "$work/handoff-state" --admin 0 --bind 127.0.0.1 >"$work/handoff.log" 2>&1 &
pids+=("$!")

log "starting NFS-Ganesha $(dpkg-query -W -f='${Version}' nfs-ganesha 2>/dev/null) in namespace $gns"
cat >"$work/ganesha.conf" <<EOF
NFS_CORE_PARAM {
  Protocols = 3;
  Enable_NLM = false;   # no locking in these workloads; saves the rpc.statd it would need
  Enable_RQUOTA = false;
  NFS_Port = 2049;
  MNT_Port = 20048;
  Mount_Path_Pseudo = true;
}
NFSv4 { Graceless = true; RecoveryRoot = "$work/ganesha-recovery"; }
EXPORT {
  Export_Id = 1;
  Path = "$work/ganesha";
  Pseudo = "$work/ganesha";
  Access_Type = RW;
  Squash = root_squash;
  Protocols = 3;
  Transports = TCP;
  SecType = sys;
  MaxRead = 1048576;
  MaxWrite = 1048576;
  FSAL { Name = VFS; }
}
LOG { Default_Log_Level = EVENT; }
EOF
# Ganesha registers with rpcbind: give it one of its own, on a private /run so the host's stays untouched.
# unshare and sh exec, so $! is ganesha.nfsd's PID.
ip netns exec "$gns" unshare -m sh -c '
  mount -t tmpfs tmpfs /run && mkdir -p /run/rpcbind /run/ganesha || exit 1
  rpcbind -f -w & echo $! >"$1/rpcbind.pid"
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do [ -S /run/rpcbind.sock ] && break; sleep 0.1; done
  exec ganesha.nfsd -F -f "$1/ganesha.conf" -L "$1/ganesha.log" -p /run/ganesha/ganesha.pid -N NIV_EVENT' \
  sh "$work" >"$work/ganesha.out" 2>&1 &
pids+=("$!")

# run SIDE WORKLOAD DEPTH SECONDS: one load-generator run, its JSON line on stdout.
run() {
  local ns dir
  case "$1" in handoff) ns="$hns" dir="$work/handoff" ;; ganesha) ns="$gns" dir="$work/ganesha" ;; esac
  ip netns exec "$ns" "$work/loadgen" 127.0.0.1 2049 20048 "$dir" "$2" "$3" "$4" "$1"
}
bench_wait_up handoff "$work/handoff.log"
bench_wait_up ganesha "$work/ganesha.log" "$work/ganesha.out"
log "both servers answer"
bench_rounds handoff ganesha

cpu="$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
bench_tables handoff ganesha Handoff Ganesha "$out" \
"NFSv3 over one TCP connection on loopback, each server in its own network namespace; ${rounds} rounds x
${seconds} s per cell, A/B interleaved; median (min-max) of the rounds; latency = median of the rounds' p50/p99
(per call; per pair for create, per listing for readdirplus). Ratio > 1: Handoff better (for readdirplus,
Ganesha's seconds over Handoff's). Machine: ${cpu}; $(date -u +%Y-%m-%d)."
echo
cat "$out.md"
log "tables written to $out.md, $out.json, $out.dat"
