# Shared by the bench scripts: start a throwaway nsx-server and stop it on exit.
# start_bench_server BINARY — sets $work (a temp folder) and $url (the server's base URL).
start_bench_server() {
    work="$(mktemp -d)"
    server_pid=""
    trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
    (umask 077 && echo "bench@example.com:bench-password" >"$work/users")
    "$1" --port 0 --data "$work/data/nsx.sqlite" --users-file "$work/users" --rate-limit 0 \
        >"$work/stdout" 2>"$work/requests.log" &
    server_pid=$!
    for _ in $(seq 1 100); do
        grep -q '^nsx-server listening on ' "$work/stdout" 2>/dev/null && break
        sleep 0.1
    done
    url="$(sed -n 's/^nsx-server listening on //p' "$work/stdout")"
    [ -n "$url" ] || { echo "nsx-server did not start" >&2; exit 1; }
}
