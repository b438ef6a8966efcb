#!/usr/bin/env bash
# nsx-server under load: GET /api/v1/servers/{id} with an API token, under wrk.
#
# For each build: starts the server on a free port with a throwaway SQLite file (WAL, as in
# real use; request log to a file, rate limiting off), creates a server and a read-only API
# token, runs wrk (2 threads, 50 connections) and prints requests/s and p99 latency.
# Target on the 2-core machine: ≥ 10,000 requests/s with p99 < 10 ms. With a baseline the
# two servers are measured one after the other, ROUNDS times, alternating.
#
# Then, with valgrind, the instructions the server executes per request: the same GET sent
# REQUESTS times over one keep-alive connection (curl) to a server under callgrind, counted
# only after a warm-up, so the figure is the steady state and does not move with the load.
# PROFILE=DIR keeps each build's callgrind file there for callgrind_annotate.
#
#   bench/server.sh                 # DURATION=12s CONNECTIONS=50 THREADS=2 ROUNDS=1 REQUESTS=2000
#   BENCH_BIN_DIR=.build/release BASELINE_BIN_DIR=/work/baseline/.build/release ROUNDS=3 bench/server.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

duration="${DURATION:-12s}"
connections="${CONNECTIONS:-50}"
threads="${THREADS:-2}"
rounds="${ROUNDS:-1}"
requests="${REQUESTS:-2000}"
require wrk curl python3
bench_builds

# get_many N — N GETs of $target on one connection; fails unless every one answered 200.
get_many() {
    local config="$work/curl-$1.conf" answered
    for _ in $(seq 1 "$1"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$target"; done >"$config"
    answered="$(curl -s -K "$config" -H "Authorization: Bearer $token" -w '%{http_code}\n' | grep -c '^200$' || true)"
    [ "$answered" = "$1" ] || { echo "only $answered of $1 requests answered 200" >&2; exit 1; }
}

# measure LABEL DIR ROUND — one wrk run against a fresh server of that build.
measure() {
    local label="$1" dir="$2" round="$3"
    start_bench_server "$dir/nsx-server"
    prepare_target

    echo "$label, run $round: wrk -t$threads -c$connections -d$duration GET /api/v1/servers/{id}" >&2
    wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$target" >"$work/wrk.txt"
    stop_bench_server
    local non2xx
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$work/wrk.txt")"
    if [ -n "$non2xx" ]; then cat "$work/wrk.txt" >&2; echo "non-2xx responses: $non2xx" >&2; exit 1; fi
    printf '%s\t%s\t%s\n' "$label" "$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")" \
        "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")" >>"$work/results.tsv"
}

# per_request LABEL DIR — instructions per GET: a server (a copy without debug info, which
# this valgrind cannot read) under callgrind with instrumentation off until the warm-up
# is done, then on for $requests requests.
per_request() {
    local label="$1" dir="$2" binary="$work/$1-nsx-server" out="$work/$1.callgrind" collected
    strip -g -o "$binary" "$dir/nsx-server"
    BENCH_SERVER_WRAPPER="valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=$out" \
        start_bench_server "$binary" 600
    prepare_target
    get_many 200
    callgrind_control -i on "$server_pid" >/dev/null
    get_many "$requests"
    callgrind_control -i off "$server_pid" >/dev/null
    stop_bench_server
    collected="$(sed -n 's/^totals: *//p' "$out")"
    if [ -n "${PROFILE:-}" ]; then mkdir -p "$PROFILE" && cp "$out" "$PROFILE/$label.callgrind"; fi
    printf '%-10s %14.0f\n' "$label" "$(awk -v c="$collected" -v n="$requests" 'BEGIN { print c / n }')"
}

machine
bench_workdir
: >"$work/results.tsv"
for round in $(seq 1 "$rounds"); do
    while read -r label dir; do measure "$label" "$dir" "$round"; done < <(builds)
done

echo
echo "GET /api/v1/servers/{id}, wrk -t$threads -c$connections -d$duration, $rounds run(s) per build"
printf '%-10s %12s %10s   %s\n' build requests/s p99 "target: ≥ 10000 req/s, p99 < 10 ms"
while read -r label _; do
    rps="$(awk -F'\t' -v label="$label" '$1 == label { print $2 }' "$work/results.tsv" | median)"
    p99="$(awk -F'\t' -v label="$label" '$1 == label {
        v = $3; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000
        print v }' "$work/results.tsv" | median)"
    printf '%-10s %12.0f %8.2fms   %s\n' "$label" "$rps" "$p99" \
        "$(awk -v r="$rps" -v p="$p99" 'BEGIN { print (r >= 10000 && p < 10) ? "met" : "MISSED" }')"
done < <(builds)

if command -v valgrind >/dev/null 2>&1; then
    echo
    echo "instructions per GET /api/v1/servers/{id} (valgrind --tool=callgrind, $requests requests on one connection after 200 uncounted)"
    printf '%-10s %14s\n' build instructions
    while read -r label dir; do per_request "$label" "$dir"; done < <(builds)
fi
