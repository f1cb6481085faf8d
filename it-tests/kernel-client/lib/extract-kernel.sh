#!/bin/bash
# extract-kernel.sh PKG: download Debian's kernel package PKG with apt-get and keep what a guest needs in
# $KC_CACHE/kernel/PKG/: vmlinuz, an uncompressed vmlinux, the modules for virtio networking and the NFSv3
# client (with lockd and sunrpc) decompressed, their load order, and the kernel version. Called by setup.sh.
set -euo pipefail
KC_DIR=$(cd "$(dirname "$0")/.." && pwd)
. "$KC_DIR/lib/common.sh"
PKG=$1
KD=$KC_CACHE/kernel/$PKG
TMP=$(mktemp -d "$KC_CACHE/tmp.XXXXXX"); trap 'rm -rf "$TMP"' EXIT
chmod 755 "$TMP"; chown _apt "$TMP" 2>/dev/null || true   # apt downloads as _apt; avoids its "unsandboxed" warning
(cd "$TMP" && apt-get -q -o DPkg::Lock::Timeout=300 download "$PKG" >&2)
mkdir "$TMP/root"; dpkg-deb -x "$TMP/${PKG}"_*.deb "$TMP/root"
[ -d "$TMP/root/lib/modules" ] || { mkdir -p "$TMP/root/lib"; ln -s ../usr/lib/modules "$TMP/root/lib/modules"; }
KVER=$(ls "$TMP/root/lib/modules" | head -n 1)
depmod -b "$TMP/root" "$KVER"                      # the package ships no modules.dep
MD=$TMP/root/lib/modules/$KVER

# insmod has no dependency resolution: order the modules depth-first over modules.dep (virtio_ring before virtio...)
declare -A DEP=() PTH=(); ORDER=""
while IFS=: read -r k v; do n=${k##*/}; n=${n%%.ko*}; n=${n//-/_}; PTH[$n]=$k; DEP[$n]=$v; done < "$MD/modules.dep"
visit(){ local m=$1 d; case " $ORDER " in *" $m "*) return;; esac
  [ -n "${PTH[$m]:-}" ] || kc_die "module $m not found in $PKG"
  for d in ${DEP[$m]}; do d=${d##*/}; d=${d%%.ko*}; visit "${d//-/_}"; done
  ORDER="$ORDER $m"; }
for t in virtio_pci virtio_net nfsv3; do visit $t; done

rm -rf "$KD.new"; mkdir -p "$KD.new/modules"
for m in $ORDER; do
  src=$MD/${PTH[$m]}
  case "$src" in
    *.ko.xz)  xz -dc "$src";;
    *.ko.zst) zstd -qdc "$src";;
    *.ko.gz)  gzip -dc "$src";;
    *)        cat "$src";;
  esac > "$KD.new/modules/$m.ko"
done
echo $ORDER | tr ' ' '\n' > "$KD.new/load-order"
echo "$KVER" > "$KD.new/kver"
cp "$TMP"/root/boot/vmlinuz-* "$KD.new/vmlinuz"

# qemu -kernel boots an uncompressed ELF vmlinux through its PVH note, which saves the guest ~3 s of TCG time
# spent decompressing the bzImage. The payload is the first xz stream inside vmlinuz; without it, boot vmlinuz.
OFF=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$KD.new/vmlinuz" | head -n 1 | cut -d: -f1 || true)
if [ -n "$OFF" ] && tail -c +$((OFF+1)) "$KD.new/vmlinuz" > "$TMP/payload.xz" \
   && xz -dc --single-stream "$TMP/payload.xz" > "$KD.new/vmlinux" 2>/dev/null \
   && [ "$(head -c 4 "$KD.new/vmlinux" | od -An -c | tr -d ' ')" = '177ELF' ]; then :; else
  kc_info "could not extract vmlinux; guests boot the bzImage (~3 s slower)"; rm -f "$KD.new/vmlinux"
fi
rm -rf "$KD"; mv "$KD.new" "$KD"
kc_info "kernel $KVER: modules:$ORDER"
