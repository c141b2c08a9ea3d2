#!/bin/bash
# An init script (/docker-entrypoint-initdb.d) that makes the server behave like DigitalOcean's
# managed PostgreSQL where clients notice: TLS only, with a certificate from a private CA, and an
# application user that owns nothing (the database is POSTGRES_USER's, doadmin's), and the
# cluster's default database, defaultdb, which the owner's URL names.
# The local environment mounts it with /run/opsctl/postgres: server.crt and server.key (issued
# once the container has its network address, so they are waited for) and app-password.
# Sourced by docker-entrypoint.sh as user postgres, with the socket-only private server running.
set -euo pipefail
tls=/run/opsctl/postgres
for _ in $(seq 1200); do
  [ -s "$tls/server.crt" ] && break
  sleep 0.1
done
if [ ! -s "$tls/server.crt" ]; then
  echo "error: no server certificate at $tls/server.crt after 120 s" >&2
  exit 1
fi
install -m 0644 "$tls/server.crt" "$PGDATA/server.crt"
install -m 0600 "$tls/server.key" "$PGDATA/server.key"
cat >>"$PGDATA/postgresql.conf" <<'CONF'
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
ssl_min_protocol_version = 'TLSv1.2'
CONF
# Over the network TLS only (hostssl; no host line); the socket serves this container's own tools.
cat >"$PGDATA/pg_hba.conf" <<'HBA'
local all all trust
hostssl all all all scram-sha-256
HBA
: "${OPSCTL_APP_USER:?OPSCTL_APP_USER names the application user}"
# The password is read by psql itself (\set with backquotes), so it is never an argument.
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
  --set app_user="$OPSCTL_APP_USER" >/dev/null <<'SQL'
\set app_password `cat /run/opsctl/postgres/app-password`
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE defaultdb;
SQL
