# quick: mount, create/write/read back (small + 1 MiB, re-read from the server), mkdir/rename/readdir/remove, umount.
# Sourced by /init in a subshell: helpers ok/bad/kc_mount/log; variables SERVER EXPORT NFS_OPTS MNT GUEST_NAME RUN_ID.
if ! kc_mount; then bad "mount $SERVER:$EXPORT"; return; fi
ok "mount"
D=$MNT/quick-$GUEST_NAME-$RUN_ID
mkdir "$D" && ok "mkdir" || bad "mkdir"
echo "hello from $GUEST_NAME $RUN_ID" > "$D/small.txt" && ok "write small file" || bad "write small file"
[ "$(cat "$D/small.txt")" = "hello from $GUEST_NAME $RUN_ID" ] && ok "read back small file" || bad "read back small file"
dd if=/dev/urandom of=/tmp/big bs=64k count=16 2>/dev/null
cp /tmp/big "$D/big.bin" && sync && ok "write 1 MiB" || bad "write 1 MiB"
echo 3 > /proc/sys/vm/drop_caches                   # force the next read to come from the server
[ "$(md5sum < "$D/big.bin")" = "$(md5sum < /tmp/big)" ] && ok "read back 1 MiB (md5 matches)" || bad "1 MiB md5 mismatch"
[ "$(stat -c %s "$D/big.bin")" = 1048576 ] && ok "size 1048576" || bad "size $(stat -c %s "$D/big.bin")"
mv "$D/small.txt" "$D/renamed.txt" && [ -f "$D/renamed.txt" ] && [ ! -e "$D/small.txt" ] && ok "rename" || bad "rename"
[ "$(ls "$D" | sort | tr '\n' ' ')" = "big.bin renamed.txt " ] && ok "readdir" || bad "readdir: $(ls "$D" | tr '\n' ' ')"
rm "$D/big.bin" "$D/renamed.txt" && rmdir "$D" && [ ! -e "$D" ] && ok "remove + rmdir" || bad "remove + rmdir"
umount "$MNT" && ok "umount" || bad "umount"
