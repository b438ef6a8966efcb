#!/usr/bin/env bash
# Start-up: `nsx --version`, `nsx --help` and `nsx completion bash` next to `curl --version`,
# with hyperfine (no shell in between), ROUNDS separate runs of every command, the ratio of
# medians taken inside each run and the median of those reported. Target: ≤ 0.5× curl.
#
#   bench/startup.sh                                  # builds with scripts/build-release
#   BENCH_BIN_DIR=.build/release BASELINE_BIN_DIR=/work/baseline/.build/release bench/startup.sh
#   RUNS=300 ROUNDS=5 bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

require hyperfine curl python3
runs="${RUNS:-200}"
rounds="${ROUNDS:-3}"
bench_builds

bench_workdir
# An empty config folder: nothing the user has set changes what is measured.
export NSX_CONFIG_DIR="$work/config"
mkdir -p "$NSX_CONFIG_DIR"

commands=(-n "curl --version" "curl --version")
targets=()
while read -r label dir; do
    for words in "--version" "--help" "completion bash"; do
        commands+=(-n "$label $words" "$dir/nsx $words")
        targets+=(--target "$label $words=0.5")
    done
done < <(builds)

machine
for round in $(seq 1 "$rounds"); do
    echo "run $round of $rounds…" >&2
    hyperfine -N --warmup 20 --runs "$runs" --style none --export-json "$work/run-$round.json" "${commands[@]}" \
        >/dev/null 2>"$work/hyperfine.err" || { cat "$work/hyperfine.err" >&2; exit 1; }
done
echo
echo "start-up, $runs runs per command per run (hyperfine -N)"
python3 bench/summarise.py --reference "curl --version" "${targets[@]}" "$work"/run-*.json

if command -v valgrind >/dev/null 2>&1; then
    echo
    echo "instructions executed (valgrind --tool=callgrind; on copies without debug info, which this valgrind cannot read)"
    reference="$(instructions curl --version)"
    printf '%-28s %12s\n' "curl --version" "$reference"
    while read -r label dir; do
        nsx="$(countable_nsx "$label" "$dir")"
        for words in "--version" "--help" "completion bash"; do
            # shellcheck disable=SC2086 # the words are separate arguments
            count="$(instructions "$nsx" $words)"
            printf '%-28s %12s %6.2f×\n' "$label $words" "$count" "$(awk -v a="$count" -v b="$reference" 'BEGIN { print a / b }')"
        done
    done < <(builds)
fi
