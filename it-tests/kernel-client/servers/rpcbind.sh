#!/bin/bash
# Stand-in SERVER_CMD: only rpcbind (portmapper, port 111) in the node, no NFS service. Lets the harness prove
# itself end to end with the `reach` guest test; start run.sh with SERVER_READY_PORT=111.
# Refuses to run outside a node namespace: the host's own port 111 and /run are not ours to take.
set -eu
[ "${KC_IN_NODE:-}" = 1 ] && [ "$(readlink /proc/self/ns/mnt)" != "$(readlink /proc/1/ns/mnt)" ] \
  || { echo "rpcbind.sh: run me as SERVER_CMD of run.sh (inside a node)" >&2; exit 2; }
: "${NODE_DIR:?}"
rm -rf /run/rpcbind /run/rpcbind.*          # a restart finds the previous instance's state
mkdir -p /run/rpcbind
rpcbind -w -f >>"$NODE_DIR/rpcbind.log" 2>&1 &
for _ in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/111) 2>/dev/null && break; sleep 0.05; done
(exec 3<>/dev/tcp/127.0.0.1/111) 2>/dev/null || { echo "rpcbind did not listen on 111" >&2; exit 1; }
echo "rpcbind up on $NODE_NAME ($NODE_IP)"
