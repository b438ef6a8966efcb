#!/usr/bin/env bash
# Benchmarks nsx-server: GET /api/v1/servers/{id} with an API token, under wrk.
#
# Builds the release server, starts it on a free port with a throwaway SQLite file (WAL, as in
# real use; request log to a file, rate limiting off), creates a server and a read-only API
# token, then runs wrk (2 threads, 50 connections) and prints requests/s and p99 latency.
# Target on a 2-core machine: >= 5,000 requests/s with p99 < 20 ms.
#
#   bench/server.sh                 # DURATION=12s CONNECTIONS=50 THREADS=2 by default
#   NSX_RELEASE_BIN_DIR=path bench/server.sh   # use an already built release binary
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-12s}"
connections="${CONNECTIONS:-50}"
threads="${THREADS:-2}"

command -v wrk >/dev/null 2>&1 || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
if [ -n "${NSX_RELEASE_BIN_DIR:-}" ]; then
    bin="$NSX_RELEASE_BIN_DIR/nsx-server"
else
    swift build -c release --product nsx-server
    bin="$(swift build -c release --show-bin-path)/nsx-server"
fi

. bench/lib.sh
start_bench_server "$bin"

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['data']['$1'])"; }
session="$(curl -sf -X POST "$url/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"bench@example.com","password":"bench-password"}' | json_field token)"
server_id="$(curl -sf -X POST "$url/api/v1/servers" -H 'Content-Type: application/json' -H "Authorization: Bearer $session" \
    -d '{"name":"bench-1","region":"us-east","plan":"basic-1","labels":{"purpose":"benchmark"}}' | json_field id)"
token="$(curl -sf -X POST "$url/api/v1/tokens" -H 'Content-Type: application/json' -H "Authorization: Bearer $session" \
    -d '{"name":"bench","permissions":["servers:read"]}' | json_field token)"
target="$url/api/v1/servers/$server_id"
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$target")"
[ "$status" = 200 ] || { echo "warm-up request answered $status" >&2; exit 1; }

echo "wrk -t$threads -c$connections -d$duration GET /api/v1/servers/{id}"
wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$target" | tee "$work/wrk.txt"

rps="$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")"
p99="$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$work/wrk.txt")"
echo
echo "requests/s: $rps"
echo "p99 latency: $p99"
if [ -n "$non2xx" ]; then echo "non-2xx responses: $non2xx" >&2; exit 1; fi
