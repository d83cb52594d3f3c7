#!/usr/bin/env bash
# postgres-setup: once the server accepts connections on its socket, creates (or updates) the services' login role and
# its database: the role's password is the AppHost's parameter, given in NHI_DB_PASSWORD (never on a command line).
# Usage: postgres-setup.sh BIN_DIR SOCKET_DIR PORT ROLE DATABASE RUN_AS(user or "-")
set -euo pipefail
bin="$1" socket="$2" port="$3" role="$4" database="$5" run_as="$6"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

as_server_user() {
  if [[ "$run_as" == "-" ]]; then "$@"; else setpriv --reuid="$run_as" --regid="$run_as" --init-groups "$@"; fi
}

# Bounded wait: the orchestrator starts this step when the server process has started, not when it is ready.
for _ in $(seq 1 600); do
  if as_server_user "$bin/pg_isready" -q -h "$socket" -p "$port"; then break; fi
  sleep 0.1
done

as_server_user "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$port" -U postgres -d postgres \
  -v role="$role" -v database="$database" < "$here/postgres-setup.sql"
echo "postgres-setup: role $role and database $database ready"
