#!/usr/bin/env bash
# Start-up and stop: ./run.sh (the Aspire AppHost, built, --no-build) until .nhi/endpoints.json says every service is
# healthy, against the LocalHost it replaced (git history, built in its own checkout), side by side with rounds
# alternating on the same machine. Each round starts on a fresh state directory (initdb, first run) and then again on
# the same one (data kept, the everyday start); each start is stopped with SIGTERM and timed until nothing is left.
# Writes bench/results/startup-<utc time>.json and prints the ratios.
# Usage: bench/startup.sh [rounds (default 3)]; NHI_BASELINE_REV (default 36451b0, the last commit with the LocalHost),
# NHI_BASELINE_DIR (a checkout of it; created with git worktree and built when missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${1:-3}"
rev="${NHI_BASELINE_REV:-36451b0}"
baseline="${NHI_BASELINE_DIR:-/tmp/nhi-baseline-$rev}"
localhost="$baseline/src/NhiPlatform.LocalHost/bin/Release/net10.0/NhiPlatform.LocalHost.dll"

if [[ ! -f "$localhost" ]]; then
  [[ -d "$baseline" ]] || git worktree add --detach "$baseline" "$rev" >/dev/null
  echo "startup: building the baseline LocalHost ($rev) in $baseline"
  (cd "$baseline" && dotnet build NhiPlatform.Offline.slnf -c Release -nologo -v quiet)
fi
[[ -x "$root/NhiPlatform.AppHost/bin/Release/net10.0/NhiPlatform.AppHost" ]] ||
  { echo "startup: build first (dotnet build NhiPlatform.sln -c Release)" >&2; exit 1; }

now() { date +%s.%N; }
# Starts one host in the background on STATE; prints "<seconds to endpoints.json> <seconds to stop>".
measure() { # host state
  local host="$1" state="$2" pid started healthy stopping left
  started="$(now)"
  if [[ "$host" == apphost ]]; then
    "$root/run.sh" --no-build --state-dir "$state" --gateway-port 0 --dashboard-port 0 >>"$state.out" 2>&1 &
  else
    dotnet "$localhost" --state-dir "$state" --gateway-port 0 >>"$state.out" 2>&1 &
  fi
  pid=$!
  for _ in $(seq 1 1200); do [[ -f "$state/endpoints.json" ]] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if [[ ! -f "$state/endpoints.json" ]]; then
    echo "startup: $host did not start; the end of its output:" >&2
    tail -n 40 "$state.out" >&2
    kill -KILL "$pid" 2>/dev/null
    exit 1
  fi
  healthy="$(now)"
  sleep 2
  stopping="$(now)"
  kill -TERM "$pid"
  # Stopped: the host has exited and no process names this state directory (PostgreSQL, Redis) or runs a service of
  # this checkout or the baseline's (other checkouts on the machine may run theirs).
  for _ in $(seq 1 600); do
    left="$(pgrep -f "$state|$root/src/|$baseline/src/" | grep -v "^$$\$" || true)"
    if ! kill -0 "$pid" 2>/dev/null && [[ -z "$left" ]]; then break; fi
    sleep 0.1
  done
  wait "$pid" 2>/dev/null || true
  printf "%.3f %.3f\n" "$(echo "$healthy - $started" | bc)" "$(echo "$(now) - $stopping" | bc)"
}

results=()
for round in $(seq 1 "$rounds"); do
  for host in localhost apphost; do
    state="$(mktemp -d /tmp/nhi-startup-XXXXXX)"; chmod 755 "$state"
    # measure runs in a subshell: its exit does not end this script, an empty answer does.
    read -r fresh fresh_stop <<<"$(measure "$host" "$state")"
    [[ -n "${fresh_stop:-}" ]] || exit 1
    read -r warm warm_stop <<<"$(measure "$host" "$state")"
    [[ -n "${warm_stop:-}" ]] || exit 1
    echo "startup: round $round $host: fresh ${fresh}s (stop ${fresh_stop}s), warm ${warm}s (stop ${warm_stop}s)"
    results+=("{\"round\":$round,\"host\":\"$host\",\"fresh\":$fresh,\"freshStop\":$fresh_stop,\"warm\":$warm,\"warmStop\":$warm_stop}")
    rm -rf "$state" "$state.out"
  done
done

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p bench/results
out="bench/results/startup-$stamp.json"
printf '{"benchmark":"startup","time":"%s","cores":%s,"baseline":"LocalHost at %s","rounds":[%s]}\n' \
  "$stamp" "$(nproc)" "$rev" "$(IFS=,; echo "${results[*]}")" > "$out"
python3 - "$out" <<'PY'
import json, statistics, sys
data = json.load(open(sys.argv[1]))
def med(host, key): return statistics.median(r[key] for r in data["rounds"] if r["host"] == host)
for key in ("fresh", "warm", "freshStop", "warmStop"):
    a, b = med("apphost", key), med("localhost", key)
    print(f"startup: {key:9} AppHost {a:6.1f} s, LocalHost {b:6.1f} s, ratio {a / b:4.2f}x (medians of {len(data['rounds']) // 2})")
PY
echo "startup: wrote $out"
