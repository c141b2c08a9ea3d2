#!/usr/bin/env bash
# Branch protection and deployment environments as code, through GitHub's REST API:
# - main and develop get the rules in .github/branch-protection/<branch>.json (pull requests only,
#   the CI checks code-quality, test and build must pass on an up-to-date branch, no force pushes);
# - the environments staging and production may only be deployed from protected branches, and
#   production waits for one of OPSCTL_PRODUCTION_REVIEWERS to approve.
#
#   GITHUB_TOKEN=<token with repository administration: write> GITHUB_REPOSITORY=owner/name \
#   OPSCTL_PRODUCTION_REVIEWERS=Team:1234,User:5678 .github/scripts/protect-repository.sh
#
# Reviewer ids: `gh api orgs/<org>/teams/<team> --jq .id` or `gh api users/<login> --jq .id`.
# Running it again applies the same settings (PUT replaces them), so it is safe to repeat.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
api="${GITHUB_API_URL:-https://api.github.com}"

fail() {
  printf 'protect-repository: %s\n' "$1" >&2
  exit 2
}

[ -n "${GITHUB_TOKEN:-}" ] || fail "GITHUB_TOKEN is empty: give a token that may administer the repository."
[[ "${GITHUB_REPOSITORY:-}" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] ||
  fail "GITHUB_REPOSITORY must be owner/name (got \"${GITHUB_REPOSITORY:-}\")."
[ -n "${OPSCTL_PRODUCTION_REVIEWERS:-}" ] ||
  fail "OPSCTL_PRODUCTION_REVIEWERS is empty: production needs at least one reviewer."
reviewers="$(
  printf '%s\n' "${OPSCTL_PRODUCTION_REVIEWERS:-}" | tr ',' '\n' | grep -v '^$' | while IFS=: read -r type id; do
    [[ "$type" =~ ^(User|Team)$ && "$id" =~ ^[0-9]+$ ]] || exit 1
    printf '{"type":"%s","id":%s}\n' "$type" "$id"
  done | paste -sd, -
)" || fail "OPSCTL_PRODUCTION_REVIEWERS must be a comma-separated list of User:<id> or Team:<id>."

# The token goes to curl in a file only this user can read, never on a command line.
headers="$(mktemp)"
trap 'rm -f "$headers"' EXIT
chmod 600 "$headers"
printf 'Authorization: Bearer %s\nAccept: application/vnd.github+json\nX-GitHub-Api-Version: 2022-11-28\n' \
  "$GITHUB_TOKEN" >"$headers"

put() {
  local path="$1" body="$2"
  printf 'PUT %s\n' "$path"
  curl --silent --show-error --fail-with-body --request PUT --header "@$headers" \
    --header 'Content-Type: application/json' --data-binary "$body" --output /dev/null \
    "$api/repos/$GITHUB_REPOSITORY/$path"
}

for branch in main develop; do
  put "branches/$branch/protection" "@$here/branch-protection/$branch.json"
done
policy='"deployment_branch_policy":{"protected_branches":true,"custom_branch_policies":false}'
put "environments/staging" "{$policy}"
put "environments/production" "{\"reviewers\":[$reviewers],\"prevent_self_review\":true,$policy}"
printf 'protect-repository: %s is protected\n' "$GITHUB_REPOSITORY"
