#!/usr/bin/env bash
# postgres-init: creates the PostgreSQL cluster when it does not exist yet (initdb), owned by the OS user the server
# runs as. Local (Unix-socket) connections are trusted: the socket directory is mode 700, so only that OS user (and
# root) reach it; TCP connections need a password (scram-sha-256). Nothing to do when the cluster exists.
# Usage: postgres-init.sh BIN_DIR CLUSTER_DIR SOCKET_DIR RUN_AS(user or "-")
set -euo pipefail
bin="$1" cluster="$2" socket="$3" run_as="$4"

as_server_user() {
  if [[ "$run_as" == "-" ]]; then "$@"; else setpriv --reuid="$run_as" --regid="$run_as" --init-groups "$@"; fi
}

mkdir -p "$socket" "$(dirname "$cluster")"
if [[ "$run_as" != "-" ]]; then chown "$run_as:$run_as" "$socket"; fi
chmod 700 "$socket"

if [[ -f "$cluster/PG_VERSION" ]]; then
  echo "postgres-init: cluster $cluster exists"
  exit 0
fi

# An initdb that did not finish leaves a non-empty directory, which initdb refuses.
rm -rf "$cluster"
mkdir -m 700 "$cluster"
if [[ "$run_as" != "-" ]]; then chown "$run_as:$run_as" "$cluster"; fi
if ! as_server_user test -w "$cluster"; then
  echo "postgres-init: the '$run_as' OS user cannot write $cluster (PostgreSQL refuses to run as root): make every directory above it searchable (chmod o+x DIR) or choose another data directory." >&2
  exit 1
fi
as_server_user "$bin/initdb" --pgdata="$cluster" --username=postgres --auth-local=trust --auth-host=scram-sha-256 \
  --encoding=UTF8 --no-locale --no-instructions
echo "postgres-init: created cluster $cluster"
