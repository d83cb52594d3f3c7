#!/usr/bin/env bash
# postgres-server: runs the PostgreSQL server (the command line given) and answers the orchestrator's stop signal with
# a fast shutdown. PostgreSQL takes SIGTERM as a smart shutdown, which waits for every client session to end; the
# services' pooled sessions never do, so the orchestrator killed the server after its grace period and every stop was a
# crash and WAL recovery. SIGINT ends the sessions, writes a checkpoint and exits in about a second.
# Usage: postgres-server.sh COMMAND [ARGS...]
set -uo pipefail
"$@" &
server=$!
trap 'kill -INT "$server" 2>/dev/null' TERM INT
status=0
# A trapped signal ends wait early: wait again until the server itself has exited, and exit as it did.
while kill -0 "$server" 2>/dev/null; do
  wait "$server"
  status=$?
done
exit "$status"
