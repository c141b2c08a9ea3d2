#!/usr/bin/env bash
# Makes the local base images, since nothing can be pulled from Docker Hub here:
#   opsctl-local/debian:bookworm  debootstrap minbase, imported
#   opsctl-local/node:24          that plus the Node 24 binary of the npm node@24 package, user node (1000)
# Idempotent: an image that exists is kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base=opsctl-local/debian:bookworm
node_image=opsctl-local/node:24

mirror() {
  # The Debian mirror this machine is configured with (deb822 or one-line format).
  local uri
  uri="$(grep -hoE '^URIs: *\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 | awk '{print $2}')"
  [ -n "$uri" ] || uri="$(grep -hoE '^deb +\S+' /etc/apt/sources.list 2>/dev/null | head -n1 | awk '{print $2}')"
  echo "${uri:-http://deb.debian.org/debian}"
}

if ! docker image inspect "$base" >/dev/null 2>&1; then
  echo "testbed: building $base with debootstrap (about a minute)" >&2
  rootfs="$(mktemp -d /tmp/opsctl-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' EXIT
  debootstrap --variant=minbase bookworm "$rootfs" "$(mirror)" >/dev/null
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/bash"]' - "$base" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
fi

if ! docker image inspect "$node_image" >/dev/null 2>&1; then
  echo "testbed: building $node_image" >&2
  ctx="$(mktemp -d /tmp/opsctl-node-ctx.XXXXXX)"
  node_bin="$(node -p 'process.execPath')"
  # The npm package's bin/node may be a shim; the real binary sits beside its package.json.
  real="$(dirname "$node_bin")/../lib/node_modules/node/bin/node"
  [ -x "$real" ] && node_bin="$real"
  "$node_bin" --version | grep -q '^v24\.' || { echo "testbed: need the Node 24 binary, got $("$node_bin" --version)" >&2; exit 1; }
  cp "$node_bin" "$ctx/node"
  strip --strip-debug "$ctx/node" 2>/dev/null || true
  cp "$here/node/Dockerfile" "$ctx/Dockerfile"
  docker build -q -t "$node_image" "$ctx" >/dev/null
  rm -rf "$ctx"
fi
