# Shared settings of setup.sh, run.sh and lib/*.sh (sourced, not run).
# Large artifacts (the Debian kernel, its modules, the base initramfs, run directories) live in KC_CACHE,
# outside the repository, so that a checkout stays small and `git status` stays clean.
KC_DIR=${KC_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
KC_CACHE=${KC_CACHE:-/var/cache/handoff-kernel-client}
KC_KERNEL_DIR=$KC_CACHE/kernel/current          # symlink to kernel/<package name>/
KC_BASE_INITRD=$KC_CACHE/initrd/base.cpio.gz     # busybox, modules, nfs-common/rpcbind binaries, locktest, iotest
KC_BASE_STAMP=$KC_CACHE/initrd/base.stamp

kc_die(){ echo "kernel-client: ERROR: $*" >&2; exit 2; }
kc_info(){ echo "kernel-client: $*" >&2; }

# The base initramfs is rebuilt whenever one of its inputs changes: this hash names them all.
kc_base_hash(){
  { cat "$KC_DIR/lib/build-initramfs.sh" "$KC_DIR"/src/*.c
    readlink "$KC_KERNEL_DIR" 2>/dev/null
  } | sha256sum | cut -d' ' -f1
}
kc_base_fresh(){ [ -f "$KC_BASE_INITRD" ] && [ "$(cat "$KC_BASE_STAMP" 2>/dev/null)" = "$(kc_base_hash)" ]; }
