#!/usr/bin/env bash
# Writes the SSH deploy key and the droplets' host keys where opsctl.yaml's ssh.key and
# ssh.knownHosts point (~/.ssh/opsctl_deploy and ~/.ssh/known_hosts by default).
# The key comes from the environment (the GitHub secret OPSCTL_DEPLOY_KEY), is written with mode
# 0600 and is never printed. Both values are checked before anything is written.
set -euo pipefail
key_file="${OPSCTL_DEPLOY_KEY_FILE:-${HOME:?HOME is not set}/.ssh/opsctl_deploy}"
known_hosts="${OPSCTL_KNOWN_HOSTS_FILE:-$HOME/.ssh/known_hosts}"

fail() {
  printf 'install-deploy-key: %s\n' "$1" >&2
  exit 2
}

[ -n "${OPSCTL_DEPLOY_KEY:-}" ] ||
  fail "OPSCTL_DEPLOY_KEY is empty. Store the deploy key's private half as the secret OPSCTL_DEPLOY_KEY of this GitHub environment (docs/ci-cd.md)."
case "$OPSCTL_DEPLOY_KEY" in
  "-----BEGIN "*"PRIVATE KEY-----"*) ;;
  *) fail "OPSCTL_DEPLOY_KEY does not hold a private key in PEM/OpenSSH form (it must start with -----BEGIN ... PRIVATE KEY-----); its value is not shown." ;;
esac
[ -n "${OPSCTL_KNOWN_HOSTS:-}" ] ||
  fail "OPSCTL_KNOWN_HOSTS is empty. Store the droplets' host keys (known_hosts lines you have checked) as the variable OPSCTL_KNOWN_HOSTS (docs/ci-cd.md)."

umask 077
mkdir -p "$(dirname "$key_file")" "$(dirname "$known_hosts")"
tmp="$(mktemp "$key_file.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
printf '%s\n' "$OPSCTL_DEPLOY_KEY" >"$tmp"
chmod 600 "$tmp"
mv "$tmp" "$key_file"
printf '%s\n' "$OPSCTL_KNOWN_HOSTS" >>"$known_hosts"
lines="$(printf '%s\n' "$OPSCTL_KNOWN_HOSTS" | grep -c .)"
printf 'install-deploy-key: wrote %s (mode 0600) and %s host key line(s) to %s\n' "$key_file" "$lines" "$known_hosts"
