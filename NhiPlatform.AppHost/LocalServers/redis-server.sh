#!/usr/bin/env bash
# redis-server in the foreground on 127.0.0.1, append-only file in DATA_DIR. The password (the AppHost's parameter, in
# NHI_REDIS_PASSWORD) reaches the server as a configuration file on a pipe, never on a command line.
# Usage: redis-server.sh DATA_DIR PORT
set -euo pipefail
data="$1" port="$2"
mkdir -p -m 700 "$data"
exec redis-server <(printf 'requirepass "%s"\n' "$NHI_REDIS_PASSWORD") \
  --bind 127.0.0.1 --port "$port" --dir "$data" --appendonly yes --save "" --daemonize no --protected-mode yes --logfile ""
