# host-lib.sh: helpers for HOST_SCRIPT hooks and for run.sh itself. Sourced, not run:
#     . "$KC_HOST_LIB"          (a HOST_SCRIPT given as a command string has it sourced already)
# A HOST_SCRIPT runs in the run's outer namespace, the "host" of the virtual network: bridge br0 at $HOST_IP,
# one tap device per guest, one veth per server node. Node N is its own network + mount + UTS namespace
# (eth0 = $NET_PREFIX.N, private /run and /var/lib/nfs), entered with kc_node N CMD...
#
#   kc_log MSG                      timestamped line (seconds since the run started)
#   kc_event NAME [k=v ...]         machine-readable EVENT line (also copied into summary.txt)
#   kc_wait_guest I REGEX [SECS]    wait until guest I's console matches REGEX (default 120 s)
#   kc_wait_boot [I] [SECS]         wait until guest I (default: every guest) has booted (network, rpcbind, statd)
#   kc_guests_running               true while any guest is still running
#   kc_node N CMD...                run CMD inside node N (network, mount and UTS namespace)
#   kc_node_pids N                  pids of the processes in node N (the server under test...)
#   kc_node_signal N SIG            send SIG to everything in node N (STOP / CONT freeze and thaw a server)
#   kc_node_kill N [SIG]            kill everything in node N (default SIGKILL) and wait for it
#   kc_server_start N               (re)start SERVER_CMD in node N and wait until SERVER_READY_PORT listens
#   kc_vip_add N [IP] / kc_vip_del N [IP]   add / remove the floating address (default $VIP) on node N's eth0
#   kc_vip_move FROM TO [IP]        move the floating address (VIP_MOVE_MODE=plain|reset, see below)
#   kc_node_reset_conns N [IP]      RST all of node N's TCP connections on IP (ss -K)
#   kc_link_down N / kc_link_up N   pull / restore node N's cable (its veth on the bridge)
#   kc_tcp_up IP PORT [SECS]        wait until IP:PORT accepts TCP connections
# Cluster runs (the servers place the VIP themselves, VIP_NODE=none): lib/cluster-lib.sh, sourced below.
KC_RUN=${KC_RUN:-/run/kc}

kc_t(){ awk -v a="${KC_T0:-0}" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.3f", b-a}'; }
kc_ms_since(){ awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", (b-a)*1000}'; }
kc_elapsed_over(){ awk -v a="$1" -v b="$EPOCHREALTIME" -v t="$2" 'BEGIN{exit !(b-a > t)}'; }
kc_log(){ echo "[host +$(kc_t)s] $*"; }
kc_event(){ local n=$1; shift; echo "EVENT t_s=$(kc_t) name=$n $*" >> "$OUT_DIR/host-events.log"; kc_log "EVENT $n $*"; }

kc_guest_log(){ echo "$OUT_DIR/guest$1.console.log"; }
kc_wait_guest(){
  local i=$1 re=$2 to=${3:-120} t0=$EPOCHREALTIME f; f=$(kc_guest_log "$1")
  while ! grep -qE "$re" "$f" 2>/dev/null; do
    kc_elapsed_over "$t0" "$to" && { kc_log "timeout waiting for guest $i: $re"; return 1; }
    kc_guests_running || { kc_log "guests ended before guest $i printed: $re"; return 1; }
    sleep 0.05
  done
  kc_event guest_line guest=$i "pattern=${re// /_}"
}
kc_wait_boot(){ local i
  if [ -n "${1:-}" ]; then kc_wait_guest "$1" ' BOOT name=' "${2:-180}"; return; fi
  for i in $(seq 0 $((GUEST_COUNT-1))); do kc_wait_guest "$i" ' BOOT name=' "${2:-180}" || return 1; done; }
kc_guests_running(){ local i; for i in $(seq 0 $((GUEST_COUNT-1))); do [ -f "$KC_RUN/guest$i.rc" ] || return 0; done; return 1; }

kc_node_pid(){ cat "$KC_RUN/node$1.pid"; }
kc_node(){ local n=$1; shift; nsenter -t "$(kc_node_pid "$n")" -n -m -u -- "$@"; }
kc_node_pids(){
  local holder ns p; holder=$(kc_node_pid "$1"); ns=$(readlink /proc/$holder/ns/net)
  for p in /proc/[0-9]*; do p=${p#/proc/}
    [ "$p" = "$holder" ] && continue
    [ "$(readlink /proc/$p/ns/net 2>/dev/null)" = "$ns" ] || continue
    grep -q '^State:.*Z' /proc/$p/status 2>/dev/null && continue
    echo "$p"
  done
}
kc_node_signal(){ local pids; pids=$(kc_node_pids "$1"); [ -z "$pids" ] || kill -"$2" $pids 2>/dev/null
  kc_event node_signal node=$1 sig=$2 "pids=$(echo $pids | tr ' ' ,)"; }
kc_node_kill(){
  local n=$1 sig=${2:-KILL} pids
  pids=$(kc_node_pids "$n"); [ -n "$pids" ] || return 0
  kill -"$sig" $pids 2>/dev/null
  for _ in $(seq 100); do [ -z "$(kc_node_pids "$n")" ] && break; sleep 0.05; done
  kc_event node_kill node=$n sig=$sig "pids=$(echo $pids | tr ' ' ,)"
}

kc_tcp_up(){ local ip=$1 port=$2 to=${3:-30} t0=$EPOCHREALTIME
  until (exec 3<>/dev/tcp/$ip/$port) 2>/dev/null; do kc_elapsed_over "$t0" "$to" && return 1; sleep 0.05; done; }

# SERVER_CMD_<N> overrides SERVER_CMD for node N. An executable file runs as is, anything else with bash -c, in
# the caller's working directory, with KC_IN_NODE=1 NODE_INDEX NODE_NAME NODE_IP NODE_DIR added to the env.
# It must start the server in the background and return; readiness = SERVER_READY_PORT accepting connections.
kc_server_start(){
  local n=$1 v=SERVER_CMD_$1 cmd t0=$EPOCHREALTIME rc ip=$NET_PREFIX.$1 dir=$OUT_DIR/node$1 p111=no
  cmd=${!v:-$SERVER_CMD}
  mkdir -p "$dir"
  local envs=(KC_IN_NODE=1 NODE_INDEX=$n NODE_NAME=node$n NODE_IP=$ip NODE_DIR=$dir)
  local run=(bash -c "$cmd"); [ -f "$cmd" ] && [ -x "$cmd" ] && run=("$cmd")
  echo "=== [+$(kc_t)s] starting on node$n: $cmd" >> "$dir/server.log"
  kc_log "node$n: starting the server"
  timeout "$SERVER_START_TIMEOUT" nsenter -t "$(kc_node_pid "$n")" -n -m -u --wd="$KC_CALLER_PWD" -- \
    env "${envs[@]}" "${run[@]}" </dev/null >>"$dir/server.log" 2>&1
  rc=$?
  if [ $rc != 0 ]; then kc_event server_start node=$n status=failed rc=$rc; return 1; fi
  kc_tcp_up "$ip" "$SERVER_READY_PORT" "$SERVER_START_TIMEOUT" \
    || { kc_event server_start node=$n status=failed reason=no_listener_on_$SERVER_READY_PORT; return 1; }
  kc_tcp_up "$ip" 111 0.5 && p111=yes
  kc_event server_start node=$n status=up ip=$ip secs=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.2f", b-a}') port111=$p111
  [ $p111 = yes ] || kc_log "WARNING: nothing listens on $ip:111; the client's lockd asks the portmapper there for NLM"
}

kc_vip_add(){ local n=$1 vip=${2:-$VIP}
  kc_node "$n" ip addr add "$vip/32" dev eth0 || return 1
  # gratuitous ARP, so that guests and bridge learn the new owner at once: one now, two more in the background
  kc_node "$n" busybox arping -U -c 1 -I eth0 "$vip" >/dev/null 2>&1
  ( kc_node "$n" busybox arping -U -c 2 -I eth0 "$vip" >/dev/null 2>&1 & ) ; }
kc_vip_del(){ local n=$1 vip=${2:-$VIP}; kc_node "$n" ip addr del "$vip/32" dev eth0; }
# ss -K destroys the sockets and the kernel sends the peers an RST: clients reconnect at once instead of
# waiting for replies that will never come
kc_node_reset_conns(){ local n=$1 ip=${2:-$VIP}; kc_node "$n" ss -K -t src "$ip" >/dev/null 2>&1; }
# kc_vip_move FROM TO [IP]; VIP_MOVE_MODE=plain (default) | reset
#  plain: del on FROM, add on TO + gratuitous ARP. A client whose last request FROM had ACKed at TCP level but
#         not answered has nothing to retransmit: it notices only when its TCP keepalive (idle = the mount's
#         timeo, 60 s by default) reaches TO and draws an RST.
#  reset: add on TO + gratuitous ARP, RST FROM's connections on the address (FROM still holds it, so the RSTs go
#         out), then del on FROM: clients reconnect to TO at once. Briefly both nodes hold the address.
kc_vip_move(){ local from=$1 to=$2 vip=${3:-$VIP} mode=${VIP_MOVE_MODE:-plain} t0=$EPOCHREALTIME ok=1
  case "$mode" in
    plain) kc_vip_del "$from" "$vip" && kc_vip_add "$to" "$vip" || ok=0;;
    reset) kc_vip_add "$to" "$vip" && kc_node_reset_conns "$from" "$vip"; kc_vip_del "$from" "$vip" || ok=0;;
    *) kc_log "unknown VIP_MOVE_MODE $mode"; ok=0;;
  esac
  [ $ok = 1 ] || { kc_event vip_move status=failed from=$from to=$to mode=$mode; return 1; }
  kc_event vip_move vip=$vip from=$from to=$to mode=$mode ms=$(kc_ms_since "$t0"); }
kc_link_down(){ ip link set "vn$1" down; kc_event link_down node=$1; }
kc_link_up(){ ip link set "vn$1" up; kc_event link_up node=$1; }
. "$(dirname "${BASH_SOURCE[0]}")/cluster-lib.sh"
