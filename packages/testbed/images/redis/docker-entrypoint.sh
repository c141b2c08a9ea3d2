#!/bin/sh
# Entrypoint of the Redis stand-in, behaving like the official image's:
# - arguments starting with `-`, or a lone `*.conf`, are options for redis-server;
# - protected mode is off unless the caller turns it on, as in the official image's build
#   (Debian's redis-server enables it, which refuses every client from another container
#   when no password is set).
set -eu
case "${1:-}" in
  -* | *.conf) set -- redis-server "$@" ;;
esac
if [ "${1:-}" = redis-server ]; then
  shift
  case "${1:-}" in
    '' | -*)
      # Options only: ours first, so the caller's own --protected-mode still wins.
      set -- redis-server --protected-mode no "$@"
      ;;
    *)
      # A config file: wrap it, so its own directives (and later options) still win.
      conf="$(mktemp /tmp/redis-entrypoint.XXXXXX)"
      printf 'protected-mode no\ninclude %s\n' "$1" >"$conf"
      shift
      set -- redis-server "$conf" "$@"
      ;;
  esac
fi
exec "$@"
