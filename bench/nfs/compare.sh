#!/usr/bin/env bash
# NFSv3 metadata throughput, Handoff against NFS-Ganesha 4.3 (VFS FSAL) on the same machine in the same run.
# Each server runs in its own network namespace and exports a directory of one file system; the same load
# generator (bench/nfs/loadgen.c, libnfs raw async API, checks every reply) drives both over one TCP
# connection, in interleaved A/B rounds. Prints a table of median, min-max and the Handoff/Ganesha ratio, and
# writes it as markdown to OUT.
#   bench/nfs/compare.sh OUT.md [ROUNDS] [SECONDS]
#   WORKLOADS="getattr lookup access create" DEPTHS="1 32" to choose (create = CREATE+REMOVE pairs).
# Needs root (namespaces). Installs gcc, libnfs-dev, rpcbind, nfs-ganesha, nfs-ganesha-vfs when missing,
# without letting their daemons start on this machine. Uses the built jar as it is (HANDOFF_NO_BUILD=1).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
out="${1:?usage: bench/nfs/compare.sh OUT.md [ROUNDS] [SECONDS]}"
rounds="${2:-3}" seconds="${3:-5}"
workloads="${WORKLOADS:-getattr lookup access create}" depths="${DEPTHS:-1 32}"
[ "$(id -u)" = 0 ] || { echo "compare.sh: needs root (network namespaces)" >&2; exit 1; }
log() { echo "== $(date +%H:%M:%S) $*" >&2; }

# --- packages: the peer server, its rpcbind, and the load generator's compiler and library
declare -A want=([gcc]=/usr/bin/gcc [libnfs-dev]=/usr/include/nfsc/libnfs-raw.h [rpcbind]=/usr/sbin/rpcbind
  [nfs-ganesha]=/usr/bin/ganesha.nfsd [nfs-ganesha-vfs]=/usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so)
missing=()
for pkg in "${!want[@]}"; do [ -e "${want[$pkg]}" ] || missing+=("$pkg"); done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} (apt-get; their daemons are kept from starting)"
  policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created_policy=1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ "$created_policy" = 1 ] && rm -f "$policy"
fi

# --- scratch space: both exports on one file system, so both servers meet the same disk and kernel paths
work="$(mktemp -d /var/tmp/handoff-nfs-bench.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/handoff" "$work/ganesha" "$work/handoff-state" "$work/ganesha-recovery"
# The load generator calls as uid/gid 1000: both servers squash root, as an export normally does.
chown 1000:1000 "$work/handoff" "$work/ganesha"
hns="handoff-nfsb-h$$" gns="handoff-nfsb-g$$"
pids=()
cleanup() {
  set +e
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -f "$work/rpcbind.pid" ] && kill "$(cat "$work/rpcbind.pid")" 2>/dev/null
  for p in "${pids[@]}"; do for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; done
  ip netns del "$hns" 2>/dev/null; ip netns del "$gns" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building the load generator"
gcc -O2 -Wall -o "$work/loadgen" "$root/bench/nfs/loadgen.c" -lnfs

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

# run SERVER WORKLOAD DEPTH SECONDS: one load-generator run, its JSON line on stdout.
run() {
  local ns dir
  case "$1" in handoff) ns="$hns" dir="$work/handoff" ;; ganesha) ns="$gns" dir="$work/ganesha" ;; esac
  ip netns exec "$ns" "$work/loadgen" 127.0.0.1 2049 20048 "$dir" "$2" "$3" "$4" "$1"
}
for s in handoff ganesha; do
  for i in $(seq 150); do run "$s" getattr 1 0.2 >/dev/null 2>&1 && break; sleep 0.2; done
  if ! run "$s" getattr 1 0.2 >/dev/null; then
    log "$s did not come up; its log:"; tail -20 "$work/$s.log" "$work/$s.out" 2>/dev/null >&2; exit 1
  fi
done
log "both servers answer; warming up (JIT, caches): 2 s per workload and server"
for w in $workloads; do for s in handoff ganesha; do run "$s" "$w" 32 2 >/dev/null; done; done

results="$work/results"
: >"$results"
for w in $workloads; do
  for d in $depths; do
    for r in $(seq "$rounds"); do
      # Alternate who goes first, so drift on the shared machine falls on both sides.
      if [ $((r % 2)) = 1 ]; then order="handoff ganesha"; else order="ganesha handoff"; fi
      for s in $order; do
        line="$(run "$s" "$w" "$d" "$seconds")" || { log "$s $w depth $d: verification failed: $line"; exit 1; }
        ops="$(sed -n 's/.*"ops_per_s":\([0-9]*\).*/\1/p' <<<"$line")"
        p50="$(sed -n 's/.*"p50_us":\([0-9]*\).*/\1/p' <<<"$line")"
        p99="$(sed -n 's/.*"p99_us":\([0-9]*\).*/\1/p' <<<"$line")"
        echo "$w $d $s $r $ops $p50 $p99" >>"$results"
        log "$w depth $d round $r/$rounds $s: $ops ops/s, p50 ${p50} us, p99 ${p99} us"
      done
    done
  done
done

cpu="$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
{
  echo "NFSv3 over one TCP connection on loopback, each server in its own network namespace; ${rounds} rounds x"
  echo "${seconds} s per cell, A/B interleaved; ops/s median (min-max); latency = median of the rounds' p50/p99."
  echo "create = CREATE (GUARDED) + REMOVE pairs/s. Machine: ${cpu}; $(date -u +%Y-%m-%d)."
  echo
  echo "| workload | in flight | Handoff ops/s | Ganesha ops/s | Handoff/Ganesha | Handoff p50/p99 µs | Ganesha p50/p99 µs |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for w in $workloads; do
    for d in $depths; do
      awk -v w="$w" -v d="$d" '
        function median(a, n,   i, j, t) {
          for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
          return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        $1 == w && $2 == d { k = $3; n[k]++; ops[k, n[k]] = $5; p50[k, n[k]] = $6; p99[k, n[k]] = $7 }
        END {
          for (s = 0; s < 2; s++) {
            k = s ? "ganesha" : "handoff"; m = n[k]
            delete a; lo = 1e18; hi = 0
            for (i = 1; i <= m; i++) { a[i] = ops[k, i]; if (a[i] < lo) lo = a[i]; if (a[i] > hi) hi = a[i] }
            med[k] = median(a, m); cell[k] = sprintf("%d (%d-%d)", med[k], lo, hi)
            delete a; for (i = 1; i <= m; i++) a[i] = p50[k, i]; l50 = median(a, m)
            delete a; for (i = 1; i <= m; i++) a[i] = p99[k, i]; l99 = median(a, m)
            lat[k] = sprintf("%d / %d", l50, l99)
          }
          ratio = med["ganesha"] > 0 ? sprintf("%.2f", med["handoff"] / med["ganesha"]) : "-"
          printf "| %s | %s | %s | %s | %s | %s | %s |\n", w, d, cell["handoff"], cell["ganesha"], ratio, lat["handoff"], lat["ganesha"]
        }' "$results"
    done
  done
} >"$out"
echo
cat "$out"
log "table written to $out"
