#!/usr/bin/env bash
# Backs up an environment's database before a deploy: runs infrastructure/ansible/playbooks/backup.yml
# against infrastructure/ansible/inventory/<environment>.yml. The dump runs on the first API
# droplet (the only host the database admits) as the deploy user with the deploy key, the only
# key CI holds. The user is an extra var because group_vars/api.yml sets ansible_user to the admin
# account, which beats --user. The deploy user has no sudo, so the PostgreSQL client and s3cmd
# must already be there: setup-api.yml installs them (role opsctl_base).
#
#   OPSCTL_BACKUP_DATABASE_URL=... SPACES_ACCESS_KEY_ID=... SPACES_SECRET_ACCESS_KEY=... \
#     .github/scripts/backup-database.sh production
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

fail() {
  printf 'backup-database: %s\n' "$1" >&2
  exit 2
}

env_name="${1:-}"
[[ "$env_name" =~ ^[a-z][a-z0-9-]*$ ]] ||
  fail "usage: backup-database.sh <environment>, e.g. production (got \"$env_name\")."
inventory="infrastructure/ansible/inventory/$env_name.yml"
[ -f "$root/$inventory" ] ||
  fail "no inventory for $env_name: create $inventory with the environment's droplets in group api (infrastructure/README.md)."
for name in OPSCTL_BACKUP_DATABASE_URL SPACES_ACCESS_KEY_ID SPACES_SECRET_ACCESS_KEY; do
  [ -n "${!name:-}" ] || fail "$name is empty. Store it as a secret of the $env_name GitHub environment (docs/ci-cd.md)."
done
# The files install-deploy-key.sh wrote, named the same way. ssh finds ~/.ssh through the password
# database, not $HOME, so the host keys are passed explicitly, and an unknown host is refused.
key_file="${OPSCTL_DEPLOY_KEY_FILE:-${HOME:-}/.ssh/opsctl_deploy}"
known_hosts="${OPSCTL_KNOWN_HOSTS_FILE:-${HOME:-}/.ssh/known_hosts}"
[ -f "$key_file" ] || fail "no deploy key at $key_file: run .github/scripts/install-deploy-key.sh first."
[ -f "$known_hosts" ] || fail "no host keys at $known_hosts: run .github/scripts/install-deploy-key.sh first."
command -v ansible-playbook >/dev/null 2>&1 || fail "ansible-playbook is not installed: install ansible-core."

cd "$root/infrastructure/ansible"
exec ansible-playbook -i "inventory/$env_name.yml" -e ansible_user=deploy --private-key "$key_file" \
  --ssh-common-args "-o UserKnownHostsFile='$known_hosts' -o StrictHostKeyChecking=yes" \
  -e "opsctl_environment=$env_name" -e backup_install_packages=false playbooks/backup.yml
