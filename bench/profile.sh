#!/usr/bin/env bash
# Where a workload's server CPU goes: runs Handoff in a network namespace, drives it with the benchmark's load
# generator, samples the server with perf (kernel and JIT-compiled Java frames; the JVM writes its perf map) and
# prints the share of samples under each kind of work, plus the hottest functions. Also prints the server's CPU
# time per call, which a busy machine disturbs far less than calls per second.
#   bench/profile.sh WORKLOAD DEPTH [SECONDS]        e.g. bench/profile.sh lookup 1 10
#   WORKLOAD: getattr lookup access create readdirplus write read randread (as bench/nfs/loadgen.c)
# Needs root (namespaces, perf). Installs linux-perf, gcc and libnfs-dev when missing. Uses the built jar as it is
# (HANDOFF_TARGET picks the build directory, as for ./handoff).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
workload="${1:?usage: bench/profile.sh WORKLOAD DEPTH [SECONDS]}" depth="${2:?depth}" seconds="${3:-10}"
[ "$(id -u)" = 0 ] || { echo "profile.sh: needs root (network namespaces, perf)" >&2; exit 1; }
log() { echo "== $(date +%H:%M:%S) $*" >&2; }
. "$root/scripts/jdk.sh"
handoff_find_jdk

missing=()
command -v perf >/dev/null || missing+=(linux-perf)
command -v gcc >/dev/null || missing+=(gcc)
[ -e /usr/include/nfsc/libnfs-raw.h ] || missing+=(libnfs-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

work="$(mktemp -d /var/tmp/handoff-profile.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/export" "$work/state"
chown 1000:1000 "$work/export"
ns="handoff-prof-$$"
pid=""
cleanup() {
  set +e
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  ip netns del "$ns" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

gcc -O2 -Wall -o "$work/loadgen" "$root/bench/nfs/loadgen.c" -lnfs
if [ "$workload" = readdirplus ]; then
  mkdir -p "$work/export/loadgen.rdp"
  (cd "$work/export/loadgen.rdp" && seq -f "f%05g" 0 49999 | xargs touch)
  chown -R 1000:1000 "$work/export/loadgen.rdp"
fi
ip netns add "$ns"
ip -n "$ns" link set lo up
log "starting Handoff in namespace $ns"
HANDOFF_NO_BUILD=1 ip netns exec "$ns" "$root/handoff" serve --export "$work/export" --state-dir "$work/state" \
  --admin 0 --bind 127.0.0.1 >"$work/server.log" 2>&1 &
pid=$!
run() { ip netns exec "$ns" "$work/loadgen" 127.0.0.1 2049 20048 "$work/export" "$workload" "$depth" "$1" profile; }
for _ in $(seq 150); do run 0.2 >/dev/null 2>&1 && break; sleep 0.2; done
log "warming up (JIT) for 15 s"
run 15 >/dev/null

cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
log "profiling $workload at $depth in flight for $seconds s"
c0="$(cpu)"
run "$seconds" >"$work/result.json" &
load=$!
perf record -q -F 999 -g -p "$pid" -o "$work/perf.data" -- sleep "$seconds" 2>/dev/null
wait "$load"
c1="$(cpu)"
"$JAVA_HOME/bin/jcmd" "$pid" Compiler.perfmap >/dev/null
ops="$(sed -n 's/.*"ops":\([0-9]*\).*/\1/p' "$work/result.json")"
echo "load generator: $(cat "$work/result.json")"
awk -v c="$((c1 - c0))" -v t="$(getconf CLK_TCK)" -v n="$ops" \
  'BEGIN { printf "server CPU: %.1f s for %d calls = %.1f us per call\n", c / t, n, n ? c / t * 1e6 / n : 0 }'

perf report -i "$work/perf.data" --children --sort symbol -g none 2>/dev/null | grep -v '^#' | grep '%' \
  >"$work/children.txt"
perf report -i "$work/perf.data" --no-children --sort symbol -g none 2>/dev/null | grep -v '^#' | grep '%' \
  >"$work/self.txt"
# Inclusive share of the first frame whose name matches, so nested kinds are not counted twice in one row.
share() { awk -v re="$1" '{ name = ""; for (i = 4; i <= NF; i++) if ($i != "-") name = name $i " " }
  name ~ re { print $1; exit }' "$work/children.txt"; }
echo
echo "where the server's samples are (inclusive; kinds overlap where one runs inside another):"
printf '  %-58s %s\n' \
  "thread hand-offs (schedule: waking and switching threads)" "$(share '^schedule ')" \
  "  of which futex (worker pool, JVM parking)" "$(share '^do_futex ')" \
  "  of which epoll waits (event loops)" "$(share '^__x64_sys_epoll_pwait2 ')" \
  "TCP send (replies)" "$(share '^tcp_sendmsg ')" \
  "TCP receive (calls)" "$(share '^tcp_recvmsg ')" \
  "open_by_handle_at (file handles to descriptors)" "$(share '^do_handle_open ')" \
  "name_to_handle_at" "$(share '^__x64_sys_name_to_handle_at ')" \
  "statx" "$(share '^__x64_sys_statx ')" \
  "caller identity (setfsuid, setfsgid, setgroups)" "$(awk '{ n = ""; for (i = 4; i <= NF; i++) if ($i != "-") n = n $i " " }
      n ~ /^(__sys_setfsuid|__sys_setfsgid|__x64_sys_setgroups) / { s += $1 } END { printf "%.2f%%", s }' "$work/children.txt")" \
  "pread/pwrite (file data)" "$(awk '{ n = ""; for (i = 4; i <= NF; i++) if ($i != "-") n = n $i " " }
      n ~ /^(__x64_sys_pread64|__x64_sys_pwrite64) / { s += $1 } END { printf "%.2f%%", s }' "$work/children.txt")" \
  "getdents64 (directory listing)" "$(share '^__x64_sys_getdents64 ')" \
  "garbage collection (G1)" "$(share '^G1')" \
  "JIT compiler" "$(share '^C2Compiler::compile_method ')"
echo
echo "by code (self time):"
perf report -i "$work/perf.data" --no-children --sort dso -g none 2>/dev/null | grep -v '^#' | grep '%' | head -6 \
  | awk '{ printf "  %s", $1; for (i = 2; i <= NF; i++) printf " %s", $i; print "" }'
echo
echo "by thread (self time; event loops are multiThreadIoEv..., workers rpc-worker-N):"
perf report -i "$work/perf.data" --no-children --sort comm -g none 2>/dev/null | grep -v '^#' | grep '%' | head -8 \
  | awk '{ printf "  %s", $1; for (i = 2; i <= NF; i++) printf " %s", $i; print "" }'
echo
echo "hottest functions (self time):"
head -25 "$work/self.txt" | awk '{ printf "  %-8s", $1; for (i = 2; i <= NF; i++) if ($i != "-") printf " %s", $i; print "" }' \
  | cut -c1-150
