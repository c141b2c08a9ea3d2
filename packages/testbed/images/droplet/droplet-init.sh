#!/bin/sh
# PID 1 of a local droplet: the Docker engine, nginx and sshd, as a provisioned droplet runs them.
# On `docker restart` this runs again; containers with a restart policy come back with the engine.
set -e
# A restart keeps this container's filesystem: runtime state of the previous boot (pid files,
# sockets, containerd's state) would make the engine wait for processes that no longer exist.
rm -rf /var/run/docker.pid /var/run/docker.sock /var/run/docker /run/containerd /run/nginx.pid
dockerd >/var/log/dockerd.log 2>&1 &
i=0
until docker info >/dev/null 2>&1; do
  i=$((i + 1)); [ "$i" -lt 120 ] || { echo "dockerd did not start" >&2; tail -n 20 /var/log/dockerd.log >&2; exit 1; }
  sleep 0.5
done
nginx
exec /usr/sbin/sshd -D -e
