#!/usr/bin/env bash
# Validates nsx-server's responses against docs/openapi.yaml with schemathesis.
#
# Starts the built server on a free port with a throwaway data folder and --demo, creates an
# API token holding every permission, and lets schemathesis exercise every operation with a
# bounded number of examples. Exits non-zero on any failure.
#
#   scripts/check-openapi.sh            # uses `swift build --show-bin-path` (or $NSX_BIN_DIR)
#   MAX_EXAMPLES=50 scripts/check-openapi.sh
set -euo pipefail
cd "$(dirname "$0")/.."

max_examples="${MAX_EXAMPLES:-25}"
bin_dir="${NSX_BIN_DIR:-$(swift build --show-bin-path)}"
if [ ! -x "$bin_dir/nsx-server" ]; then
    swift build --product nsx-server
fi
if ! command -v schemathesis >/dev/null 2>&1; then
    python3 -m pip install --quiet schemathesis
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$bin_dir/nsx-server" --port 0 --data "$work/nsx.sqlite" --demo --rate-limit 0 --action-delay 0.05 \
    >"$work/stdout" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q '^nsx-server listening on ' "$work/stdout" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { echo "nsx-server exited early:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.1
done
url="$(sed -n 's/^nsx-server listening on //p' "$work/stdout")"
[ -n "$url" ] || { echo "nsx-server did not start" >&2; exit 1; }

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['data']['$1'])"; }
session="$(curl -sf -X POST "$url/auth/login" -H 'Content-Type: application/json' \
    -d '{"email":"demo@example.com","password":"demo-password"}' | json_field token)"
token="$(curl -sf -X POST "$url/api/v1/tokens" -H 'Content-Type: application/json' -H "Authorization: Bearer $session" \
    -d '{"name":"schemathesis","permissions":["servers:read","servers:write","instances:read","instances:write","instances:actions","backups:read","backups:write","backups:restore","settings:read","settings:write"]}' \
    | json_field token)"

echo "schemathesis against $url (max $max_examples examples per operation)"
spec="$PWD/docs/openapi.yaml"
cd "$work" # schemathesis keeps its example database in the working folder
schemathesis run "$spec" \
    --url "$url" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$max_examples" \
    --seed 1 \
    --workers 2 \
    --request-timeout 10 \
    --suppress-health-check all \
    --warnings off
