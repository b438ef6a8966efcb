#!/usr/bin/env bash
# Benchmarks `nsx tokens scan` next to ripgrep searching the same tree for the same shape:
#
#   nsx tokens scan TREE -q
#   rg -c 'nsx_(live|test)_[A-Za-z0-9]{32}' TREE
#
# Builds nsx in release mode, picks the tree (/usr/share when it holds at least 40,000 files
# and 500 MB, else a generated tree of ~50,000 files and ~750 MB with a few tokens planted),
# warms the page cache, and times both with hyperfine, side by side in one run. Prints each
# mean, the ratio nsx/rg next to the target (at most 1.5×), the tree's size and file count,
# and the load average before and after (the machine may be shared; figures are only as
# quiet as it is).
#
#   bench/scan.sh                       # /usr/share, or a generated tree
#   TREE=/path/to/tree bench/scan.sh    # any tree
#   GENERATE=1 bench/scan.sh            # always the generated tree
#   RUNS=20 BENCH_BIN_DIR=/path/to/bin bench/scan.sh
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-10}"
target="1.5"

for tool in rg hyperfine python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is needed (scripts/install-deps installs it)" >&2; exit 1; }
done

bin="${BENCH_BIN_DIR:-}"
if [ -z "$bin" ]; then
    scripts/build-release --product nsx >&2
    bin=.build/release
fi
nsx="$bin/nsx"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tree="${TREE:-}"
if [ -z "$tree" ] && [ -z "${GENERATE:-}" ]; then
    files=$(find /usr/share -type f 2>/dev/null | wc -l)
    bytes=$(du -sb /usr/share 2>/dev/null | cut -f1)
    if [ "$files" -ge 40000 ] && [ "$bytes" -ge 500000000 ]; then
        tree=/usr/share
    else
        echo "/usr/share is small here ($files files, $((bytes / 1000000)) MB): generating a tree" >&2
    fi
fi
if [ -z "$tree" ]; then
    tree="$work/tree"
    echo "generating ~50,000 files, ~750 MB in $tree…" >&2
    python3 - "$tree" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(42)
words = ("let var func return import struct class enum self case switch default if else for in while "
         "token name value config server region plan label nsx_ box text index xml yaml json http url "
         "path file line column status error result option print write read open close").split()
def text(size):
    parts, n = [], 0
    while n < size:
        line = " ".join(rng.choice(words) for _ in range(rng.randint(3, 14))) + "\n"
        parts.append(line)
        n += len(line)
    return "".join(parts)[:size]
# 50,000 files in 500 folders of 100: most small, a few large, ~750 MB in all.
chunk = text(1 << 20)
planted = 0
for d in range(500):
    folder = os.path.join(root, f"d{d:03d}", f"sub{d % 7}")
    os.makedirs(folder, exist_ok=True)
    for f in range(100):
        size = rng.choice([800, 2000, 4000, 8000, 16000, 32000]) if f % 50 else rng.choice([100000, 200000, 500000])
        start = rng.randrange(0, len(chunk) - size) if size < len(chunk) else 0
        body = (chunk * (size // len(chunk) + 1))[start:start + size]
        if (d * 100 + f) % 2500 == 0:
            env = "live" if planted % 2 == 0 else "test"
            body = body[: size // 2] + f"\nNSX_TOKEN=nsx_{env}_" + "Bnch" + f"{planted:04d}" + "q" * 24 + "\n" + body[size // 2:]
            planted += 1
        with open(os.path.join(folder, f"f{f:03d}.txt"), "w") as out:
            out.write(body)
PY
fi

files=$(find "$tree" -type f 2>/dev/null | wc -l)
bytes=$(du -sb "$tree" 2>/dev/null | cut -f1)

# Warm the cache: read everything once with each tool.
"$nsx" tokens scan "$tree" -q >/dev/null 2>&1 || true
rg -c 'nsx_(live|test)_[A-Za-z0-9]{32}' "$tree" >/dev/null 2>&1 || true

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Exit codes say "found" or "not found" (nsx 10/0, rg 0/1): neither is a failure here.
hyperfine --style basic --warmup 2 --runs "$runs" --ignore-failure --export-json "$work/times.json" \
    --command-name "nsx tokens scan" "$nsx tokens scan '$tree' -q" \
    --command-name "rg -c" "rg -c 'nsx_(live|test)_[A-Za-z0-9]{32}' '$tree'" >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$work/times.json" "$tree" "$files" "$bytes" "$load_before" "$load_after" "$target" "$(nproc)" <<'PY'
import json, sys
times, tree, files, size, before, after, target, cores = sys.argv[1:]
results = {r["command"]: r for r in json.load(open(times))["results"]}
nsx, rg = results["nsx tokens scan"], results["rg -c"]
ratio = nsx["mean"] / rg["mean"]
print(f"tree:            {tree}: {int(files):,} files, {int(size) / 1e6:,.0f} MB (warm cache)")
print(f"machine:         {cores} cores; load average {before} before, {after} after")
for name, r in (("nsx tokens scan", nsx), ("rg -c", rg)):
    print(f"{name:16} {r['mean'] * 1000:7.0f} ms ± {r['stddev'] * 1000:4.0f} ms  (user {r['user'] * 1000:5.0f} ms, system {r['system'] * 1000:5.0f} ms)")
verdict = "within" if ratio <= float(target) else "OVER"
print(f"ratio nsx / rg:  {ratio:.2f}×  (target ≤ {target}×: {verdict})")
PY
