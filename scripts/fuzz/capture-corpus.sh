#!/usr/bin/env bash
# Captures real client traffic to a Handoff server and files its RPC calls as the fuzz targets' seed corpus
# (src/test/resources/<package>/<Class>Inputs/<method>/ of each module; docs/testing.md).
#
#   sudo scripts/fuzz/capture-corpus.sh            # HANDOFF_TARGET picks the build directory (default target-fz)
#
# In a network namespace of its own (nothing leaves it): starts `./handoff serve` on an export in a temporary
# directory, captures its loopback with tcpdump, and runs the clients there are on this machine against it:
# rpcinfo (rpcbind v2/v3/v4 and every program's NULL over TCP and UDP), showmount (MOUNT EXPORT/DUMP) and
# libnfs's nfs-ls, nfs-cp, nfs-cat (MOUNT MNT/UMNT, NFSv3 from FSINFO to WRITE, COMMIT and READDIRPLUS). Then
# split-records.py reassembles the TCP streams, cuts them into records and keeps a few distinct small calls
# per procedure and target. Needs root (namespaces). Re-running adds seeds beside the existing ones.
# When the Linux kernel client kit is set up (it-tests/kernel-client, see its README), its guests' `quick` and
# `locking` tests run too, and a client reboot notice (`reboot-holder`, `reboot-contender`), captured on its
# bridge: the kernel's NFSv3 client, lockd (NLM v4) and statd (NSM SM_NOTIFY).
# KERNEL=0 leaves them out.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
export HANDOFF_TARGET="${HANDOFF_TARGET:-target-fz}"
[ "$(id -u)" = 0 ] || { echo "capture-corpus: needs root (network namespaces, tcpdump)" >&2; exit 1; }

need() {  # command package
  command -v "$1" >/dev/null 2>&1 || { echo "== installing $2"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; }
}
need tcpdump tcpdump
need rpcinfo rpcbind
need showmount nfs-common
need nfs-ls libnfs-utils
need python3 python3

work="$(mktemp -d /tmp/handoff-capture.XXXXXX)"
ns="hfzcap$$"
server_pid=""
dump_pid=""
cleanup() {
  [ -n "$dump_pid" ] && kill "$dump_pid" 2>/dev/null && wait "$dump_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

in_ns() { ip netns exec "$ns" "$@"; }

echo "== building the server (HANDOFF_TARGET=$HANDOFF_TARGET)"
"$root/handoff" --version >/dev/null

ip netns add "$ns"
in_ns ip link set lo up
mkdir -p "$work/export/dir/sub" "$work/state"
echo "hello from the capture" > "$work/export/file"
ln -s file "$work/export/link"
echo "$work/export -fsid=1 *(rw,insecure,no_root_squash)" > "$work/exports"
head -c 3000 /dev/urandom > "$work/upload"

in_ns tcpdump -i lo -s 0 -U -w "$work/capture.pcap" 'tcp or udp' 2>"$work/tcpdump.log" &
dump_pid=$!
echo "== starting the server in namespace $ns"
HANDOFF_NO_BUILD=1 in_ns "$root/handoff" serve --exports "$work/exports" --state-dir "$work/state" \
  --admin 0 --grace 0 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  in_ns rpcinfo -T tcp 127.0.0.1 100003 3 >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done

url="nfs://127.0.0.1$work/export"
run() { echo "   $*"; in_ns "$@" >/dev/null 2>&1 || echo "   (exit $?)"; }
echo "== clients"
run rpcinfo -p 127.0.0.1
run rpcinfo 127.0.0.1
run rpcinfo -s 127.0.0.1
run rpcinfo -m 127.0.0.1
run rpcinfo -l 127.0.0.1 100003 3
run rpcinfo -a 127.0.0.1.0.111 -T tcp 100005 3
for t in tcp udp; do
  for pv in "100000 2" "100000 3" "100000 4" "100003 3" "100005 1" "100005 3" "100021 1" "100021 3" "100021 4" "100024 1"; do
    run rpcinfo -T $t 127.0.0.1 $pv
  done
  run rpcinfo -b 100003 3 >/dev/null 2>&1 || true
done
run showmount -e 127.0.0.1
run showmount -a 127.0.0.1
run nfs-ls "$url?version=3"
run nfs-ls -R "$url?version=3"
run nfs-ls -l "$url/dir?version=3"
run nfs-cat "$url/file?version=3"
run nfs-cat "$url/link?version=3"
run nfs-cp "$work/upload" "$url/uploaded?version=3"
run nfs-cp "$url/uploaded?version=3" "$work/downloaded"
run nfs-ls -l "$url?version=3"
run nfs-cat "$url/missing?version=3"
run nfs-ls "nfs://127.0.0.1/no/such/export?version=3"
run nfs-ls "$url?version=3&uid=1000&gid=1000"
sleep 1
kill "$dump_pid"; wait "$dump_pid" 2>/dev/null || true; dump_pid=""
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
pcaps=("$work/capture.pcap")

kit="$root/it-tests/kernel-client"
if [ "${KERNEL:-1}" = 1 ] && [ -x "$kit/run.sh" ] && "$kit/setup.sh" >/dev/null 2>&1; then
  echo "== the Linux kernel client (qemu): quick, locking"
  # The guests mount EXPORT; make it the directory the node serves (EXPORT_DIR, under the run's directory).
  (cd "$root" && CAPTURE=1 CAPTURE_SNAPLEN=65535 EXPORT="$work/kernel/export" "$kit/run.sh" -o "$work/kernel" \
      --timeout 240 -s "echo \"\$EXPORT_DIR *(rw,no_root_squash)\" > \"\$NODE_DIR/exports\"; \
          HANDOFF_NO_BUILD=1 HANDOFF_TARGET=$HANDOFF_TARGET ./handoff serve --exports \"\$NODE_DIR/exports\" \
          --state-dir \"\$NODE_DIR/state\" --admin 0 > \"\$NODE_DIR/handoff.log\" 2>&1 &" \
      quick,locking >"$work/kernel.log" 2>&1) || echo "   (kernel client run failed: $(tail -3 "$work/kernel.log"))"
  [ -s "$work/kernel/br0.pcap" ] && pcaps+=("$work/kernel/br0.pcap")
  # A rebooted client's statd announcing its new state (SM_NOTIFY, the only NSM call a client sends to a
  # server). Only the traffic matters here, so the tests' verdict does not.
  echo "== the Linux kernel client (qemu): reboot-holder, reboot-contender"
  (cd "$root" && CAPTURE=1 CAPTURE_SNAPLEN=65535 EXPORT="$work/kernel2/export" "$kit/run.sh" -o "$work/kernel2" \
      --timeout 240 -s "echo \"\$EXPORT_DIR *(rw,no_root_squash)\" > \"\$NODE_DIR/exports\"; \
          HANDOFF_NO_BUILD=1 HANDOFF_TARGET=$HANDOFF_TARGET ./handoff serve --exports \"\$NODE_DIR/exports\" \
          --state-dir \"\$NODE_DIR/state\" --admin 0 > \"\$NODE_DIR/handoff.log\" 2>&1 &" \
      reboot-holder reboot-contender >"$work/kernel2.log" 2>&1) || true
  [ -s "$work/kernel2/br0.pcap" ] && pcaps+=("$work/kernel2/br0.pcap")
else
  echo "== the Linux kernel client kit is not set up (or KERNEL=0): skipped"
fi

echo "== captured $(du -cb "${pcaps[@]}" | tail -1 | cut -f1) bytes; filing seeds"
python3 "$root/scripts/fuzz/split-records.py" "$root" "${pcaps[@]}"
