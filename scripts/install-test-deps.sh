#!/usr/bin/env bash
# Installs the Debian packages the tests use, when missing. Package scripts are kept from starting daemons
# (rpcbind, statd, dockerd) on this machine: the tests start what they need in their own network namespaces, and
# the container test starts dockerd itself when none runs.
set -euo pipefail

# package -> a file it installs, to tell whether it is there
declare -A want=(
  [rpcbind]=/usr/sbin/rpcinfo
  [nfs-common]=/usr/sbin/showmount
  [libnfs-utils]=/usr/bin/nfs-ls
  [iproute2]=/usr/sbin/ip
  [libcap2-bin]=/usr/sbin/capsh
  [python3]=/usr/bin/python3
  [prometheus]=/usr/bin/promtool
  [curl]=/usr/bin/curl
  [nftables]=/usr/sbin/nft
  [systemd]=/usr/bin/systemd-analyze
  # the container image and its cluster test (deploy/container): the engine the test starts, and the base
  # root file system's maker
  [docker.io]=/usr/sbin/dockerd
  [debootstrap]=/usr/sbin/debootstrap
)
missing=()
for pkg in "${!want[@]}"; do
  [ -e "${want[$pkg]}" ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "test dependencies: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "test dependencies missing: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "test dependencies: installing ${missing[*]} (apt-get)..."
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created_policy=1
fi
trap '[ "$created_policy" = 1 ] && rm -f "$policy"' EXIT
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
echo "test dependencies: installed"
