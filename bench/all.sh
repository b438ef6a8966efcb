#!/usr/bin/env bash
# Every benchmark of docs/BENCHMARKS.md, one after the other, against one build (made once
# with scripts/build-release unless BENCH_BIN_DIR names one). BASELINE_BIN_DIR, RUNS,
# ROUNDS, COUNTS… pass through to the scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BENCH_BIN_DIR:-}" ]; then
    scripts/build-release >&2
    export BENCH_BIN_DIR=.build/release
fi
for script in startup get list server scan; do
    echo "== bench/$script.sh"
    "bench/$script.sh"
    echo
done
