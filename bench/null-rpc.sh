#!/usr/bin/env bash
# NULL-call round trips per second over one TCP connection with 32 calls in flight (the RPC layer alone).
# Runs the same client against Handoff's RPC server and, as a reference on the same machine in the same run,
# against the system rpcbind (C, libtirpc) started inside a private network namespace.
#   bench/null-rpc.sh [IN_FLIGHT] [SECONDS] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
. scripts/jdk.sh
handoff_find_jdk
in_flight="${1:-32}" seconds="${2:-5}" rounds="${3:-3}"

echo "== building the benchmark client"
mvn -B -ntp -q -pl rpc -am test-compile -DskipTests
cp_file="$(mktemp)"
mvn -B -ntp -q -pl rpc dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
cp="rpc/target/classes:rpc/target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"
bench() { "$JAVA_HOME/bin/java" -cp "$cp" dev.handoff.rpc.bench.NullCallBench "$@" 2>&1 | grep -v ' INFO '; }

echo "== Handoff RPC server, in-process on loopback, ${in_flight} in flight, ${rounds}x${seconds}s"
handoff_line="$(bench self "$in_flight" "$seconds" "$rounds" | tee /dev/stderr | grep '^RESULT')"

ref_line=""
if [ "$(id -u)" = 0 ] && command -v rpcbind >/dev/null; then
  ns="handoff-bench-$$"
  ip netns add "$ns"
  trap 'kill "$rb_pid" 2>/dev/null; ip netns del "$ns" 2>/dev/null' EXIT
  ip -n "$ns" link set lo up
  # rpcbind wants its state directory; give it a private /run so the host's is untouched.
  ip netns exec "$ns" unshare -m sh -c 'mount -t tmpfs tmpfs /run && mkdir -p /run/rpcbind && exec rpcbind -f -w' &
  rb_pid=$!
  for _ in $(seq 50); do ip netns exec "$ns" rpcinfo -p 127.0.0.1 >/dev/null 2>&1 && break; sleep 0.1; done
  echo "== reference: system rpcbind (libtirpc) in namespace $ns, same client"
  ref_line="$(ip netns exec "$ns" "$JAVA_HOME/bin/java" -cp "$cp" dev.handoff.rpc.bench.NullCallBench \
      127.0.0.1:111 "$in_flight" "$seconds" "$rounds" 100000 2 2>&1 | tee /dev/stderr | grep '^RESULT')"
else
  echo "== reference skipped: needs root and the rpcbind package (scripts/install-test-deps.sh)"
fi

h="$(sed -n 's/.*median_calls_per_s=\([0-9]*\).*/\1/p' <<<"$handoff_line")"
echo
echo "NULL calls/s, one TCP connection, ${in_flight} in flight: handoff=${h}"
if [ -n "$ref_line" ]; then
  r="$(sed -n 's/.*median_calls_per_s=\([0-9]*\).*/\1/p' <<<"$ref_line")"
  echo "reference rpcbind=${r}  ratio handoff/rpcbind=$(awk -v a="$h" -v b="$r" 'BEGIN{printf "%.2f", a/b}')"
fi
