#!/usr/bin/env bash
# Runs every benchmark and the soak on this machine, side by side with their baselines, and writes the figures:
#   gateway     bench/Gateway.sh: wrk through the gateway (RS256, ES256) vs bare YARP, direct and nginx
#   tokens      bench/TokenService.Benchmarks: POST /connect/token vs a bare signer in the same process
#   inventory   bench/Inventory.Benchmarks: ingestion vs a bare COPY, lag at 5,000 events/s, queries on 10 M rows
#   faults      tests/NhiPlatform.Faults.Tests with longer phases (the fault suite's long profile)
#   startup     bench/startup.sh: ./run.sh (the AppHost) to healthy vs the deleted LocalHost, built from git history
#   soak        ./run.sh --demo under mixed traffic for 10 minutes, each service's memory sampled
# Each writes bench/results/<name>-<utc time>.json (and .md); the last step writes bench/results/summary-<time>.json
# and rewrites the README's "Measured" table from the newest result of each benchmark (this run's, or an earlier one
# for a benchmark this run left out). Takes about 30 minutes.
# Options (environment): NHI_BENCH_ONLY="gateway tokens" runs a subset; NHI_SOAK_MINUTES (default 10);
# NHI_SOAK_RATE (req/s, default 80); NHI_FAULTS_PHASE_SECONDS (default 20).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

only="${NHI_BENCH_ONLY:-gateway tokens inventory faults startup soak}"
soak_minutes="${NHI_SOAK_MINUTES:-10}"
soak_rate="${NHI_SOAK_RATE:-80}"
faults_phase_seconds="${NHI_FAULTS_PHASE_SECONDS:-20}"
wanted() { [[ " $only " == *" $1 "* ]]; }

"$root/scripts/prerequisites.sh"
echo "bench.sh: building NhiPlatform.sln (Release)"
dotnet build NhiPlatform.sln -c Release -nologo -v quiet

started="$(date -u +%Y%m%dT%H%M%SZ)"
marker="$(mktemp)"
trap 'rm -f "$marker"' EXIT
failures=()
step() { # name command...
  local name=$1; shift
  echo; echo "bench.sh: == $name =="
  if ! "$@"; then
    echo "bench.sh: $name FAILED" >&2
    failures+=("$name")
  fi
}

release() { echo "$root/$1/bin/Release/net10.0/$2.dll"; }

soak() {
  local state port pid status=0
  state="$(mktemp -d /tmp/nhi-soak-XXXXXX)"
  chmod 755 "$state" # PostgreSQL runs as the postgres OS user when we are root: it must reach its data directory
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  "$root/run.sh" --no-build --state-dir "$state" --gateway-port "$port" --dashboard-port 0 --demo >"$state/run.out" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do [[ -f "$state/endpoints.json" ]] && break; kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if [[ ! -f "$state/endpoints.json" ]]; then
    echo "bench.sh: ./run.sh did not start; its output:" >&2; tail -n 30 "$state/run.out" >&2
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    return 1
  fi
  dotnet "$(release bench/Soak NhiPlatform.Soak)" "$state" "$soak_minutes" "$soak_rate" || status=$?
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$state"
  return $status
}

faults() {
  local results status=0
  results="$(mktemp -d)"
  NHI_FAULTS_PHASE_SECONDS="$faults_phase_seconds" dotnet test tests/NhiPlatform.Faults.Tests -c Release --no-build -nologo \
    --logger "trx;LogFileName=faults.trx" --results-directory "$results" || status=$?
  python3 scripts/bench-faults-result.py "$results/faults.trx" "$faults_phase_seconds" || status=$?
  rm -rf "$results"
  return $status
}

wanted gateway && step gateway bench/Gateway.sh 10 32 7
wanted tokens && step tokens dotnet "$(release bench/TokenService.Benchmarks NhiPlatform.TokenService.Benchmarks)" 10 16
wanted inventory && step inventory dotnet "$(release bench/Inventory.Benchmarks NhiPlatform.Inventory.Benchmarks)"
wanted faults && step faults faults
wanted startup && step startup bench/startup.sh 3
wanted soak && step soak soak

echo; echo "bench.sh: == summary =="
python3 scripts/bench-summary.py "$marker" "$started" "${failures[*]:-}"
if (( ${#failures[@]} > 0 )); then
  echo "bench.sh: failed: ${failures[*]}" >&2
  exit 1
fi
