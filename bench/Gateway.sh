#!/usr/bin/env bash
# Gateway benchmark (not a test): one load generator (wrk), one 1 KiB backend, on loopback only, bounded in time.
#   direct      wrk -> backend
#   nginx       wrk -> nginx proxy_pass (Debian's package) -> backend
#   bare-yarp   wrk -> YARP, same route, no authentication, no usage -> backend
#   gateway-anonymous  the gateway on an anonymous route (usage events, header hygiene, no token): isolates the cost of authentication
#   gateway     wrk -> NhiPlatform.Gateway (JwtBearer RS256 or ES256, scope check, revocation check, usage events to Redis) -> backend
# Usage: bench/Gateway.sh [seconds (default 10, max 60)] [connections (default 32, max 128)]
# Results: bench/results/gateway-<utc time>.md
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SECONDS_PER_RUN=${1:-10}
CONNECTIONS=${2:-32}
(( SECONDS_PER_RUN >= 1 && SECONDS_PER_RUN <= 60 )) || { echo "seconds must be 1..60" >&2; exit 2; }
(( CONNECTIONS >= 1 && CONNECTIONS <= 128 )) || { echo "connections must be 1..128" >&2; exit 2; }

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

redis-server --bind 127.0.0.1 --port "$P_REDIS" --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 & PIDS+=($!)
dotnet "$BENCH" backend "$P_BACKEND" >"$WORK/backend.log" 2>&1 & PIDS+=($!)
dotnet "$BENCH" stub-tokens "$P_TOKENS" "$ISSUER" >"$WORK/tokens.log" 2>&1 & PIDS+=($!)
dotnet "$BENCH" bare-yarp "$P_BARE" "http://127.0.0.1:$P_BACKEND" >"$WORK/bare.log" 2>&1 & PIDS+=($!)
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
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" & PIDS+=($!)

wait_http "http://127.0.0.1:$P_BACKEND/x" 200
wait_http "http://127.0.0.1:$P_TOKENS/.well-known/jwks.json" 200

ASPNETCORE_URLS="http://127.0.0.1:$P_GATEWAY" ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__cache="127.0.0.1:$P_REDIS" Nhi__Issuer="$ISSUER" \
services__tokens__http__0="http://127.0.0.1:$P_TOKENS" services__echo__http__0="http://127.0.0.1:$P_BACKEND" \
services__inventory__http__0="http://127.0.0.1:9" services__orders__http__0="http://127.0.0.1:9" services__billing__http__0="http://127.0.0.1:9" Nhi__Gateway__Usage__SpillDirectory="$WORK/spill" \
Logging__LogLevel__Default=Warning \
ReverseProxy__Routes__benchanonymous__ClusterId=echo ReverseProxy__Routes__benchanonymous__AuthorizationPolicy=anonymous \
ReverseProxy__Routes__benchanonymous__Match__Path='/anonymous/{**rest}' ReverseProxy__Routes__benchanonymous__Transforms__0__PathRemovePrefix=/anonymous \
  dotnet "$GATEWAY" --contentRoot "$PWD/src/NhiPlatform.Gateway/bin/Release/net10.0" >"$WORK/gateway.log" 2>&1 & PIDS+=($!)

wait_http "http://127.0.0.1:$P_BARE/svc/echo/x" 200
wait_http "http://127.0.0.1:$P_NGINX/svc/echo/x" 200
wait_http "http://127.0.0.1:$P_GATEWAY/svc/echo/x" 401
RS256=$(curl -sf "http://127.0.0.1:$P_TOKENS/bench/token?alg=RS256")
ES256=$(curl -sf "http://127.0.0.1:$P_TOKENS/bench/token?alg=ES256")
for token in "$RS256" "$ES256"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$P_GATEWAY/svc/echo/x")
  [[ $code == 200 ]] || { echo "gateway refused the benchmark token ($code)"; cat "$WORK/gateway.log"; exit 1; }
done

declare -A RPS P99 REQS
run() { # name url [token]
  local name=$1 url=$2 token=${3:-} args=(-t2 -c"$CONNECTIONS" --latency)
  [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
  wrk "${args[@]}" -d3s "$url" >/dev/null            # warm-up (JIT, connection pools, key cache)
  wrk "${args[@]}" -d"${SECONDS_PER_RUN}s" "$url" >"$WORK/$name.txt"
  RPS[$name]=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/$name.txt")
  P99[$name]=$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")
  REQS[$name]=$(awk '/requests in/ {print $1}' "$WORK/$name.txt")
  echo "$name: ${RPS[$name]} req/s, p99 ${P99[$name]}"
}

run direct "http://127.0.0.1:$P_BACKEND/svc/echo/x"
run nginx "http://127.0.0.1:$P_NGINX/svc/echo/x"
run bare-yarp "http://127.0.0.1:$P_BARE/svc/echo/x"
run gateway-anonymous "http://127.0.0.1:$P_GATEWAY/anonymous/x"
run gateway-rs256 "http://127.0.0.1:$P_GATEWAY/svc/echo/x" "$RS256"
run gateway-es256 "http://127.0.0.1:$P_GATEWAY/svc/echo/x" "$ES256"
sleep 2
USAGE_EVENTS=$(redis-cli -p "$P_REDIS" XLEN nhi:usage)

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v/1000; else if (v ~ /ms$/) printf "%.3f", v+0; else if (v ~ /s$/) printf "%.3f", v*1000; else print v }'; }
mkdir -p bench/results
OUT="bench/results/gateway-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "# Gateway benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_RUN} s per run after a 3 s warm-up, GET with a 1 KiB response, loopback, $(nproc) cores shared with other work."
  echo "Gateway: Release build, JwtBearer + scope policy + revocation check + per-request usage event to Redis (${USAGE_EVENTS} events in nhi:usage after the runs, warm-ups and probes included)."
  echo
  echo "| target | req/s | p99 (ms) | vs bare YARP req/s | added p99 vs bare YARP (ms) |"
  echo "|---|---|---|---|---|"
  bare_rps=${RPS[bare-yarp]}; bare_p99=$(to_ms "${P99[bare-yarp]}")
  for name in direct nginx bare-yarp gateway-anonymous gateway-rs256 gateway-es256; do
    p99=$(to_ms "${P99[$name]}")
    ratio=$(awk -v a="${RPS[$name]}" -v b="$bare_rps" 'BEGIN { printf "%.1f %%", 100*a/b }')
    added=$(awk -v a="$p99" -v b="$bare_p99" 'BEGIN { printf "%+.3f", a-b }')
    echo "| $name | ${RPS[$name]} | $p99 | $ratio | $added |"
  done
  echo
  echo "Aim: gateway >= 85 % of bare YARP's req/s and <= 1 ms added p99."
  for name in direct nginx bare-yarp gateway-anonymous gateway-rs256 gateway-es256; do
    echo; echo "## $name"; echo; echo '```'; cat "$WORK/$name.txt"; echo '```'
  done
} >"$OUT"
echo "results: $OUT"
cat "$OUT" | sed -n '1,16p'
