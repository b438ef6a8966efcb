# Shared by the bench scripts. Source it from the repository root.

# require TOOL… — stops with the apt-get line when a tool is missing.
require() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed: scripts/install-deps installs it" >&2; exit 1; }
    done
}

# bench_builds — sets $bin, the build measured (BENCH_BIN_DIR, else the shipped build made
# now by scripts/build-release), and $baseline, a second build measured side by side in the
# same run (BASELINE_BIN_DIR, optional; e.g. the base commit built the same way). Both are
# absolute paths to folders holding nsx and nsx-server.
bench_builds() {
    bin="${BENCH_BIN_DIR:-}"
    if [ -z "$bin" ]; then
        scripts/build-release >&2
        bin=.build/release
    fi
    bin="$(cd "$bin" && pwd)"
    baseline="${BASELINE_BIN_DIR:-}"
    if [ -n "$baseline" ]; then baseline="$(cd "$baseline" && pwd)"; fi
    local dir
    for dir in "$bin" ${baseline:+"$baseline"}; do
        [ -x "$dir/nsx" ] && [ -x "$dir/nsx-server" ] || { echo "no nsx and nsx-server in $dir" >&2; exit 1; }
    done
    echo "measuring: $bin${baseline:+ (baseline: $baseline)}" >&2
}

# builds — the labels and folders to measure: "nsx <bin>" and, with a baseline, "baseline <folder>".
builds() {
    echo "nsx $bin"
    if [ -n "$baseline" ]; then echo "baseline $baseline"; fi
}

# machine — one line about where the figures come from.
machine() {
    local cpu
    cpu="$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
    echo "machine: $cpu, $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# bench_workdir — sets $work, a temp folder removed on exit (with any server still running).
bench_workdir() {
    if [ -z "${work:-}" ]; then
        work="$(mktemp -d)"
        trap 'stop_bench_server; rm -rf "$work"' EXIT
    fi
}

# start_bench_server BINARY [TENTHS] — starts a throwaway nsx-server (its own SQLite file in
# $work, rate limiting off), stopped on exit or by stop_bench_server; sets $url, its base URL.
# It has TENTHS tenths of a second to start listening (default 100). BENCH_SERVER_WRAPPER,
# when set, is the command it runs under (e.g. valgrind and its options).
start_bench_server() {
    bench_workdir
    server_count=$((${server_count:-0} + 1))
    local out="$work/server-$server_count"
    # The account comes from a private users file (no password in argv); a baseline build
    # from before --users-file existed gets it with --user.
    local account=(--user bench@example.com:bench-password)
    if "$1" --help 2>&1 | grep -q -- '--users-file'; then
        (umask 077 && echo "bench@example.com:bench-password" >"$out.users")
        account=(--users-file "$out.users")
    fi
    local wrapper
    read -r -a wrapper <<<"${BENCH_SERVER_WRAPPER:-}"
    "${wrapper[@]}" "$1" --port 0 --data "$out.data/nsx.sqlite" "${account[@]}" --rate-limit 0 \
        >"$out.stdout" 2>"$out.log" &
    server_pid=$!
    for _ in $(seq 1 "${2:-100}"); do
        grep -q '^nsx-server listening on ' "$out.stdout" 2>/dev/null && break
        sleep 0.1
    done
    url="$(sed -n 's/^nsx-server listening on //p' "$out.stdout")"
    [ -n "$url" ] || { echo "nsx-server did not start: $(cat "$out.log")" >&2; exit 1; }
}

stop_bench_server() {
    if [ -n "${server_pid:-}" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}

# bench_session — a session token for the seeded bench user (after start_bench_server).
bench_session() {
    curl -sf -X POST "$url/auth/login" -H 'Content-Type: application/json' \
        -d '{"email":"bench@example.com","password":"bench-password"}' | json_field token
}

# prepare_target — on the running server: a server resource and a read-only API token;
# sets $server_id, $target (its URL) and $token, and checks one GET answers 200.
prepare_target() {
    local session status
    session="$(bench_session)"
    server_id="$(curl -sf -X POST "$url/api/v1/servers" -H 'Content-Type: application/json' -H "Authorization: Bearer $session" \
        -d '{"name":"bench-1","region":"us-east","plan":"basic-1","labels":{"purpose":"benchmark"}}' | json_field id)"
    token="$(curl -sf -X POST "$url/api/v1/tokens" -H 'Content-Type: application/json' -H "Authorization: Bearer $session" \
        -d '{"name":"bench","permissions":["servers:read"]}' | json_field token)"
    target="$url/api/v1/servers/$server_id"
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$target")"
    [ "$status" = 200 ] || { echo "warm-up request answered $status" >&2; exit 1; }
}

# median — the median of the numbers on stdin, one a line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# instructions COMMAND… — instructions the command executes, dynamic loader included
# (valgrind --tool=callgrind): the same on a busy machine as on an idle one.
instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'; }

# countable_nsx LABEL DIR — a copy of DIR/nsx without debug info (this valgrind cannot read
# the toolchain's DWARF), in $work; prints its path.
countable_nsx() {
    strip -g -o "$work/$1-nsx" "$2/nsx"
    echo "$work/$1-nsx"
}

# json_field NAME — .data.NAME of the JSON envelope on stdin.
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['data']['$1'])"; }
