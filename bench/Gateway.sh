#!/usr/bin/env bash
# Gateway benchmark (not a test): one load generator (wrk), one 1 KiB backend, on loopback only, bounded in time.
#   direct      wrk -> backend
#   nginx       wrk -> nginx proxy_pass (Debian's package) -> backend
#   bare-yarp   wrk -> YARP, same route, no authentication, no usage -> backend (the gateway's Kestrel setting: inline scheduling)
#   gateway-anonymous  the gateway on an anonymous route (usage events, header hygiene, no token): isolates the cost of authentication
#   gateway     wrk -> NhiPlatform.Gateway (JwtBearer RS256 or ES256, scope check, revocation check, usage events to Redis) -> backend
#   gateway-dpop  the same gateway, an ES256 token bound to a DPoP key (RFC 9449) and a proof of its own on every request
#               (signature, htm/htu/iat/ath/jkt, jti recorded in Redis): compared with gateway-es256 in the same round.
#               Proofs are made before each run (bench/dpop.lua reads them), so the run measures the gateway's checks only.
# Usage: bench/Gateway.sh [seconds (default 10, max 60)] [connections (default 32, max 128)] [rounds (default 3, max 10)]
# (./bench.sh runs 7 rounds: on this VM one round's ratio ranged from 64 % to 124 %, so a median of 3 hung on one round)
# direct and nginx run once; bare YARP and the gateway targets run back to back in each round, in a rotating order
# (the machine is shared and noisy, so ratios are taken within a round and reported as a range). Besides req/s and
# latency, the CPU time the proxy process (and redis-server, which takes the gateway's usage events) spent per request
# is read from /proc.
# Results: bench/results/gateway-<utc time>.md and .json (collected by ./bench.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-32}
ROUNDS=${3:-3}
(( SECONDS_PER_RUN >= 1 && SECONDS_PER_RUN <= 60 )) || { echo "seconds must be 1..60" >&2; exit 2; }
(( CONNECTIONS >= 1 && CONNECTIONS <= 128 )) || { echo "connections must be 1..128" >&2; exit 2; }
(( ROUNDS >= 1 && ROUNDS <= 10 )) || { echo "rounds must be 1..10" >&2; exit 2; }

SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v curl >/dev/null || missing+=(curl)
if (( ${#missing[@]} > 0 )); then
  echo "installing ${missing[*]}"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

echo "building (Release)"
dotnet build src/NhiPlatform.Gateway -c Release -v q -nologo >/dev/null
dotnet build bench/Gateway.Benchmarks -c Release -v q -nologo >/dev/null
BENCH=bench/Gateway.Benchmarks/bin/Release/net10.0/NhiPlatform.Gateway.Benchmarks.dll
GATEWAY=src/NhiPlatform.Gateway/bin/Release/net10.0/NhiPlatform.Gateway.dll

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
WORK=$(mktemp -d /tmp/nhi-gateway-bench-XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_http() { # url expected-status
  for _ in $(seq 1 150); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$1" || true) == "$2" ]] && return 0
    sleep 0.2
  done
  echo "timed out waiting for $1" >&2; return 1
}

P_REDIS=$(free_port); P_BACKEND=$(free_port); P_TOKENS=$(free_port); P_BARE=$(free_port); P_NGINX=$(free_port); P_GATEWAY=$(free_port)
ISSUER="https://gateway.bench"

# The gateway's process environment (src/NhiPlatform.Contracts/NhiProcessEnvironment.cs: gen0 budget), given to every
# .NET process of the benchmark, bare YARP included, so the comparison stays like for like.
export DOTNET_GCgen0size=0x4000000

redis-server --bind 127.0.0.1 --port "$P_REDIS" --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 & PIDS+=($!); PID_REDIS=$!
dotnet "$BENCH" backend "$P_BACKEND" >"$WORK/backend.log" 2>&1 & PIDS+=($!); PID_BACKEND=$!
dotnet "$BENCH" stub-tokens "$P_TOKENS" "$ISSUER" >"$WORK/tokens.log" 2>&1 & PIDS+=($!)
dotnet "$BENCH" bare-yarp "$P_BARE" "http://127.0.0.1:$P_BACKEND" >"$WORK/bare.log" 2>&1 & PIDS+=($!); PID_BARE=$!
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  upstream backend { server 127.0.0.1:$P_BACKEND; keepalive 64; }
  server {
    listen 127.0.0.1:$P_NGINX;
    location /svc/echo/ { proxy_pass http://backend/; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" & PIDS+=($!); PID_NGINX=$!

wait_http "http://127.0.0.1:$P_BACKEND/x" 200
wait_http "http://127.0.0.1:$P_TOKENS/.well-known/jwks.json" 200

ASPNETCORE_URLS="http://127.0.0.1:$P_GATEWAY" ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__cache="127.0.0.1:$P_REDIS" Nhi__Issuer="$ISSUER" \
services__tokens__http__0="http://127.0.0.1:$P_TOKENS" services__echo__http__0="http://127.0.0.1:$P_BACKEND" \
services__inventory__http__0="http://127.0.0.1:9" services__orders__http__0="http://127.0.0.1:9" services__billing__http__0="http://127.0.0.1:9" Nhi__Gateway__Usage__SpillDirectory="$WORK/spill" \
Logging__LogLevel__Default=Warning Nhi__Gateway__DPoP__MaxAge=00:10:00 \
ReverseProxy__Routes__benchanonymous__ClusterId=echo ReverseProxy__Routes__benchanonymous__AuthorizationPolicy=anonymous \
ReverseProxy__Routes__benchanonymous__Match__Path='/anonymous/{**rest}' ReverseProxy__Routes__benchanonymous__Transforms__0__PathRemovePrefix=/anonymous \
  dotnet "$GATEWAY" --contentRoot "$PWD/src/NhiPlatform.Gateway/bin/Release/net10.0" >"$WORK/gateway.log" 2>&1 & PIDS+=($!); PID_GATEWAY=$!

wait_http "http://127.0.0.1:$P_BARE/svc/echo/x" 200
wait_http "http://127.0.0.1:$P_NGINX/svc/echo/x" 200
wait_http "http://127.0.0.1:$P_GATEWAY/svc/echo/x" 401
RS256=$(curl -sf "http://127.0.0.1:$P_TOKENS/bench/token?alg=RS256")
ES256=$(curl -sf "http://127.0.0.1:$P_TOKENS/bench/token?alg=ES256")
for token in "$RS256" "$ES256"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$P_GATEWAY/svc/echo/x")
  [[ $code == 200 ]] || { echo "gateway refused the benchmark token ($code)"; cat "$WORK/gateway.log"; exit 1; }
done
# DPoP: a bound token and fresh proofs before each dpop run (the proof window is widened to 10 min above, so proofs made
# before a run stay inside it; the checks cost the same). Enough proofs for the fastest gateway run seen here, twice over.
DPOP_PROOFS=$(( SECONDS_PER_RUN * 30000 ))
dpop_proofs() { # count
  dotnet "$BENCH" dpop-proofs "http://127.0.0.1:$P_TOKENS" "http://127.0.0.1:$P_GATEWAY/svc/echo/x" "$1" "$WORK" >/dev/null
}
dpop_proofs 2
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: DPoP $(cat "$WORK/dpop-token")" -H "DPoP: $(head -n 1 "$WORK/dpop-proofs")" "http://127.0.0.1:$P_GATEWAY/svc/echo/x")
[[ $code == 200 ]] || { echo "gateway refused the DPoP benchmark token ($code)"; cat "$WORK/gateway.log"; exit 1; }

# One wrk run; appends "<name> <round> <req/s> <p50> <p99> <requests> <proxy cpu ticks> <redis cpu ticks> <non-2xx>" to $WORK/runs.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, in clock ticks
run() { # name round pid url [token]
  local name=$1 round=$2 pid=$3 url=$4 token=${5:-} args=(-t2 -c"$CONNECTIONS" --latency) c0 r0 c1 r1
  [[ -n $token && $token != dpop ]] && args+=(-H "Authorization: Bearer $token")
  local script=(); [[ $token == dpop ]] && script=(-s bench/dpop.lua)
  local script_args=(); [[ $token == dpop ]] && script_args=(-- "$WORK/dpop-proofs" "$WORK/dpop-token" 2)
  c0=$(cpu_ticks "$pid"); r0=$(cpu_ticks "$PID_REDIS")
  wrk "${args[@]}" "${script[@]}" -d"${SECONDS_PER_RUN}s" "$url" "${script_args[@]}" >"$WORK/$name-$round.txt"
  c1=$(cpu_ticks "$pid"); r1=$(cpu_ticks "$PID_REDIS")
  awk -v n="$name" -v r="$round" -v c=$((c1 - c0)) -v rc=$((r1 - r0)) '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^Requests\/sec:/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } /requests in/ { q = $1 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    END { printf "%s %s %s %.3f %.3f %s %s %s %d\n", n, r, rps, p50, p99, q, c, rc, bad }' "$WORK/$name-$round.txt" | tee -a "$WORK/runs"
}
warm() { # url [token]: JIT, connection pools, key cache
  local args=(-t2 -c"$CONNECTIONS"); [[ -n ${2:-} ]] && args+=(-H "Authorization: Bearer $2")
  wrk "${args[@]}" -d3s "$1" >/dev/null
}

: >"$WORK/runs"
URL_BARE="http://127.0.0.1:$P_BARE/svc/echo/x"; URL_ANON="http://127.0.0.1:$P_GATEWAY/anonymous/x"; URL_GW="http://127.0.0.1:$P_GATEWAY/svc/echo/x"
warm "http://127.0.0.1:$P_BACKEND/svc/echo/x"; run direct 1 "$PID_BACKEND" "http://127.0.0.1:$P_BACKEND/svc/echo/x"
PID_NGINX_WORKER=$(pgrep -P "$PID_NGINX" | head -n 1)
warm "http://127.0.0.1:$P_NGINX/svc/echo/x"; run nginx 1 "${PID_NGINX_WORKER:-$PID_NGINX}" "http://127.0.0.1:$P_NGINX/svc/echo/x"
warm "$URL_BARE"; warm "$URL_ANON"; warm "$URL_GW" "$RS256"; warm "$URL_GW" "$ES256"
dpop_proofs $(( DPOP_PROOFS / 2 )); wrk -t2 -c"$CONNECTIONS" -s bench/dpop.lua -d3s "$URL_GW" -- "$WORK/dpop-proofs" "$WORK/dpop-token" 2 >/dev/null
target() { # index round
  case $1 in
    0) run bare-yarp "$2" "$PID_BARE" "$URL_BARE" ;;
    1) run gateway-anonymous "$2" "$PID_GATEWAY" "$URL_ANON" ;;
    2) run gateway-rs256 "$2" "$PID_GATEWAY" "$URL_GW" "$RS256" ;;
    3) run gateway-es256 "$2" "$PID_GATEWAY" "$URL_GW" "$ES256" ;;
    4) dpop_proofs "$DPOP_PROOFS"; run gateway-dpop "$2" "$PID_GATEWAY" "$URL_GW" dpop ;;
  esac
}
# Each round starts with another target (bare YARP, anonymous, RS256, ES256, DPoP, bare YARP, ...): the machine drifts within a
# round, and a fixed order gave the last target the worst of it every time.
for round in $(seq 1 "$ROUNDS"); do
  for i in 0 1 2 3 4; do target $(( (i + round - 1) % 5 )) "$round"; done
done
sleep 2
USAGE_EVENTS=$(redis-cli -p "$P_REDIS" XLEN nhi:usage)

mkdir -p bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="bench/results/gateway-$STAMP.md"
JSON="bench/results/gateway-$STAMP.json"
python3 - "$WORK/runs" "$JSON" "$OUT" "$SECONDS_PER_RUN" "$CONNECTIONS" "$ROUNDS" "$USAGE_EVENTS" "$(nproc)" "$(getconf CLK_TCK)" <<'PY'
import json, statistics, sys, datetime
runs_file, json_file, md_file, seconds, connections, rounds, usage_events, cores, ticks = sys.argv[1:]
ticks = int(ticks)
runs = {}
for line in open(runs_file):
    name, rnd, rps, p50, p99, requests, cpu, redis_cpu, bad = line.split()
    runs.setdefault(name, {})[int(rnd)] = dict(rps=float(rps), p50=float(p50), p99=float(p99), requests=int(requests),
        cpu=int(cpu) * 1e6 / ticks / max(int(requests), 1), redis=int(redis_cpu) * 1e6 / ticks / max(int(requests), 1), non2xx=int(bad))
order = ["direct", "nginx", "bare-yarp", "gateway-anonymous", "gateway-rs256", "gateway-es256", "gateway-dpop"]
bare = runs["bare-yarp"]
targets = {}
for name in order:
    per = runs[name]
    ratios = [per[r]["rps"] / bare[r]["rps"] for r in per if r in bare]
    added = [per[r]["p99"] - bare[r]["p99"] for r in per if r in bare]
    med = lambda key: statistics.median(v[key] for v in per.values())
    targets[name] = {
        "requestsPerSecond": med("rps"), "p50Ms": med("p50"), "p99Ms": med("p99"),
        "cpuMicrosPerRequest": round(med("cpu"), 1), "redisCpuMicrosPerRequest": round(med("redis"), 1),
        "ratioVsBareYarp": statistics.median(ratios), "ratioMin": min(ratios), "ratioMax": max(ratios),
        "addedP99MsVsBareYarp": statistics.median(added), "addedP99MsMin": min(added), "addedP99MsMax": max(added),
        "rounds": [dict(round=r, **{k: round(v, 3) for k, v in per[r].items()}) for r in sorted(per)],
    }
# DPoP against the same gateway with bearer ES256 tokens, round by round.
dpop, es256 = runs["gateway-dpop"], runs["gateway-es256"]
dpop_ratios = [dpop[r]["rps"] / es256[r]["rps"] for r in dpop if r in es256]
dpop_added = [dpop[r]["p99"] - es256[r]["p99"] for r in dpop if r in es256]
targets["gateway-dpop"].update({
    "ratioVsGatewayEs256": statistics.median(dpop_ratios), "ratioVsGatewayEs256Min": min(dpop_ratios), "ratioVsGatewayEs256Max": max(dpop_ratios),
    "addedP99MsVsGatewayEs256": statistics.median(dpop_added), "non2xx": sum(v["non2xx"] for v in dpop.values()),
})
result = {
    "benchmark": "gateway", "utc": datetime.datetime.now(datetime.timezone.utc).isoformat(), "cores": int(cores),
    "secondsPerRun": int(seconds), "connections": int(connections), "rounds": int(rounds), "usageStreamEntries": int(usage_events),
    "aim": {"ratioVsBareYarp": 0.85, "addedP99Ms": 1.0}, "targets": targets,
}
json.dump(result, open(json_file, "w"), indent=2)
with open(md_file, "w") as md:
    md.write(f"# Gateway benchmark {result['utc'][:19]}Z\n\n")
    md.write(f"wrk -t2 -c{connections}, {seconds} s per run after a 3 s warm-up, GET with a 1 KiB response, loopback, {cores} cores shared with other work.\n")
    md.write(f"bare YARP and the gateway targets ran back to back in each of {rounds} rounds, each round starting with the next target; direct and nginx once. Figures are medians; "
             "ratios are taken within a round, min-max across rounds. CPU is the proxy process's (and redis-server's) user+system time per request.\n")
    md.write(f"Gateway: Release build, JwtBearer + scope policy + revocation check + a usage event per request, sent to Redis in usage.batch entries ({usage_events} entries in nhi:usage after the runs, warm-ups and probes included).\n\n")
    md.write("| target | req/s | p50 (ms) | p99 (ms) | vs bare YARP req/s (min-max) | added p99 vs bare YARP (ms, min-max) | proxy CPU us/req | redis CPU us/req |\n")
    md.write("|---|---|---|---|---|---|---|---|\n")
    for name in order:
        t = targets[name]
        md.write(f"| {name} | {t['requestsPerSecond']:.0f} | {t['p50Ms']:.2f} | {t['p99Ms']:.2f} | {100*t['ratioVsBareYarp']:.1f} % ({100*t['ratioMin']:.0f}-{100*t['ratioMax']:.0f} %) "
                 f"| {t['addedP99MsVsBareYarp']:+.2f} ({t['addedP99MsMin']:+.2f} to {t['addedP99MsMax']:+.2f}) | {t['cpuMicrosPerRequest']:.0f} | {t['redisCpuMicrosPerRequest']:.0f} |\n")
    d = targets["gateway-dpop"]
    md.write(f"\nDPoP (gateway-dpop) against bearer ES256 (gateway-es256) on the same gateway, same rounds: {100*d['ratioVsGatewayEs256']:.1f} % of its req/s "
             f"({100*d['ratioVsGatewayEs256Min']:.0f}-{100*d['ratioVsGatewayEs256Max']:.0f} %), p99 {d['addedP99MsVsGatewayEs256']:+.2f} ms; non-2xx answers in the DPoP runs: {d['non2xx']}.\n")
    md.write("\nAim: gateway >= 85 % of bare YARP's req/s and <= 1 ms added p99. direct and nginx ran in round 1 only.\n")
PY
for f in "$WORK"/*-[0-9]*.txt; do
  { echo; echo "## $(basename "$f" .txt)"; echo; echo '```'; cat "$f"; echo '```'; } >>"$OUT"
done
echo "results: $OUT $JSON"
sed -n '1,16p' "$OUT"
