#!/bin/bash
# setup.sh: prepare this machine for the kernel-client tests. Idempotent and non-interactive; when everything
# is in place it does no apt work and returns in well under a second. Called by the project's ./test.
#   1. Debian packages (apt-get): qemu-system-x86, busybox-static, cpio, kmod, gcc, nfs-common, rpcbind,
#      iproute2, tcpdump, nftables (partitions in host/cluster-partition.sh), jq, curl and a few helpers. Package scripts are kept from starting rpcbind/statd on the host:
#      the tests start what they need inside their own namespaces.
#   2. The guest kernel: Debian's linux-image package (apt-get download), unpacked into $KC_CACHE; only vmlinuz,
#      an uncompressed vmlinux and the ~16 modules the guest needs (virtio net, NFSv3 client, lockd) are kept.
#   3. The base initramfs (lib/build-initramfs.sh).
# It installs no NFS server: the server under test is given to run.sh by the caller.
#
#   sudo ./setup.sh                                        # everything, into /var/cache/handoff-kernel-client
#   KC_CACHE=/some/dir ./setup.sh                          # another cache directory
#   KC_KERNEL_PKG=linux-image-6.1.0-41-amd64 ./setup.sh    # pin the kernel (default: what linux-image-amd64 names)
#   ./setup.sh --force                                     # download the kernel and rebuild everything again
set -euo pipefail
KC_DIR=$(cd "$(dirname "$0")" && pwd)
. "$KC_DIR/lib/common.sh"
FORCE=0; [ "${1:-}" = --force ] && FORCE=1
export DEBIAN_FRONTEND=noninteractive
APT=(apt-get -o DPkg::Lock::Timeout=300 -q)
T0=$EPOCHREALTIME
step(){ kc_info "[setup $1/3 +$(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", b-a}')s] $2"; }

PKGS=(qemu-system-x86 qemu-system-data busybox-static cpio gzip xz-utils zstd kmod gcc libc6-dev
      nfs-common rpcbind util-linux iproute2 coreutils tcpdump nftables jq curl)
missing=()
# one dpkg-query for all of them keeps the fast path fast
installed=$(dpkg-query -W -f='${Package} ${Status}\n' "${PKGS[@]}" 2>/dev/null | awk '/ install ok installed$/{print $1}' || true)
for p in "${PKGS[@]}"; do grep -qx "$p" <<< "$installed" || missing+=("$p"); done

if [ "$(id -u)" != 0 ]; then
  # nothing to do needs no root: say so and succeed, so that the test command works for any user once set up
  if [ $FORCE = 0 ] && [ ${#missing[@]} = 0 ] && [ -f "$KC_KERNEL_DIR/load-order" ] && kc_base_fresh; then
    step 3 "ready: kernel $(cat "$KC_KERNEL_DIR/kver"), cache $KC_CACHE (nothing to do)"; exit 0
  fi
  kc_die "setup.sh must run as root to install packages or build into $KC_CACHE${missing[*]:+ (missing: ${missing[*]})}"
fi
mkdir -p "$KC_CACHE"
exec 8>"$KC_CACHE/.setup.lock"
flock -n 8 || { kc_info "another setup.sh is running; waiting for it"; flock 8; }

# ---- 1. packages
APT_UPDATED=0
apt_update(){ [ $APT_UPDATED = 1 ] || { step 1 "apt-get update"; "${APT[@]}" update >&2; APT_UPDATED=1; }; }
if [ ${#missing[@]} -gt 0 ]; then
  step 1 "installing ${missing[*]}"
  apt_update
  # policy-rc.d exit 101 = "start no service": rpcbind's package would otherwise take port 111 on the host
  PRC=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    PRC=/usr/sbin/policy-rc.d; printf '#!/bin/sh\nexit 101\n' > $PRC; chmod 755 $PRC
    trap 'rm -f "$PRC"' EXIT
  fi
  "${APT[@]}" install -y --no-install-recommends "${missing[@]}" >&2
  if [ -n "$PRC" ]; then rm -f "$PRC"; trap - EXIT; fi
else
  step 1 "packages: all ${#PKGS[@]} present"
fi

# ---- 2. guest kernel
mkdir -p "$KC_CACHE/kernel" "$KC_CACHE/initrd" "$KC_CACHE/runs"
PKG=${KC_KERNEL_PKG:-}
if [ -z "$PKG" ] && [ $FORCE = 0 ] && [ -f "$KC_KERNEL_DIR/load-order" ]; then
  PKG=$(basename "$(readlink "$KC_KERNEL_DIR")")     # one is already there: leave apt alone
fi
if [ -z "$PKG" ]; then
  resolve(){ apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}'; }
  PKG=$(resolve); [ -n "$PKG" ] || { apt_update; PKG=$(resolve); }
  [ -n "$PKG" ] || kc_die "cannot resolve linux-image-amd64 to a kernel package (apt sources?)"
fi
KD=$KC_CACHE/kernel/$PKG
if [ $FORCE = 1 ] || [ ! -f "$KD/vmlinuz" ] || [ ! -f "$KD/load-order" ]; then
  step 2 "downloading kernel package $PKG (about 70 MB)"
  "$KC_DIR/lib/extract-kernel.sh" "$PKG" || { apt_update; "$KC_DIR/lib/extract-kernel.sh" "$PKG"; }
else
  step 2 "kernel: $PKG ($(cat "$KD/kver")) present"
fi
ln -sfn "$PKG" "$KC_KERNEL_DIR"

# ---- 3. base initramfs
if [ $FORCE = 1 ] || ! kc_base_fresh; then
  step 3 "building the base initramfs"
  [ $FORCE = 0 ] || rm -f "$KC_BASE_STAMP"
  "$KC_DIR/lib/build-initramfs.sh"
else
  step 3 "base initramfs up to date"
fi
step 3 "ready: kernel $(cat "$KC_KERNEL_DIR/kver"), cache $KC_CACHE"
