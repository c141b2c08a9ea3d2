#!/bin/sh
# Hot reload for docker-compose.yml: tsc recompiles health-kit and the API whenever their
# mounted sources change, and node restarts the server when the compiled output changes.
set -eu
cd /app
tsc=/app/node_modules/.bin/tsc
"$tsc" -p packages/health-kit/tsconfig.build.json --watch --preserveWatchOutput &
"$tsc" -p packages/api/tsconfig.build.json --watch --preserveWatchOutput &
cd packages/api
exec node --watch-path=dist --watch-path=../health-kit/dist dist/main.js
