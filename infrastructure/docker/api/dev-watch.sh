#!/bin/sh
# Hot reload for docker-compose.yml: tsc recompiles health-kit and the API whenever their
# mounted sources change, and node restarts the server when the compiled output changes.
set -eu
cd /app
tsc=/app/node_modules/.bin/tsc
logs="$(mktemp -d)"
"$tsc" -p packages/health-kit/tsconfig.build.json --watch --preserveWatchOutput | tee "$logs/kit" &
"$tsc" -p packages/api/tsconfig.build.json --watch --preserveWatchOutput | tee "$logs/api" &
# Start the server once the first compilation is written, or it would restart right away.
until grep -q 'Watching for file changes' "$logs/kit" "$logs/api" 2>/dev/null \
  && [ "$(grep -l 'Watching for file changes' "$logs/kit" "$logs/api" | wc -l)" -eq 2 ]; do
  sleep 0.2
done
cd packages/api
exec node --watch-path=dist --watch-path=../health-kit/dist dist/main.js
