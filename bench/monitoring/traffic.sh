#!/usr/bin/env bash
# One NFS client loop for draw.sh, run inside the client's network namespace: copy a file in through the VIP,
# copy it back and compare, list the directory; again until the stop file appears. Each tool gets a time limit,
# so a call stalled by a VIP move shows as a failed round, not as a loop that hangs. One line per round in the
# log: "ok START END", or "fail START END: what the failing tool said". nfs-cp never overwrites, so each round
# writes a new name and removes the last round's file straight from the export directory (shared storage).
#   traffic.sh NFS_DIR_URL EXPORT_DIR LOCAL_FILE NAME STOP_FILE LOG
set -uo pipefail
url="$1" shared="$2" src="$3" name="$4" stop="$5" log="$6"
query="?version=3"
back="$(mktemp -u)" err="$(mktemp)"
trap 'rm -f "$back" "$err"' EXIT
round=0
while [ ! -e "$stop" ]; do
  round=$((round + 1))
  file="$name.$round"
  rm -f "$back" "$shared/$name.$((round - 1))"
  start="$(date +%s.%N)"
  if timeout 30 nfs-cp "$src" "$url/$file$query" >"$err" 2>&1 \
      && timeout 30 nfs-cp "$url/$file$query" "$back" >"$err" 2>&1 \
      && cmp "$src" "$back" >"$err" 2>&1 \
      && timeout 30 nfs-ls "$url/$query" >"$err" 2>&1; then
    echo "ok $start $(date +%s.%N)" >>"$log"
  else
    echo "fail $start $(date +%s.%N): $(tr '\n' ' ' <"$err" | cut -c1-200)" >>"$log"
  fi
done
