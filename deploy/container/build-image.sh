#!/usr/bin/env bash
# Builds the Handoff runtime image (default handoff:local) from scratch, with no image registry:
#   1. a minimal Debian root file system (debootstrap --variant=minbase, plus iproute2 and libcap2-bin), made
#      once and cached as a tarball under $HANDOFF_IMAGE_CACHE (default /var/cache/handoff-image), then
#      `docker import`ed as the base image handoff-base:<suite>-<key>;
#   2. a jlink'ed JDK 25 runtime (the JDK scripts/jdk.sh finds) with the modules jdeps says the server needs;
#   3. `docker build` of Dockerfile on that base: the runtime, the launcher and the built server under
#      /opt/handoff, a non-root user and the file capabilities the server needs (README.md).
# An image whose inputs (runtime, jars, Dockerfile) have not changed is kept, so a second run takes seconds.
#
#   deploy/container/build-image.sh                     build the server if needed (./handoff), then the image
#   deploy/container/build-image.sh --server DIR        take handoff-server.jar and lib/ from DIR instead
#   deploy/container/build-image.sh --tag NAME:TAG      another image name
# Needs root (debootstrap), a running Docker engine, and the Debian mirror of this machine's apt sources.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tag=handoff:local
server_dir=
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag="$2"; shift 2 ;;
    --server) server_dir="$(cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-image: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
done

suite=bookworm
# Keep this list short: it is the whole image besides the runtime and the server. iproute2 is the `ip` the
# linux address manager runs; libcap2-bin gives setcap to the Dockerfile (and getcap to an operator).
packages=iproute2,libcap2-bin
key="$(printf '%s\n' "$suite" minbase "$packages" | sha256sum | cut -c1-12)"
base="handoff-base:$suite-$key"
cache="${HANDOFF_IMAGE_CACHE:-/var/cache/handoff-image}"
started=$SECONDS

. "$root/scripts/jdk.sh"
handoff_find_jdk
docker info >/dev/null 2>&1 || { echo "build-image: no Docker engine answers (start dockerd; README.md)" >&2; exit 1; }

if [ -z "$server_dir" ]; then
  "$root/handoff" --version >/dev/null
  server_dir="$root/server/${HANDOFF_TARGET:-target}"
fi
[ -f "$server_dir/handoff-server.jar" ] && [ -d "$server_dir/lib" ] \
  || { echo "build-image: $server_dir has no handoff-server.jar and lib/" >&2; exit 1; }

work="$(mktemp -d /tmp/handoff-image.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# The Debian mirror this machine already uses (never a fixed address): the first URIs: line of its sources.
debian_mirror() {
  local f
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' "$f" | head -n 1 | grep . && return 0
  done
  sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\{0,1\}\([^[:space:]]*\).*/\2/p' /etc/apt/sources.list \
    2>/dev/null | head -n 1 | grep .
}

make_rootfs_tarball() {  # -> $cache/rootfs-$suite-$key.tar
  local dir="$work/rootfs" mirror
  mirror="$(debian_mirror)" || { echo "build-image: no Debian mirror in /etc/apt/sources*" >&2; exit 1; }
  command -v debootstrap >/dev/null || { echo "build-image: debootstrap missing (scripts/install-test-deps.sh)" >&2; exit 1; }
  echo "build-image: debootstrap $suite (minbase + $packages) from $mirror, once; cached in $cache" >&2
  debootstrap --variant=minbase --include="$packages" "$suite" "$dir" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
  # What a runtime never reads: package caches and lists, documentation, manual pages, translations.
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* \
    "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/locale/* "$dir"/var/log/*.log
  mkdir -p "$cache"
  tar --numeric-owner --xattrs -C "$dir" -cf "$cache/.rootfs-$suite-$key.tar.part" .
  mv "$cache/.rootfs-$suite-$key.tar.part" "$cache/rootfs-$suite-$key.tar"
  rm -rf "$dir"
}

if ! docker image inspect "$base" >/dev/null 2>&1; then
  [ -f "$cache/rootfs-$suite-$key.tar" ] || make_rootfs_tarball
  echo "build-image: docker import $base" >&2
  docker import --message "debootstrap --variant=minbase --include=$packages $suite" \
    "$cache/rootfs-$suite-$key.tar" "$base" >/dev/null
fi

# Same inputs, same image: the JDK, the server's jars, the launcher, this recipe and the base. Checked before
# jlink, which is most of a rebuild's time.
inputs="$( (sha256sum "$JAVA_HOME/release" "$server_dir/handoff-server.jar" "$server_dir"/lib/*.jar "$root/handoff" \
  "$root/scripts/jdk.sh" "$here/Dockerfile" "$here/build-image.sh" | cut -d' ' -f1; echo "$base") | sha256sum | cut -c1-16)"
if [ "$(docker image inspect -f '{{index .Config.Labels "dev.handoff.inputs"}}' "$tag" 2>/dev/null)" = "$inputs" ]; then
  echo "build-image: $tag is up to date (inputs $inputs)" >&2
  exit 0
fi

# The runtime: what jdeps finds in the server and its libraries, plus what the launcher and the JVM reach
# without a static reference (java.se: the launcher's --add-modules; jdk.management: its --add-opens;
# jdk.naming.dns: the JNDI DNS provider, found at run time, which jdeps cannot see).
ctx="$work/context"
mkdir -p "$ctx/handoff/scripts" "$ctx/handoff/server/target"
found="$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 \
  --class-path "$server_dir/lib/*" "$server_dir/handoff-server.jar" "$server_dir"/lib/*.jar 2>/dev/null | tail -n 1)"
modules="$(printf %s "$found,java.se,jdk.management,jdk.unsupported,jdk.naming.dns" | tr , "\n" | sort -u | paste -sd,)"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress zip-6 --output "$ctx/java"
cp "$root/handoff" "$ctx/handoff/handoff"
cp "$root/scripts/jdk.sh" "$ctx/handoff/scripts/jdk.sh"
cp "$server_dir/handoff-server.jar" "$ctx/handoff/server/target/"
cp -r "$server_dir/lib" "$ctx/handoff/server/target/lib"
cp "$here/Dockerfile" "$ctx/Dockerfile"

echo "build-image: docker build $tag (runtime modules: $modules)" >&2
# The legacy builder (no buildx here); its output only matters when it fails.
DOCKER_BUILDKIT=0 docker build --build-arg "BASE=$base" --label "dev.handoff.inputs=$inputs" -t "$tag" "$ctx" \
  >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; exit 1; }
size="$(docker image inspect -f '{{.Size}}' "$tag")"
echo "build-image: built $tag ($((size / 1024 / 1024)) MiB) in $((SECONDS - started)) s" >&2
