#!/usr/bin/env bash
# Starts NhiPlatform on this machine under its Aspire AppHost, in the foreground: installs what is missing
# (PostgreSQL 15, redis-server), builds (Release), then runs the AppHost, which starts PostgreSQL and Redis as local
# processes, every service and sample, and the Aspire dashboard. Ctrl+C (or SIGTERM) stops everything.
# Run state lives in .nhi/ (endpoints.json, bootstrap.json, data/). ./run.sh --help lists the options.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

usage() {
  cat <<'USAGE'
Usage: ./run.sh [options]
  --demo                 register the demo identities and run their traffic (findings within about a minute)
  --gateway-port N       the gateway's port on 127.0.0.1 (default 5080, or a free one when 5080 is taken; 0: a free one)
  --gateway-replicas N   gateway processes behind one port (1-16, default 1)
  --state-dir DIR        run state: endpoints.json, bootstrap.json, samples/ (default .nhi)
  --data-dir DIR         PostgreSQL cluster, Redis append-only file, usage spill (default <state-dir>/data)
  --dashboard-port N     the Aspire dashboard's port (default 15080, or a free one when it is taken; 0: a free one)
  --no-build             start what is built (Release) without building
USAGE
}

settings=() build=1 dashboard_port=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --demo) settings+=("--Nhi:Host:Demo=true"); shift ;;
    --no-build) build=0; shift ;;
    --gateway-port|--gateway-replicas|--state-dir|--data-dir|--dashboard-port)
      [[ $# -ge 2 ]] || { echo "run.sh: $1 needs a value (./run.sh --help)" >&2; exit 2; }
      case "$1" in
        --gateway-port) settings+=("--Nhi:Host:GatewayPort=$2") ;;
        --gateway-replicas) settings+=("--Nhi:Host:GatewayReplicas=$2") ;;
        --state-dir) settings+=("--Nhi:Host:StateDirectory=$(realpath -m "$2")") ;;
        --data-dir) settings+=("--Nhi:Host:DataDirectory=$(realpath -m "$2")") ;;
        --dashboard-port) dashboard_port="$2" ;;
      esac
      shift 2 ;;
    *) echo "run.sh: unknown option $1 (./run.sh --help)" >&2; exit 2 ;;
  esac
done

"$root/scripts/prerequisites.sh"

if [[ $build -eq 1 ]]; then
  # Only what runs (the AppHost and the projects it starts), one line per project as it is built.
  echo "run.sh: building the AppHost and the services it runs (Release); the first build takes a few minutes, later ones seconds"
  build_started=$SECONDS
  dotnet build NhiPlatform.AppHost -c Release -nologo -v minimal -clp:NoSummary
  echo "run.sh: built in $((SECONDS - build_started)) s"
fi

# A port is taken when something accepts connections on it.
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    port_taken "$port" || { echo "$port"; return; }
  done
  echo "run.sh: found no free port" >&2; exit 1
}
pick_port() { if port_taken "$1"; then free_port; else echo "$1"; fi; }

[[ "$dashboard_port" != "0" ]] || dashboard_port="$(free_port)"
dashboard_port="${dashboard_port:-$(pick_port 15080)}"
# The dashboard and its telemetry endpoint on loopback over plain HTTP; it asks for the login link printed below.
export ASPNETCORE_URLS="http://localhost:$dashboard_port"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$(pick_port 19080)"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$(pick_port 20080)"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"

exec "$root/NhiPlatform.AppHost/bin/Release/net10.0/NhiPlatform.AppHost" "${settings[@]}"
