#!/usr/bin/env bash
# Initialises an environment's Terraform working directory against its remote state in Spaces.
#
#   scripts/init.sh <environment> [--skip-lock-check]
#
# Before `terraform init` it checks that the state endpoint honours conditional writes
# (PUT with If-None-Match: *), which the S3 backend's lock file relies on: an endpoint that
# ignores the header would let two applies run at once. Credentials come from the environment.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

env_name=""
check_lock=1
for arg in "$@"; do
  case "$arg" in
    --skip-lock-check) check_lock=0 ;;
    -h | --help)
      sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*) die "unknown option $arg (known: --skip-lock-check)" 2 ;;
    *) [ -z "$env_name" ] || die "only one environment at a time (got '$env_name' and '$arg')" 2; env_name="$arg" ;;
  esac
done
dir="$(environment_dir "$env_name")"
require_env AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY

versions="$dir/versions.tf"
bucket="$(backend_setting "$versions" bucket)"
key="$(backend_setting "$versions" key)"
endpoint="$(backend_setting "$versions" s3)"
if [ -z "$bucket" ] || [ -z "$key" ] || [ -z "$endpoint" ]; then
  die "$versions has no complete backend \"s3\" block (bucket, key, endpoints.s3)" 2
fi

# One signed S3 request; prints the HTTP status (000 when unreachable). curl reads the key pair
# from stdin so it never appears in the process list.
s3() {
  local method="$1" url="$2" body="${3-}"
  shift 3
  printf 'user = "%s:%s"\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" \
    | curl --silent --config - --aws-sigv4 "aws:amz:us-east-1:s3" \
      -H "x-amz-content-sha256: $(printf '%s' "$body" | sha256sum | cut -d' ' -f1)" \
      --output /dev/null --write-out '%{http_code}' -X "$method" "$@" --data-binary "$body" "$url" \
    || true
}

if [ "$check_lock" -eq 1 ]; then
  probe="$endpoint/$bucket/${key}.lock-probe-$$"
  first="$(s3 PUT "$probe" probe -H 'If-None-Match: *')"
  second="$(s3 PUT "$probe" probe -H 'If-None-Match: *')"
  s3 DELETE "$probe" "" >/dev/null
  case "$first/$second" in
    200/412) say "state bucket $bucket honours conditional writes: the lock file excludes concurrent runs" ;;
    000/*) die "cannot reach the state endpoint $endpoint; check the network and endpoints.s3 in $versions" ;;
    403/*) die "the state bucket $bucket refused the key pair (HTTP 403); check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (a Spaces key with access to it)" ;;
    404/*) die "the state bucket $bucket does not exist at $endpoint; create it once (see infrastructure/README.md, 'First time')" ;;
    200/200) die "the state endpoint $endpoint ignores If-None-Match, so the lock file would not stop two concurrent applies. Serialise runs another way (a CI concurrency group) and pass --skip-lock-check" 3 ;;
    *) die "the state endpoint answered $first then $second to a conditional PUT (expected 200 then 412); locking cannot be trusted. Pass --skip-lock-check only if runs are serialised another way" 3 ;;
  esac
fi

color=()
[ -t 1 ] || color=(-no-color)
terraform -chdir="$dir" init "${color[@]}" -input=false
