# shellcheck shell=bash
# Shared setup for bin/opsctl and bin/test: installs only what is missing, so a second run is quick.
# Everything is installed either under .tools/ in this checkout or from Debian's packages.

OPSCTL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE_MAJOR=24
PNPM_VERSION=10.34.9
TOOLS_DIR="$OPSCTL_ROOT/.tools"
STATE_DIR="$OPSCTL_ROOT/.opsctl"

# Debian packages the local environment and the test suite use on the host.
DEBIAN_PACKAGES=(docker.io docker-compose debootstrap docker-registry apache2-utils openssl
  iproute2 wrk postgresql redis-server nginx-light haproxy ansible-core ansible-lint shellcheck
  yamllint ca-certificates rsync openssh-server openssh-client s3cmd curl)

say() { printf 'opsctl setup: %s\n' "$*" >&2; }

ensure_node() {
  local major
  if [ -x "$TOOLS_DIR/node/bin/node" ]; then
    export PATH="$TOOLS_DIR/node/bin:$PATH"
  fi
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" != "$NODE_MAJOR" ]; then
    say "Node $NODE_MAJOR not found (have ${major}); installing the npm package node@$NODE_MAJOR into .tools/node"
    npm install --global --no-fund --no-audit --prefer-offline --prefix "$TOOLS_DIR/node" "node@$NODE_MAJOR" >&2
    export PATH="$TOOLS_DIR/node/bin:$PATH"
  fi
  if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    say "installing pnpm $PNPM_VERSION into .tools/node"
    npm install --global --no-fund --no-audit --prefer-offline --prefix "$TOOLS_DIR/node" "pnpm@$PNPM_VERSION" >&2
    export PATH="$TOOLS_DIR/node/bin:$PATH"
  fi
}

ensure_dependencies() {
  local stamp="$OPSCTL_ROOT/node_modules/.opsctl-lock-hash" want
  want="$(sha256sum "$OPSCTL_ROOT/pnpm-lock.yaml" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing workspace dependencies (pnpm install --frozen-lockfile)"
    (cd "$OPSCTL_ROOT" && pnpm install --frozen-lockfile --reporter=append-only >&2)
    echo "$want" >"$stamp"
  fi
}

ensure_build() {
  say "building the workspace (turbo: unchanged packages come from its cache)"
  # turbo skips packages whose inputs did not change since the last build.
  (cd "$OPSCTL_ROOT" && pnpm exec turbo run build --output-logs=errors-only >&2)
}

ensure_debian_packages() {
  local missing=() p installed
  # One dpkg-query for the whole list: `opsctl ... local` runs this on every call.
  installed=" $(dpkg-query -W -f='${db:Status-Abbrev}${Package} ' "${DEBIAN_PACKAGES[@]}" 2>/dev/null |
    grep -o 'ii *[^ ]*' | sed 's/^ii *//' | tr '\n' ' ') "
  for p in "${DEBIAN_PACKAGES[@]}"; do
    [[ "$installed" == *" $p "* ]] || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    # The packaged services must not run on their own: opsctl starts what it needs, by pid.
    for p in nginx haproxy redis-server postgresql docker-registry docker ssh; do
      service "$p" stop >/dev/null 2>&1 || true
    done
  fi
}

# opsctl builds with BuildKit (DOCKER_BUILDKIT=1). A Docker CLI that needs the buildx plugin for
# that and lacks it fails; Debian's docker.io CLI (20.10) has BuildKit built in. Put it first in
# PATH through .tools/bin when the first `docker` cannot build with BuildKit.
ensure_docker_cli() {
  if docker buildx version >/dev/null 2>&1 || [ ! -x /usr/bin/docker ]; then return 0; fi
  if [ "$(command -v docker)" = /usr/bin/docker ]; then return 0; fi
  mkdir -p "$TOOLS_DIR/bin"
  ln -sfn /usr/bin/docker "$TOOLS_DIR/bin/docker"
  export PATH="$TOOLS_DIR/bin:$PATH"
}

# Tests need a Docker engine. There is no systemd on these machines, so start dockerd when none
# answers and stop exactly that one (by pid) when the calling script exits.
ensure_docker_engine() {
  if docker info >/dev/null 2>&1; then return 0; fi
  mkdir -p "$STATE_DIR"
  say "starting the Docker engine (log: .opsctl/dockerd.log)"
  dockerd >"$STATE_DIR/dockerd.log" 2>&1 &
  OPSCTL_DOCKERD_PID=$!
  trap 'stop_docker_engine' EXIT
  local _
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  say "the Docker engine did not start; see $STATE_DIR/dockerd.log"
  return 1
}

stop_docker_engine() {
  if [ -n "${OPSCTL_DOCKERD_PID:-}" ] && kill -0 "$OPSCTL_DOCKERD_PID" 2>/dev/null; then
    say "stopping the Docker engine this run started"
    kill "$OPSCTL_DOCKERD_PID"
    local _
    for _ in $(seq 1 60); do
      kill -0 "$OPSCTL_DOCKERD_PID" 2>/dev/null || return 0
      sleep 0.5
    done
    kill -9 "$OPSCTL_DOCKERD_PID" 2>/dev/null || true
  fi
}

# The pre-commit hook (lefthook.yml: secretlint over the staged files). Only in a git checkout;
# `lefthook install` is idempotent and leaves other hooks alone.
ensure_git_hooks() {
  if git -C "$OPSCTL_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$OPSCTL_ROOT" && pnpm exec lefthook install >/dev/null)
  fi
}

# Set up after a successful ensure_all; anything that ensure_all reads being newer means it must
# run again (a pull, a checkout, an edit). Directories count too: their time changes when a file
# is added or removed.
SETUP_STAMP="$TOOLS_DIR/setup-done"

setup_is_current() {
  [ -f "$SETUP_STAMP" ] && [ -x "$TOOLS_DIR/node/bin/node" ] || return 1
  local newer
  newer="$(cd "$OPSCTL_ROOT" && find package.json pnpm-lock.yaml turbo.json bin/lib/setup.sh \
    packages/*/package.json packages/*/tsconfig*.json packages/*/src \
    -newer "$SETUP_STAMP" -print -quit 2>/dev/null)"
  [ -z "$newer" ]
}

ensure_all() {
  local started="$SETUP_STAMP.$$"
  mkdir -p "$TOOLS_DIR"
  # Taken before the build starts, so a file changed while it runs still counts as newer.
  touch "$started"
  ensure_docker_cli
  ensure_node
  ensure_dependencies
  ensure_git_hooks
  ensure_build
  mv -f "$started" "$SETUP_STAMP"
}

# bin/opsctl's start: at once when nothing changed since the last setup, else the whole setup.
ensure_all_quickly() {
  if setup_is_current; then
    export PATH="$TOOLS_DIR/node/bin:$PATH"
    if [ -d "$TOOLS_DIR/bin" ]; then export PATH="$TOOLS_DIR/bin:$PATH"; fi
    return 0
  fi
  if [ -f "$SETUP_STAMP" ]; then say "sources changed since the last build: building"; fi
  ensure_all
}
