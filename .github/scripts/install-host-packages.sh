#!/usr/bin/env bash
# Installs the Debian packages the test suites use (PostgreSQL 15, Redis, sshd, nginx, Docker,
# debootstrap, ...) from the project's own list in bin/lib/setup.sh, so the test job on GitHub
# and `./bin/test` on a developer's machine install exactly the same things. Debian 12, as root.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=../../bin/lib/setup.sh
source "$root/bin/lib/setup.sh"
ensure_debian_packages
