#!/usr/bin/env bash
# Pre-commit hook (lefthook.yml): secretlint over exactly what is staged, as it will be committed
# (the index, not the working tree), with the same rules and ignore list as CI. A finding stops
# the commit; the output masks the secret it found.
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git diff --cached --name-only --diff-filter=ACMR -z >"$tmp/files"
[ -s "$tmp/files" ] || exit 0
mkdir "$tmp/tree"
git checkout-index --prefix="$tmp/tree/" -z --stdin <"$tmp/files"
mapfile -d '' files <"$tmp/files"
# secretlint reads the ignore list's paths relative to where the list is, so it goes where CI has it.
mkdir -p "$tmp/tree/.github"
cp "$root/.github/secretlintrc.json" "$root/.github/secretlintignore" "$tmp/tree/.github/"
cd "$tmp/tree"
"$tools/node_modules/.bin/secretlint" \
  --secretlintrc .github/secretlintrc.json \
  --secretlintignore .github/secretlintignore \
  --no-gitignore --no-glob "${files[@]}" || {
  echo "secretlint found a secret in the staged files: remove it (and rotate it if it was real) before committing. See docs/runbooks/secrets.md." >&2
  exit 1
}
