#!/bin/sh
# Starts redis-server as DigitalOcean's managed Valkey/Redis answers: TLS only, with a
# certificate from a private CA. The local environment mounts /run/opsctl/redis (redis.conf,
# server.crt, server.key); the certificate is issued once the container has its network address,
# so it is waited for here.
set -eu
dir=/run/opsctl/redis
i=0
while [ ! -s "$dir/server.crt" ]; do
  i=$((i + 1))
  if [ "$i" -gt 1200 ]; then
    echo "error: no server certificate at $dir/server.crt after 120 s" >&2
    exit 1
  fi
  sleep 0.1
done
exec redis-server "$dir/redis.conf"
