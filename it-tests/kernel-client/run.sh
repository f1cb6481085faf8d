#!/bin/bash
# run.sh: test an NFSv3 server with the real Linux kernel client. Boots 1..4 qemu guests (Debian's kernel, TCG)
# on a private bridge against server node(s) started by SERVER_CMD, all inside a fresh network + mount + pid
# namespace: nothing touches the host's network, /run or daemons, and everything dies with the run.
#
# usage: run.sh [options] GUEST [GUEST...]          (or GUESTS="..." in the environment)
#   GUEST = TEST[,TEST...][@SERVER_IP]   one guest per word, running its tests in order, e.g.
#           quick,locking        holder contender        continuous-io@10.0.3.100
# options (each has an environment variable of the same meaning, in brackets):
#   -s|--server CMD        [SERVER_CMD]  command or executable run inside each server node; starts the server in
#                          the background and returns (run.sh then waits up to SERVER_START_TIMEOUT for
#                          SERVER_READY_PORT). Required. SERVER_CMD_<n> overrides it for node n.
#   -n|--nodes N           [NODES=1]     server nodes node1..nodeN at $NET_PREFIX.1..N (own netns each)
#   --vip IP               [VIP]         floating address, initially on node $VIP_NODE (default 1); guests mount it
#                          VIP_NODE=none (or 0): the kit places it nowhere, the servers do (a Handoff cluster);
#                          guests then wait up to WAIT_VIP_S=90 s for NFS to answer on it before mounting
#   --server-ip IP         [SERVER_IP]   address guests mount (default: VIP if set, else $NET_PREFIX.1)
#   -H|--host-script CMD   [HOST_SCRIPT] command or executable run in the outer namespace while the guests run
#   -t|--tests DIR         [TESTS_DIR]   extra guest tests DIR/*.sh (replace built-ins of the same name)
#   -e|--env K=V           [GUEST_ENV]   variable for the guest tests (repeatable; GUEST_ENV is space separated;
#                                        GUEST_ENV_<i> for guest i only)
#   -o|--out DIR           [OUT_DIR]     results directory (default $KC_CACHE/runs/<time>-<pid>, 'latest' link)
#   --timeout S            [TIMEOUT=300] per-guest limit in seconds
#   other environment: NFS_PORT=2049 MOUNT_PORT=20048 SERVER_READY_PORT=$NFS_PORT EXPORT=/export
#     EXPORT_DIR=$OUT_DIR/export  MOUNT_OPTS= (appended to vers=3,proto=tcp,port=..,mountport=..,mountproto=tcp)
#     NFS_OPTS= (replaces all of them)  NET_PREFIX=10.0.3  MEM=512  SMP=1  ACCEL=auto|tcg|kvm  KERNEL_APPEND=
#     NLM_PORT= (guest lockd port)  SERVER_START_TIMEOUT=60  HOST_SCRIPT_GRACE=10  KEEP_WORK=  KEEP_EXPORT=
#     KEEP_RUNS=30  CAPTURE=1 (tcpdump of br0 -> OUT_DIR/br0.pcap, CAPTURE_SNAPLEN=300)
#     KC_CACHE=/var/cache/handoff-kernel-client (kernel, initramfs, runs; prepared by setup.sh)
# exit: 0 all guests passed (and HOST_SCRIPT exited 0), 1 a test failed, 2 setup, usage or server-start error.
# Results: OUT_DIR/summary.txt (also printed), OUT_DIR/guestN.{console,result,data,qemu}.log, OUT_DIR/nodeN/
set -uo pipefail
KC_DIR=$(cd "$(dirname "$0")" && pwd)
. "$KC_DIR/lib/common.sh"
usage(){ sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

ORIG_ARGS=("$@"); SPECS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -s|--server) SERVER_CMD=$2; shift 2;;
    -n|--nodes) NODES=$2; shift 2;;
    --vip) VIP=$2; shift 2;;
    --server-ip) SERVER_IP=$2; shift 2;;
    -H|--host-script) HOST_SCRIPT=$2; shift 2;;
    -t|--tests) TESTS_DIR=$2; shift 2;;
    -e|--env) GUEST_ENV="${GUEST_ENV:-}${GUEST_ENV:+ }$2"; shift 2;;
    -o|--out) OUT_DIR=$2; shift 2;;
    --timeout) TIMEOUT=$2; shift 2;;
    -h|--help) usage; exit 0;;
    --) shift; SPECS+=("$@"); break;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2;;
    *) SPECS+=("$1"); shift;;
  esac
done
[ ${#SPECS[@]} -gt 0 ] || read -r -a SPECS <<< "${GUESTS:-quick}"

NODES=${NODES:-1}; NET_PREFIX=${NET_PREFIX:-10.0.3}; HOST_IP=$NET_PREFIX.254
VIP=${VIP:-}; VIP_NODE=${VIP_NODE:-1}; SERVER_IP=${SERVER_IP:-${VIP:-$NET_PREFIX.1}}
# VIP_NODE=none: the servers add the VIP themselves once their cluster has formed, a few seconds after they start
VIP_SELF=; [[ -n $VIP && ( $VIP_NODE == none || $VIP_NODE == 0 ) ]] && VIP_SELF=1
WAIT_VIP_S=${WAIT_VIP_S:-${VIP_SELF:+90}}
NFS_PORT=${NFS_PORT:-2049}; MOUNT_PORT=${MOUNT_PORT:-20048}; SERVER_READY_PORT=${SERVER_READY_PORT:-$NFS_PORT}
EXPORT=${EXPORT:-/export}; MOUNT_OPTS=${MOUNT_OPTS:-}; NFS_OPTS=${NFS_OPTS:-}; NLM_PORT=${NLM_PORT:-}
KERNEL_APPEND=${KERNEL_APPEND:-}; TIMEOUT=${TIMEOUT:-300}; MEM=${MEM:-512}; SMP=${SMP:-1}; ACCEL=${ACCEL:-auto}
SERVER_START_TIMEOUT=${SERVER_START_TIMEOUT:-60}; HOST_SCRIPT_GRACE=${HOST_SCRIPT_GRACE:-10}
HOST_SCRIPT=${HOST_SCRIPT:-}; TESTS_DIR=${TESTS_DIR:-}; GUEST_ENV=${GUEST_ENV:-}; SERVER_CMD=${SERVER_CMD:-}
GUEST_COUNT=${#SPECS[@]}

# ---------------------------------------------------------------- checks, outside the namespace
if [ -z "${KC_IN_NS:-}" ]; then
  [ "$(id -u)" = 0 ] || kc_die "run as root (namespaces, tap devices)"
  [ -n "$SERVER_CMD" ] || kc_die "SERVER_CMD (-s) is required"
  [[ $GUEST_COUNT -ge 1 && $GUEST_COUNT -le 4 ]] || kc_die "1..4 guests, got $GUEST_COUNT"
  [[ $NODES =~ ^[1-4]$ ]] || kc_die "NODES must be 1..4"
  for s in "${SPECS[@]}"; do [[ $s =~ ^[A-Za-z0-9_.,-]+(@[0-9.]+)?$ ]] || kc_die "bad guest spec '$s' (TEST[,TEST..][@IP])"; done
  for kv in $GUEST_ENV; do [[ $kv =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || kc_die "bad GUEST_ENV entry '$kv' (KEY=VALUE)"; done
  [ -z "$TESTS_DIR" ] || [ -d "$TESTS_DIR" ] || kc_die "TESTS_DIR $TESTS_DIR is not a directory"
  [ -f "$KC_KERNEL_DIR/load-order" ] || kc_die "no guest kernel in $KC_CACHE: run $KC_DIR/setup.sh first"
  command -v qemu-system-x86_64 >/dev/null || kc_die "qemu-system-x86_64 missing: run $KC_DIR/setup.sh"
  kc_base_fresh || { kc_info "rebuilding the base initramfs (its sources changed)"; "$KC_DIR/lib/build-initramfs.sh"; } \
    || kc_die "building the base initramfs failed"
  [ "$GUEST_COUNT" -le "$(nproc)" ] || kc_info "note: $GUEST_COUNT TCG guests on $(nproc) cores will be slow (one core per guest is ideal)"
  if [ -z "${OUT_DIR:-}" ]; then
    mkdir -p "$KC_CACHE/runs"
    ls -1dt "$KC_CACHE"/runs/2*/ 2>/dev/null | tail -n +"${KEEP_RUNS:-30}" | xargs -r rm -rf   # keep the newest runs
    OUT_DIR=$KC_CACHE/runs/$(date +%Y%m%d-%H%M%S)-$$; mkdir -p "$OUT_DIR"; ln -sfn "$OUT_DIR" "$KC_CACHE/runs/latest"
  fi
  mkdir -p "$OUT_DIR"; OUT_DIR=$(cd "$OUT_DIR" && pwd)
  rm -f "$OUT_DIR/summary.txt"        # a reused directory must not show an older run's verdict
  export OUT_DIR KC_CALLER_PWD=$PWD RUN_ID=${RUN_ID:-$(date +%H%M%S)$$}
  export SERVER_CMD HOST_SCRIPT TESTS_DIR GUEST_ENV NODES VIP VIP_NODE SERVER_IP NET_PREFIX NFS_PORT MOUNT_PORT \
         WAIT_VIP_S SERVER_READY_PORT EXPORT MOUNT_OPTS NFS_OPTS NLM_PORT KERNEL_APPEND TIMEOUT MEM SMP ACCEL \
         SERVER_START_TIMEOUT HOST_SCRIPT_GRACE CAPTURE=${CAPTURE:-} CAPTURE_SNAPLEN=${CAPTURE_SNAPLEN:-300}
  kc_info "run: ${SPECS[*]} against $NODES node(s), out $OUT_DIR"
  # new network, mount, pid, UTS and IPC namespace; --kill-child: if we are killed, the namespace goes with us
  exec unshare --net --mount --pid --uts --ipc --fork --mount-proc --kill-child=SIGKILL -- \
       env KC_IN_NS=1 bash "$0" "${ORIG_ARGS[@]}"
fi

# ---------------------------------------------------------------- inside the namespace (we are PID 1)
export KC_T0=$EPOCHREALTIME KC_RUN=/run/kc KC_HOST_LIB=$KC_DIR/lib/host-lib.sh KC_DIR
export EXPORT_DIR=${EXPORT_DIR:-$OUT_DIR/export} HOST_IP GUEST_COUNT
. "$KC_HOST_LIB"
since(){ awk -v a="$1" -v b="${2:-$EPOCHREALTIME}" 'BEGIN{printf "%.2f", b-a}'; }
mount --make-rprivate /
mount -t tmpfs tmpfs /run && mkdir -p $KC_RUN /run/netns
mount -t tmpfs tmpfs /var/lib/nfs
mkdir -p "$EXPORT_DIR"; : > "$OUT_DIR/host-events.log"
hostname kc-host
{ echo "127.0.0.1 localhost"; echo "$HOST_IP kc-host"
  for n in $(seq 1 4); do echo "$NET_PREFIX.$n node$n"; done
  for i in $(seq 0 3); do echo "$NET_PREFIX.$((10+i)) client$i"; done
  [ -n "$VIP" ] && echo "$VIP vip"; } > $KC_RUN/hosts
mount --bind $KC_RUN/hosts /etc/hosts
ip link set lo up
ip link add br0 type bridge && ip addr add "$HOST_IP/24" dev br0 && ip link set br0 up || kc_die "bridge setup failed"

CAPPID=
if [ -n "${CAPTURE:-}" ]; then   # every packet between guests and nodes
  tcpdump -i br0 -U -Z root -s "${CAPTURE_SNAPLEN:-300}" -w "$OUT_DIR/br0.pcap" >"$OUT_DIR/tcpdump.log" 2>&1 & CAPPID=$!
  for _ in $(seq 50); do grep -q listening "$OUT_DIR/tcpdump.log" 2>/dev/null && break; sleep 0.05; done
fi

# ---- server nodes: each its own net + mount + UTS namespace (private /run, /var/lib/nfs, port 111), on br0
for n in $(seq 1 "$NODES"); do
  mkdir -p "$OUT_DIR/node$n"; rm -f "$OUT_DIR/node$n/.ready"
  # a sysfs of its own: /sys/class/net must list the node's interfaces (eth0's ifindex and MAC), not the host's
  unshare --net --mount --uts -- bash -c 'mount --bind "$1" /etc/hosts && mount -t tmpfs tmpfs /run &&
      mount -t tmpfs tmpfs /var/lib/nfs && mount -t sysfs sysfs /sys && hostname "$2" && ip link set lo up &&
      touch "$3" && exec sleep infinity' \
      _ $KC_RUN/hosts node$n "$OUT_DIR/node$n/.ready" </dev/null &
  echo $! > $KC_RUN/node$n.pid
  for _ in $(seq 100); do [ -f "$OUT_DIR/node$n/.ready" ] && break; sleep 0.02; done
  [ -f "$OUT_DIR/node$n/.ready" ] || kc_die "node$n namespace setup failed"
  ip link add "vn$n" type veth peer name eth0 netns "$(kc_node_pid $n)" || kc_die "veth for node$n failed"
  ip link set "vn$n" master br0 up
  kc_node $n ip addr add "$NET_PREFIX.$n/24" dev eth0; kc_node $n ip link set eth0 up
  ip netns attach "node$n" "$(kc_node_pid $n)" 2>/dev/null || true     # so that 'ip -n nodeN ...' works too
done
[ -z "$VIP" ] || [ -n "$VIP_SELF" ] || kc_vip_add "$VIP_NODE" "$VIP" || kc_die "cannot add VIP $VIP to node$VIP_NODE"
T_SRV=$EPOCHREALTIME
SPIDS=(); for n in $(seq 1 "$NODES"); do kc_server_start $n & SPIDS+=($!); done
SRV_FAIL=0; for p in "${SPIDS[@]}"; do wait "$p" || SRV_FAIL=1; done
T_SRV_UP=$EPOCHREALTIME

# ---- guests
W=$OUT_DIR/.work; rm -rf "$W"; mkdir -p "$W"
q(){ printf "'%s'" "${1//\'/\'\\\'\'}"; }
if [ -f "$KC_KERNEL_DIR/vmlinux" ]; then KIMG=$KC_KERNEL_DIR/vmlinux; else KIMG=$KC_KERNEL_DIR/vmlinuz; fi
if [ "$ACCEL" = auto ]; then  # KVM only where it can run a stock kernel (not PVM's /dev/kvm)
  if grep -qwE 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ] && [ ! -d /sys/module/kvm_pvm ]; then ACCEL=kvm; else ACCEL=tcg; fi
fi
case "$ACCEL" in kvm) QACCEL=(-accel kvm -cpu host);; *) QACCEL=(-accel tcg -cpu max);; esac
FW=(); [ -f /usr/share/qemu/qboot.rom ] && FW=(-bios /usr/share/qemu/qboot.rom)
T_GUESTS=$EPOCHREALTIME
GPIDS=(); FPIDS=()
if [ $SRV_FAIL = 0 ]; then
  for i in $(seq 0 $((GUEST_COUNT-1))); do
    spec=${SPECS[$i]}; tests=${spec%%@*}; srv=$SERVER_IP; [[ $spec == *@* ]] && srv=${spec#*@}
    G=$W/guest$i; mkdir -p "$G/kc" "$G/tests" "$G/etc"
    install -m755 "$KC_DIR/guest/init" "$G/init"
    cp "$KC_DIR"/guest/tests/*.sh "$G/tests/"
    [ -z "$TESTS_DIR" ] || cp "$TESTS_DIR"/*.sh "$G/tests/" 2>/dev/null || true
    cp $KC_RUN/hosts "$G/etc/hosts"
    { echo "GUEST_INDEX=$i"; echo "GUEST_COUNT=$GUEST_COUNT"; echo "GUEST_NAME=client$i"
      echo "GUEST_IP=$NET_PREFIX.$((10+i))/24"; echo "GUEST_GW=$HOST_IP"; echo "HOST_IP=$HOST_IP"
      echo "SERVER=$(q "$srv")"; echo "EXPORT=$(q "$EXPORT")"; echo "NFS_PORT=$NFS_PORT"; echo "MOUNT_PORT=$MOUNT_PORT"
      echo "MOUNT_OPTS=$(q "$MOUNT_OPTS")"; [ -z "$NFS_OPTS" ] || echo "NFS_OPTS=$(q "$NFS_OPTS")"
      echo "NLM_PORT=$NLM_PORT"; echo "TESTS=$(q "$tests")"; echo "RUN_ID=$(q "$RUN_ID")"; echo "VIP=$(q "$VIP")"
      [ -z "$WAIT_VIP_S" ] || echo "WAIT_VIP_S=$(q "$WAIT_VIP_S")"
      echo "NODE_IPS='$(for n in $(seq 1 "$NODES"); do printf '%s ' "$NET_PREFIX.$n"; done)'"
      ge=GUEST_ENV_$i
      for kv in $GUEST_ENV ${!ge:-}; do echo "${kv%%=*}=$(q "${kv#*=}")"; done
    } > "$G/kc/env"
    (cd "$G" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) > "$W/guest$i.extra.cpio.gz"
    cat "$KC_BASE_INITRD" "$W/guest$i.extra.cpio.gz" > "$W/guest$i.initrd"
    ip tuntap add "tap$i" mode tap && ip link set "tap$i" master br0 up || kc_die "tap$i setup failed"
    echo "client$i ip=$NET_PREFIX.$((10+i)) server=$srv tests=$tests" > $KC_RUN/guest$i.spec
    : > "$OUT_DIR/guest$i.result.log"
    (
      s=$EPOCHREALTIME
      timeout -k 5 "$TIMEOUT" qemu-system-x86_64 "${QACCEL[@]}" -m "$MEM" -smp "$SMP" -nodefaults -no-user-config \
        -display none -monitor none -no-reboot "${FW[@]}" -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
        -serial "file:$OUT_DIR/guest$i.console.log" -serial "file:$OUT_DIR/guest$i.result.log" \
        -serial "file:$OUT_DIR/guest$i.data.log" \
        -kernel "$KIMG" -initrd "$W/guest$i.initrd" -append "console=ttyS0 panic=-1 quiet $KERNEL_APPEND" \
        -netdev "tap,id=n0,ifname=tap$i,script=no,downscript=no" \
        -device "virtio-net-pci,netdev=n0,mac=52:54:00:4b:00:$(printf %02x $((16+i))),romfile=" \
        </dev/null >"$OUT_DIR/guest$i.qemu.log" 2>&1
      rc=$?
      echo "$rc $s $EPOCHREALTIME" > $KC_RUN/guest$i.rc
      kc_log "guest$i: qemu exited rc=$rc after $(since "$s")s"
    ) &
    GPIDS[$i]=$!
    kc_log "guest$i: booting (client$i, tests $tests, server $srv, $ACCEL)"
    # live progress: the guest's result channel, line by line, until its qemu is gone
    ( tail -s 0.2 --pid="${GPIDS[$i]}" -n +1 -F "$OUT_DIR/guest$i.result.log" 2>/dev/null |
        while IFS= read -r l; do l=${l%$'\r'}; [ -z "$l" ] || kc_log "guest$i: $l"; done ) &
    FPIDS[$i]=$!
  done
  # ---- host hook: runs in this namespace while the guests run
  HPID=
  if [ -n "$HOST_SCRIPT" ]; then
    if [ -f "$HOST_SCRIPT" ] && [ -x "$HOST_SCRIPT" ]; then
      ( exec setsid "$HOST_SCRIPT" ) >"$OUT_DIR/host-script.log" 2>&1 </dev/null &
    else
      ( exec setsid bash -c ". \"\$KC_HOST_LIB\"; $HOST_SCRIPT" ) >"$OUT_DIR/host-script.log" 2>&1 </dev/null &
    fi
    HPID=$!
  fi
  for i in $(seq 0 $((GUEST_COUNT-1))); do wait "${GPIDS[$i]}"; done
  HRC=none
  if [ -n "$HPID" ]; then
    for _ in $(seq $((HOST_SCRIPT_GRACE*10))); do kill -0 "$HPID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$HPID" 2>/dev/null; then
      kill -TERM -- -"$HPID" 2>/dev/null; sleep 0.5; kill -KILL -- -"$HPID" 2>/dev/null; wait "$HPID" 2>/dev/null; HRC=124
      kc_log "HOST_SCRIPT still running ${HOST_SCRIPT_GRACE}s after the guests ended: killed"
    else wait "$HPID"; HRC=$?; fi
  fi
  for p in "${FPIDS[@]}"; do wait "$p"; done
fi
T_END=$EPOCHREALTIME
[ -z "$CAPPID" ] || { kill -INT "$CAPPID"; wait "$CAPPID"; }

# ---------------------------------------------------------------- summary (machine-readable, also printed)
SUM=$OUT_DIR/summary.txt; : > "$SUM.tmp"
out(){ echo "$*" >> "$SUM.tmp"; }
PASSED=0; FAILED=0
grep 'name=server_start' "$OUT_DIR/host-events.log" | sed 's/^EVENT /NODE /' >> "$SUM.tmp"
if [ $SRV_FAIL = 0 ]; then
  for i in $(seq 0 $((GUEST_COUNT-1))); do
    read -r rc s e < $KC_RUN/guest$i.rc
    RL=$OUT_DIR/guest$i.result.log; tr -d '\r' < "$RL" > "$RL.tmp" 2>/dev/null && mv "$RL.tmp" "$RL"
    while read -r l; do [ -n "$l" ] && out "GUEST $i $l"; done < "$RL"
    res=$(grep '^RESULT ' "$RL" | tail -n 1)
    boot=$(grep -o '^BOOT .*uptime_s=[0-9.]*' "$RL" | grep -o 'uptime_s=[0-9.]*' | cut -d= -f2)
    # isa-debug-exit: the guest writes 0 (pass) or 1 (fail), qemu exits with (value << 1) | 1
    case "$rc" in
      1) if [[ $res == *status=PASS* ]]; then st=PASS; else st=FAIL; fi;;
      3) st=FAIL;; 124|137) st=TIMEOUT;; *) st=CRASH;;
    esac
    [ $st = PASS ] && PASSED=$((PASSED+1)) || FAILED=$((FAILED+1))
    out "GUEST $i VERDICT status=$st qemu_exit=$rc boot_s=${boot:-?} wall_s=$(since "$s" "$e") $(cat $KC_RUN/guest$i.spec)"
  done
fi
while read -r l; do [[ $l == *name=server_start* ]] || out "$l"; done < "$OUT_DIR/host-events.log"
[ -z "$HOST_SCRIPT" ] || out "HOST_SCRIPT rc=${HRC:-none} log=$OUT_DIR/host-script.log"
out "TIMING servers_s=$(since "$T_SRV" "$T_SRV_UP") guests_s=$(since "$T_GUESTS" "$T_END") total_s=$(since "$KC_T0" "$T_END") accel=$ACCEL kernel=$(cat "$KC_KERNEL_DIR/kver")"
if [ $SRV_FAIL = 1 ]; then ST=ERROR; RC=2
elif [ $FAILED = 0 ] && { [ -z "$HOST_SCRIPT" ] || [ "$HRC" = 0 ]; }; then ST=PASS; RC=0
else ST=FAIL; RC=1; fi
out "RESULT status=$ST guests=$GUEST_COUNT passed=$PASSED failed=$FAILED host_script=${HRC:-none} out=$OUT_DIR"
mv "$SUM.tmp" "$SUM"               # readers see a whole summary or none
echo "==== summary ($SUM)"; cat "$SUM"
if [ $ST != PASS ]; then   # for debugging: the end of each failing guest's console and of each node's server log
  for i in $(seq 0 $((GUEST_COUNT-1))); do
    grep -q "^GUEST $i VERDICT status=PASS" "$SUM" && continue
    [ -f "$OUT_DIR/guest$i.console.log" ] && { echo "--- guest$i console (last 25 lines)"; tail -n 25 "$OUT_DIR/guest$i.console.log"; }
  done
  for n in $(seq 1 "$NODES"); do echo "--- node$n server.log (last 10 lines)"; tail -n 10 "$OUT_DIR/node$n/server.log" 2>/dev/null; done
  [ -z "$HOST_SCRIPT" ] || { echo "--- host-script.log (last 15 lines)"; tail -n 15 "$OUT_DIR/host-script.log"; }
fi
[ -n "${KEEP_WORK:-}" ] || rm -rf "$W"
# the default export directory holds test data only (continuous-io writes ~50 MB): drop it unless asked to keep it
[ -n "${KEEP_EXPORT:-}" ] || [ "$EXPORT_DIR" != "$OUT_DIR/export" ] || rm -rf "$EXPORT_DIR"
exit $RC
