# admin: what a Linux administrator does on an NFSv3 mount, every step checked against the server (caches
# dropped first): write/read/append, mkdir -p, renames across directories, hard and symbolic links, chown and
# chmod as root, a non-root user's permissions, timestamps, truncate, df, ls -l of a large directory, mkfifo,
# rm -rf, umount. Then, on a root_squash export, root is nobody: its files belong to nobody and chown is refused.
# Sourced by /init in a subshell (helpers ok/bad/result/kc_mount/log/now/since; SERVER EXPORT NFS_OPTS MNT ...).
# $EXPORT must be exported rw,no_root_squash. Variables (GUEST_ENV):
#   ADMIN_SQUASH_EXPORT=   a root_squash (rw) export, world-writable, holding a root-owned 0644 file "rootfile"
#                          that reads "owned by root"; empty: that part is skipped
#   ADMIN_MANY=many        a directory of $EXPORT with ADMIN_MANY_COUNT entries (made on the server side: making
#                          10 000 files through a TCG guest takes minutes); empty: skipped
#   ADMIN_MANY_COUNT=10000
#   ADMIN_CREATE_COUNT=1000 files the guest itself creates in one directory, lists, and removes with rm -rf
: ${ADMIN_SQUASH_EXPORT:=} ${ADMIN_MANY=many} ${ADMIN_MANY_COUNT:=10000} ${ADMIN_CREATE_COUNT:=1000}
fresh(){ sync; echo 3 > /proc/sys/vm/drop_caches; }   # the next lookup, stat or read goes to the server
check(){ local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
eq(){ [ "$1" = "$2" ] || { log "  expected '$2', got '$1'"; return 1; }; }
# refused WHAT ERRTEXT CMD...: CMD must fail with ERRTEXT in its message
refused(){ local what=$1 err=$2; shift 2
  if "$@" 2>/tmp/err; then bad "$what: allowed"; elif grep -q "$err" /tmp/err; then ok "$what: $(cat /tmp/err)"
  else bad "$what: failed, but not with '$err': $(cat /tmp/err)"; fi; }

if ! kc_mount "$MNT"; then bad "mount $SERVER:$EXPORT"; return; fi
ok "mount $SERVER:$EXPORT"
D=$MNT/admin-$GUEST_NAME-$RUN_ID
mkdir "$D" && ok "mkdir" || bad "mkdir"

# ---- write, read back, append
echo "first line" > "$D/notes" && ok "write" || bad "write"
fresh
check "read back" eq "$(cat "$D/notes")" "first line"
echo "second line" >> "$D/notes" && ok "append" || bad "append"
fresh
check "read back after append" eq "$(cat "$D/notes")" "$(printf 'first line\nsecond line')"
check "size after append" eq "$(stat -c %s "$D/notes")" 23
dd if=/dev/urandom of=/tmp/a bs=64k count=32 2>/dev/null; dd if=/dev/urandom of=/tmp/b bs=64k count=16 2>/dev/null
cat /tmp/a /tmp/b > /tmp/ab
cp /tmp/a "$D/data" && cat /tmp/b >> "$D/data" && ok "write 2 MiB, append 1 MiB" || bad "write 2 MiB, append 1 MiB"
fresh
check "3 MiB read back (md5)" eq "$(md5sum < "$D/data")" "$(md5sum < /tmp/ab)"

# ---- directories and renames
mkdir -p "$D/tree/a/b/c" "$D/tree/x/y" && ok "mkdir -p" || bad "mkdir -p"
check "mkdir -p of an existing tree" mkdir -p "$D/tree/a/b/c"
refused "mkdir of an existing directory" "File exists" mkdir "$D/tree/a"
fresh
check "tree made" test -d "$D/tree/a/b/c" -a -d "$D/tree/x/y"
echo moving > "$D/tree/a/b/c/file"
mv "$D/tree/a/b/c/file" "$D/tree/x/y/moved" && ok "rename a file across directories" || bad "rename across directories"
fresh
check "renamed: old name gone" test ! -e "$D/tree/a/b/c/file"
check "renamed: content under the new name" eq "$(cat "$D/tree/x/y/moved")" moving
mv "$D/tree/a/b" "$D/tree/x/b" && ok "rename a directory across directories" || bad "rename a directory"
fresh
check "renamed directory keeps its subtree" test -d "$D/tree/x/b/c" -a ! -e "$D/tree/a/b"
echo old > "$D/t1"; echo new > "$D/t2"
mv "$D/t2" "$D/t1" && ok "rename over an existing file" || bad "rename over an existing file"
fresh
check "replaced file has the new content" eq "$(cat "$D/t1")" new
check "replacing name gone" test ! -e "$D/t2"
refused "rmdir of a non-empty directory" "not empty" rmdir "$D/tree/x"

# ---- hard and symbolic links
ln "$D/notes" "$D/tree/notes.hard" && ok "hard link across directories" || bad "hard link"
fresh
check "link count 2" eq "$(stat -c %h "$D/notes")" 2
check "same inode" eq "$(stat -c %i "$D/tree/notes.hard")" "$(stat -c %i "$D/notes")"
echo "third line" >> "$D/tree/notes.hard"
fresh
check "append through the link shows in the original" eq "$(tail -n 1 "$D/notes")" "third line"
rm "$D/notes" && ok "remove the original" || bad "remove the original"
fresh
check "the link survives, count 1" eq "$(stat -c %h "$D/tree/notes.hard")" 1
ln -s ../notes.hard "$D/tree/x/sym" && ok "symlink" || bad "symlink"
fresh
check "readlink" eq "$(readlink "$D/tree/x/sym")" ../notes.hard
check "symlink's type" eq "$(stat -c %F "$D/tree/x/sym")" "symbolic link"
check "read through the symlink" eq "$(head -n 1 "$D/tree/x/sym")" "first line"
ln -s /nonexistent/target "$D/dangling" && ok "dangling symlink" || bad "dangling symlink"
fresh
check "dangling symlink's target" eq "$(readlink "$D/dangling")" /nonexistent/target
check "dangling symlink leads nowhere" test -L "$D/dangling" -a ! -e "$D/dangling"

# ---- ownership and modes (root is root on this export: no_root_squash)
chown 1234:5678 "$D/t1" && ok "chown as root" || bad "chown as root"
fresh
check "owner 1234:5678" eq "$(stat -c %u:%g "$D/t1")" 1234:5678
chgrp 42 "$D/t1" && ok "chgrp as root" || bad "chgrp as root"
fresh
check "group 42" eq "$(stat -c %g "$D/t1")" 42
chmod 0640 "$D/t1" && ok "chmod 0640" || bad "chmod 0640"
fresh
check "mode 640" eq "$(stat -c %a "$D/t1")" 640
chmod u+x,g-r,o+r "$D/t1" && fresh
check "chmod u+x,g-r,o+r gives 704" eq "$(stat -c %a "$D/t1")" 704
chmod 4755 "$D/t1" && fresh
check "setuid mode 4755" eq "$(stat -c %a "$D/t1")" 4755
chmod 0700 "$D/tree/x" && fresh
check "directory mode 700" eq "$(stat -c %a "$D/tree/x")" 700
TZ=UTC touch -d '2020-01-02 03:04:05' "$D/t1" && ok "set mtime" || bad "set mtime"
fresh
check "mtime 2020-01-02T03:04:05Z" eq "$(stat -c %Y "$D/t1")" 1577934245

# ---- a non-root user: the server judges permissions as that user
mkdir "$D/pub" && chmod 0777 "$D/pub"
su -s /bin/sh nobody -c "echo mine > '$D/pub/by-nobody'" && ok "nobody writes in a 0777 directory" \
  || bad "nobody writes in a 0777 directory"
fresh
check "nobody's file belongs to nobody" eq "$(stat -c %u:%g "$D/pub/by-nobody")" 65534:65534
echo "root's" > "$D/pub/by-root"; chmod 0644 "$D/pub/by-root"
refused "nobody writes root's 0644 file" "Permission denied" su -s /bin/sh nobody -c "echo x >> '$D/pub/by-root'"
refused "nobody enters root's 0700 directory" "Permission denied" su -s /bin/sh nobody -c "ls '$D/tree/x'"
fresh
check "root's file unchanged" eq "$(cat "$D/pub/by-root")" "root's"

# ---- truncate
dd if=/dev/urandom of=/tmp/t bs=1k count=64 2>/dev/null; cp /tmp/t "$D/trunc"
truncate -s 1000 "$D/trunc" && ok "truncate to 1000 bytes" || bad "truncate to 1000 bytes"
fresh
check "size 1000" eq "$(stat -c %s "$D/trunc")" 1000
check "the first 1000 bytes kept" eq "$(md5sum < "$D/trunc")" "$(head -c 1000 /tmp/t | md5sum)"
truncate -s 5M "$D/trunc" && ok "extend to 5 MiB" || bad "extend to 5 MiB"
fresh
check "size 5242880" eq "$(stat -c %s "$D/trunc")" 5242880
check "the extension reads as zeros" eq "$(tail -c 4096 "$D/trunc" | md5sum)" "$(head -c 4096 /dev/zero | md5sum)"
: > "$D/trunc" && fresh
check "truncated to 0 by O_TRUNC" eq "$(stat -c %s "$D/trunc")" 0

# ---- special files, df
mkfifo "$D/fifo" && ok "mkfifo" || bad "mkfifo"
fresh
check "fifo is a fifo" test -p "$D/fifo"
df -Pk "$MNT" > /tmp/df && ok "df: $(tail -n 1 /tmp/df)" || bad "df"
check "df shows a size and free space" awk 'END {exit !($2 > 0 && $4 > 0)}' /tmp/df

# ---- a large directory
if [ -n "$ADMIN_MANY" ]; then
  T=$(now)
  ls -l "$MNT/$ADMIN_MANY" > /tmp/many; rc=$?
  secs=$(since "$T")
  n=$(grep -c '^-' /tmp/many)
  result "METRIC name=admin_ls_l_s value=$secs"
  result "METRIC name=admin_ls_l_entries value=$n"
  check "ls -l of $ADMIN_MANY: exit 0" eq "$rc" 0
  check "ls -l of $ADMIN_MANY lists $ADMIN_MANY_COUNT entries in $secs s" eq "$n" "$ADMIN_MANY_COUNT"
  check "$ADMIN_MANY: every name once" eq "$(awk '/^-/ {print $NF}' /tmp/many | sort -u | wc -l)" "$ADMIN_MANY_COUNT"
fi

# ---- many entries made through the client (removed by the rm -rf below)
mkdir "$D/made"
T=$(now); i=0
while [ $i -lt "$ADMIN_CREATE_COUNT" ]; do : > "$D/made/e$i" || break; i=$((i+1)); done
result "METRIC name=admin_create_s value=$(since "$T")"
check "created $ADMIN_CREATE_COUNT files in one directory" eq "$i" "$ADMIN_CREATE_COUNT"
fresh
check "ls lists the $ADMIN_CREATE_COUNT files" eq "$(ls "$D/made" | wc -l)" "$ADMIN_CREATE_COUNT"

# ---- root_squash: root is nobody on that export
if [ -n "$ADMIN_SQUASH_EXPORT" ]; then
  S=/mnt/squash; mkdir -p $S
  if mount.nfs "$SERVER:$ADMIN_SQUASH_EXPORT" $S -o "$NFS_OPTS"; then
    ok "mount the root_squash export"
    F=$S/squashed-$GUEST_NAME-$RUN_ID
    echo hi > "$F" && ok "root creates a file under root_squash" || bad "root creates a file under root_squash"
    fresh
    check "root's new file belongs to nobody" eq "$(stat -c %u:%g "$F")" 65534:65534
    refused "chown to root under root_squash" "Operation not permitted" chown 0:0 "$F"
    refused "chown to 1234 under root_squash" "Operation not permitted" chown 1234 "$F"
    check "a root-owned 0644 file is readable" eq "$(cat $S/rootfile)" "owned by root"
    refused "root writes a root-owned 0644 file under root_squash" "Permission denied" sh -c "echo x >> $S/rootfile"
    rm "$F" && ok "remove under root_squash" || bad "remove under root_squash"
    umount $S && ok "umount the root_squash export" || bad "umount the root_squash export"
  else
    bad "mount $SERVER:$ADMIN_SQUASH_EXPORT"
  fi
fi

# ---- clean up
T=$(now)
rm -rf "$D" && ok "rm -rf" || bad "rm -rf"
result "METRIC name=admin_rm_rf_s value=$(since "$T")"
fresh
check "tree gone" test ! -e "$D"
check "not listed any more" sh -c "! ls -a '$MNT' | grep -qx 'admin-$GUEST_NAME-$RUN_ID'"
umount "$MNT" && ok "umount" || bad "umount"
check "no longer mounted" sh -c "! grep -q ' $MNT ' /proc/mounts"
