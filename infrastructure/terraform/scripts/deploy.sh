#!/usr/bin/env bash
# Plans an environment to a file, shows the plan, and applies exactly that plan.
#
#   scripts/deploy.sh <environment> [--plan-only] [--auto-approve] [--allow-destroy]
#
#   --plan-only      stop after showing the plan
#   --auto-approve   apply without asking (required when there is no terminal, e.g. in CI)
#   --allow-destroy  apply even if the plan destroys or replaces resources (refused otherwise)
#
# Exit codes: 0 applied or nothing to do, 1 failure, 2 bad usage, 3 refused (destroys or no approval).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

env_name=""
plan_only=0
auto_approve=0
allow_destroy=0
for arg in "$@"; do
  case "$arg" in
    --plan-only) plan_only=1 ;;
    --auto-approve) auto_approve=1 ;;
    --allow-destroy) allow_destroy=1 ;;
    -h | --help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*) die "unknown option $arg (known: --plan-only, --auto-approve, --allow-destroy)" 2 ;;
    *) [ -z "$env_name" ] || die "only one environment at a time (got '$env_name' and '$arg')" 2; env_name="$arg" ;;
  esac
done
dir="$(environment_dir "$env_name")"
[ -d "$dir/.terraform" ] || die "$env_name is not initialised; run scripts/init.sh $env_name first" 2
if grep -q 'digitalocean/digitalocean' "$dir"/*.tf; then
  require_env DIGITALOCEAN_TOKEN AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
  # The provider manages Spaces buckets with the same Spaces key the backend uses, unless told otherwise.
  export SPACES_ACCESS_KEY_ID="${SPACES_ACCESS_KEY_ID:-$AWS_ACCESS_KEY_ID}"
  export SPACES_SECRET_ACCESS_KEY="${SPACES_SECRET_ACCESS_KEY:-$AWS_SECRET_ACCESS_KEY}"
fi
command -v python3 >/dev/null || die "python3 is needed to read the plan; install it (apt-get install python3)" 2

# Colour codes only help a person at a terminal; CI logs get plain text.
color=()
[ -t 1 ] || color=(-no-color)

plan="$dir/.terraform/opsctl-deploy.tfplan"
rm -f "$plan"
set +e
terraform -chdir="$dir" plan "${color[@]}" -input=false -lock-timeout=120s -detailed-exitcode -out="$plan"
status=$?
set -e
case "$status" in
  0)
    say "no changes for $env_name"
    rm -f "$plan"
    exit 0
    ;;
  2) ;;
  *) die "terraform plan failed for $env_name (exit $status)" ;;
esac

say "the plan that will be applied:"
terraform -chdir="$dir" show "${color[@]}" "$plan"

# Every resource the plan deletes, including replacements (delete + create).
destroys="$(terraform -chdir="$dir" show -json "$plan" | python3 -c '
import json, sys
plan = json.load(sys.stdin)
for rc in plan.get("resource_changes", []):
    if "delete" in rc["change"]["actions"]:
        print(rc["address"])
')"
if [ -n "$destroys" ]; then
  say "this plan destroys or replaces:"
  while IFS= read -r address; do printf '  - %s\n' "$address" >&2; done <<<"$destroys"
  if [ "$allow_destroy" -ne 1 ]; then
    rm -f "$plan"
    die "refusing to apply a plan that destroys resources. Check the list above; if it is intended, run again with --allow-destroy" 3
  fi
fi

if [ "$plan_only" -eq 1 ]; then
  say "--plan-only: not applying"
  rm -f "$plan"
  exit 0
fi

if [ "$auto_approve" -ne 1 ]; then
  [ -t 0 ] || {
    rm -f "$plan"
    die "no terminal to confirm on; pass --auto-approve to apply the plan shown above" 3
  }
  read -r -p "Apply this plan to $env_name? Type yes: " answer
  [ "$answer" = "yes" ] || {
    rm -f "$plan"
    die "not applied" 3
  }
fi

terraform -chdir="$dir" apply "${color[@]}" -input=false -lock-timeout=120s "$plan"
rm -f "$plan"
say "applied to $env_name"
