# shellcheck shell=bash
# Shared by init.sh and deploy.sh: argument checks and where an environment lives.

TF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Tests point this at fixture environments; everyone else uses the real ones.
ENVIRONMENTS_DIR="${OPSCTL_TF_ENVIRONMENTS_DIR:-$TF_ROOT/environments}"

say() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }
die() {
  say "$1"
  exit "${2:-1}"
}

known_environments() {
  find "$ENVIRONMENTS_DIR" -mindepth 1 -maxdepth 1 -type d -printf '%f ' | sed 's/ $//'
}

environment_dir() {
  local name="$1" dir
  [ -n "$name" ] || die "no environment given. Usage: $(basename "$0") <environment> (one of: $(known_environments))" 2
  case "$name" in
    */* | .*) die "environment '$name' is not a plain name; use one of: $(known_environments)" 2 ;;
  esac
  dir="$ENVIRONMENTS_DIR/$name"
  [ -d "$dir" ] || die "unknown environment '$name'; use one of: $(known_environments)" 2
  printf '%s\n' "$dir"
}

require_env() {
  local missing=() v
  for v in "$@"; do
    [ -n "${!v:-}" ] || missing+=("$v")
  done
  [ "${#missing[@]}" -eq 0 ] || die "missing environment variables: ${missing[*]} (see infrastructure/README.md, 'Credentials')" 2
}

# Reads a string setting of the s3 backend block, e.g. backend_setting versions.tf bucket.
backend_setting() {
  sed -n "/backend \"s3\"/,/^  }/s/^ *$2 *= *\"\\([^\"]*\\)\".*/\\1/p" "$1" | head -n1
}
