# reach: the guest booted, reaches every server node over the bridge, and the server's portmapper answers.
# Needs no NFS service, so it proves the harness itself (kernel, initramfs, taps, bridge, node namespaces)
# against any server that runs rpcbind, e.g. servers/rpcbind.sh.
# Variables: REACH_PINGS (default 1) echo requests per node.
: ${REACH_PINGS:=1}
for ip in $NODE_IPS; do
  out=$(ping -c "$REACH_PINGS" -W 5 "$ip" 2>&1)
  if [ $? = 0 ]; then
    ok "ping $ip"
    # busybox: "round-trip min/avg/max = 0.512/0.640/0.770 ms"
    ms=$(echo "$out" | sed -n 's#.*min/avg/max = [0-9.]*/\([0-9.]*\)/.*#\1#p')
    [ -z "$ms" ] || result "METRIC name=reach_ping_ms node=$ip value=$ms"
  else
    bad "ping $ip: $(echo "$out" | tail -n 1)"
  fi
done
T=$(now)
if rpcinfo -p "$SERVER" > /tmp/rpcinfo.out 2>&1; then
  cat /tmp/rpcinfo.out
  grep -qw portmapper /tmp/rpcinfo.out && ok "rpcinfo -p $SERVER lists the portmapper" || bad "no portmapper in rpcinfo -p $SERVER"
  result "METRIC name=reach_rpcinfo_s value=$(since $T)"
else
  bad "rpcinfo -p $SERVER: $(tail -n 1 /tmp/rpcinfo.out)"
fi
result "METRIC name=reach_pings value=$REACH_PINGS"
