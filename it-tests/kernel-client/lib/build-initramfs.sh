#!/bin/bash
# build-initramfs.sh: build the BASE guest initramfs, $KC_CACHE/initrd/base.cpio.gz:
#   busybox (static), the guest kernel's modules with their load order, the host's mount.nfs, rpc.statd,
#   sm-notify, rpcbind, rpcinfo, showmount and flock with their shared libraries (ldd closure), and the static
#   test tools locktest and iotest compiled from src/.
# /init and /tests are not in it: run.sh appends them as a second cpio archive at every run, so editing guest/
# needs no rebuild. Called by setup.sh, and by run.sh when src/ or this file changed (see kc_base_hash).
set -euo pipefail
KC_DIR=$(cd "$(dirname "$0")/.." && pwd)
. "$KC_DIR/lib/common.sh"
[ -f "$KC_KERNEL_DIR/load-order" ] || kc_die "no guest kernel in $KC_KERNEL_DIR: run $KC_DIR/setup.sh first"
mkdir -p "$KC_CACHE/initrd"
exec 9>"$KC_CACHE/initrd/.lock"; flock 9          # runs started together build it once
kc_base_fresh && exit 0

W=$(mktemp -d "$KC_CACHE/initrd/build.XXXXXX"); trap 'rm -rf "$W"' EXIT
R=$W/root
mkdir -p $R/{bin,sbin,usr/bin,usr/sbin,etc,proc,sys,dev,run,tmp,mnt,kc,tests,var/lib/nfs/sm,var/lib/nfs/sm.bak,lib/modules,lib64}
BB=/bin/busybox
if ldd $BB 2>/dev/null | grep -q '=>'; then kc_die "$BB is not static: apt-get install busybox-static"; fi
cp $BB $R/bin/busybox
for m in $(cat "$KC_KERNEL_DIR/load-order"); do cp "$KC_KERNEL_DIR/modules/$m.ko" $R/lib/modules/; done
cp "$KC_KERNEL_DIR/load-order" $R/lib/modules/load-order

copybin(){ # $1 = path inside the guest; the host binary is at that path or found on PATH
  local dst=$1 src
  src=$dst; [ -x "$src" ] || src=$(command -v "$(basename "$dst")") || kc_die "missing host binary $(basename "$dst")"
  install -D -m755 "$src" "$R$dst"
  ldd "$src" 2>/dev/null | grep -oE '/[^ ]+' | while read -r l; do
    [ -e "$R$l" ] || install -D -m755 "$(readlink -f "$l")" "$R$l"; done
}
for b in /sbin/mount.nfs /sbin/rpc.statd /usr/sbin/sm-notify /sbin/rpcbind /usr/sbin/rpcinfo /sbin/showmount /usr/bin/flock; do
  copybin $b
done
gcc -O2 -Wall -static -o $R/bin/locktest "$KC_DIR/src/locktest.c"
gcc -O2 -Wall -static -o $R/bin/iotest "$KC_DIR/src/iotest.c"

cp /etc/netconfig $R/etc/netconfig                 # libtirpc reads it
printf 'root:x:0:0:root:/:/bin/sh\n_rpc:x:100:65534::/run/rpcbind:/bin/false\nstatd:x:101:65534::/var/lib/nfs:/bin/false\nnobody:x:65534:65534::/:/bin/false\n' > $R/etc/passwd
printf 'root:x:0:\nnogroup:x:65534:\n' > $R/etc/group
printf 'passwd: files\ngroup: files\nhosts: files\nservices: files\nprotocols: files\nrpc: files\n' > $R/etc/nsswitch.conf
printf '127.0.0.1 localhost\n' > $R/etc/hosts        # each guest's extra archive replaces it with the run's names
cp /etc/services /etc/protocols /etc/rpc $R/etc/
ln -sf /proc/self/mounts $R/etc/mtab
: > $R/etc/resolv.conf
(cd $R && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) > "$W/base.cpio.gz"
mv "$W/base.cpio.gz" "$KC_BASE_INITRD"
kc_base_hash > "$KC_BASE_STAMP"
kc_info "base initramfs: $KC_BASE_INITRD ($(du -h "$KC_BASE_INITRD" | cut -f1))"
