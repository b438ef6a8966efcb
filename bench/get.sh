#!/usr/bin/env bash
# One authenticated GET against a local nsx-server: `nsx servers get ID -o json` next to
# curl, the credential first in NSX_TOKEN, then in a real keyring.
#
# With NSX_TOKEN (hyperfine -N, no shell):
#   curl -s URL -H "Authorization: Bearer TOKEN"        target: nsx ≤ 1.15× this
# With the token stored by `nsx login --with-token` in a throwaway gnome-keyring
# (scripts/with-keyring; the script re-runs itself inside one):
#   { printf 'Authorization: Bearer '; secret-tool lookup profile default api_url URL; } \
#       | curl -s -H @- URL                              target: nsx ≤ 1.0× this
# The curl side is the fastest honest shell equivalent: secret-tool and curl run at the
# same time, as two processes in a pipe, so curl loads its libraries while the lookup runs
# and reads the header from the pipe (no command substitution, no extra shell). Both sides
# run through hyperfine's shell, whose start-up hyperfine measures and subtracts, so
# neither pays for it. hyperfine times all runs of one command, then the next, so the
# machine's drift can land on one of them; the keyring part also runs the commands in turn
# (bench/interleaved.py, every command through `bash -c`, `bash -c :` subtracted).
#
#   bench/get.sh                                      # builds with scripts/build-release
#   BENCH_BIN_DIR=.build/release BASELINE_BIN_DIR=/work/baseline/.build/release bench/get.sh
#   RUNS=100 ROUNDS=3 bench/get.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${NSX_TEST_KEYRING:-}" ]; then exec scripts/with-keyring "$0" "$@"; fi
. bench/lib.sh

require hyperfine curl secret-tool python3
runs="${RUNS:-100}"
rounds="${ROUNDS:-3}"
bench_builds
start_bench_server "$bin/nsx-server"

prepare_target

export NSX_API_URL="$url" NSX_CONFIG_DIR="$work/config"
mkdir -p "$NSX_CONFIG_DIR"

# Every command must answer with this server before anything is timed.
expect_server() { # label, command…
    local label="$1" output
    shift
    output="$("$@")" || { echo "$label failed" >&2; exit 1; }
    grep -q "\"$server_id\"" <<<"$output" || { echo "$label did not return $server_id: $output" >&2; exit 1; }
}

machine

# MARK: NSX_TOKEN
commands=(-n "curl" "curl -s $target -H 'Authorization: Bearer $token'")
targets=()
expect_server curl curl -s "$target" -H "Authorization: Bearer $token"
while read -r label dir; do
    NSX_TOKEN="$token" expect_server "$label" "$dir/nsx" servers get "$server_id" -o json
    commands+=(-n "$label servers get" "$dir/nsx servers get $server_id -o json")
    targets+=(--target "$label servers get=1.15")
done < <(builds)
for round in $(seq 1 "$rounds"); do
    echo "NSX_TOKEN: run $round of $rounds…" >&2
    NSX_TOKEN="$token" hyperfine -N --warmup 10 --runs "$runs" --style none \
        --export-json "$work/token-$round.json" "${commands[@]}" >/dev/null 2>"$work/hyperfine.err" \
        || { cat "$work/hyperfine.err" >&2; exit 1; }
done

# MARK: keyring
printf '%s' "$token" | "$bin/nsx" login --with-token >/dev/null 2>"$work/login.err" || { cat "$work/login.err" >&2; exit 1; }
stored="$(secret-tool lookup profile default api_url "$url")"
[ "$stored" = "$token" ] || { echo "the keyring does not hold the token nsx stored" >&2; exit 1; }
pipeline="{ printf 'Authorization: Bearer '; secret-tool lookup profile default api_url '$url'; } | curl -s -H @- '$target'"
expect_server "secret-tool | curl" sh -c "$pipeline"
commands=(-n "secret-tool | curl" "$pipeline")
keyring_targets=()
interleaved=()
while read -r label dir; do
    expect_server "$label (keyring)" "$dir/nsx" servers get "$server_id" -o json
    commands+=(-n "$label servers get (keyring)" "$dir/nsx servers get $server_id -o json")
    interleaved+=("$label servers get (keyring)=$dir/nsx servers get $server_id -o json")
    keyring_targets+=(--target "$label servers get (keyring)=1.0")
done < <(builds)
for round in $(seq 1 "$rounds"); do
    echo "keyring: run $round of $rounds…" >&2
    hyperfine --warmup 5 --runs "$runs" --style none --export-json "$work/keyring-$round.json" "${commands[@]}" \
        >/dev/null 2>"$work/hyperfine.err" || { cat "$work/hyperfine.err" >&2; exit 1; }
done

echo
echo "GET /api/v1/servers/{id}, credential in NSX_TOKEN, $runs runs per command per run (hyperfine -N)"
python3 bench/summarise.py --reference curl "${targets[@]}" "$work"/token-*.json
if command -v valgrind >/dev/null 2>&1; then
    echo
    echo "instructions executed with NSX_TOKEN (valgrind --tool=callgrind; nsx copies without debug info)"
    reference="$(instructions curl -s "$target" -H "Authorization: Bearer $token")"
    printf '%-28s %12s\n' curl "$reference"
    while read -r label dir; do
        count="$(NSX_TOKEN="$token" instructions "$(countable_nsx "$label" "$dir")" servers get "$server_id" -o json)"
        printf '%-28s %12s %6.2f×\n' "$label servers get" "$count" "$(awk -v a="$count" -v b="$reference" 'BEGIN { print a / b }')"
    done < <(builds)
fi
echo
echo "the same, credential in the keyring, $runs runs per command per run (hyperfine, shell time subtracted)"
python3 bench/summarise.py --reference "secret-tool | curl" "${keyring_targets[@]}" "$work"/keyring-*.json
echo
echo "the same again, interleaved: one run of each command in turn, $((runs * 2)) passes"
python3 bench/interleaved.py --runs "$((runs * 2))" --reference "secret-tool | curl" "${keyring_targets[@]}" \
    "secret-tool | curl=$pipeline" "${interleaved[@]}"
