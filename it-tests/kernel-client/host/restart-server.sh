#!/bin/bash
# HOST_SCRIPT: kill the server on node 1 (SIGKILL, everything in the node) while guest 0 keeps I/O going,
# wait DOWN_S seconds, then start SERVER_CMD again on the same node and address.
#   run.sh -s '...' -H host/restart-server.sh -e IO_DURATION=20 continuous-io
# Environment: KILL_AT=5 (seconds after guest 0 printed "IOTEST start")  DOWN_S=1
. "$KC_HOST_LIB"
KILL_AT=${KILL_AT:-5}; DOWN_S=${DOWN_S:-1}
kc_wait_guest 0 'IOTEST start' 180 || exit 1
sleep "$KILL_AT"
kc_node_kill 1 KILL
sleep "$DOWN_S"
T=$EPOCHREALTIME
kc_server_start 1 || exit 1
kc_log "server restarted in $(kc_ms_since "$T") ms"
