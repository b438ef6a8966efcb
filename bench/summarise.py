#!/usr/bin/env python3
"""Summarises hyperfine runs: median time per command, and its ratio to a reference
command measured in the same run, with the issue's target next to it.

    summarise.py --reference "curl --version" --target "nsx --version=0.5" round-*.json

Each JSON file is one hyperfine run (--export-json) holding every command, so each ratio
is taken inside one run (same machine load) and the reported ratio is the median of the
per-run ratios; min and max show how much the runs disagreed. The CPU-time ratio (user +
system) beside it is less disturbed by other work on a shared machine. A target is the largest
ratio allowed ("NAME=0.5" means ≤ 0.5×); a command given no target is reported without one.
"""
import argparse
import json
import statistics
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reference", required=True, help="the command the others are divided by")
    parser.add_argument("--target", action="append", default=[], help="NAME=MAX_RATIO")
    parser.add_argument("runs", nargs="+", help="hyperfine --export-json files, one per run")
    options = parser.parse_args()

    targets = {}
    for spec in options.target:
        name, _, limit = spec.rpartition("=")
        targets[name] = float(limit)

    medians = {}  # command -> [median seconds per run]
    cpu = {}  # command -> [mean user + system seconds per run]
    for path in options.runs:
        with open(path, encoding="utf-8") as file:
            for result in json.load(file)["results"]:
                medians.setdefault(result["command"], []).append(result["median"])
                cpu.setdefault(result["command"], []).append(result["user"] + result["system"])
    if options.reference not in medians:
        print(f"no command named {options.reference!r} in the runs", file=sys.stderr)
        return 1
    reference = medians[options.reference]
    reference_cpu = cpu[options.reference]

    width = max(len(name) for name in medians)
    print(f"{'command'.ljust(width)}  {'median':>9}  {'ratio':>7}  {'(runs)':>13}  {'cpu':>7}  target")
    for name, values in medians.items():
        time = f"{statistics.median(values) * 1000:7.2f}ms"
        if name == options.reference:
            print(f"{name.ljust(width)}  {time:>9}  {'1':>6}×  {'':>13}  {'1':>6}×  reference")
            continue
        ratios = [value / base for value, base in zip(values, reference)]
        ratio = statistics.median(ratios)
        spread = f"{min(ratios):.2f}–{max(ratios):.2f}"
        cpu_ratio = statistics.median(value / base for value, base in zip(cpu[name], reference_cpu))
        verdict = ""
        if name in targets:
            met = ratio <= targets[name]
            verdict = f"≤ {targets[name]:g}×  {'met' if met else 'MISSED'}"
        print(f"{name.ljust(width)}  {time:>9}  {ratio:6.2f}×  {spread:>13}  {cpu_ratio:6.2f}×  {verdict}")
    print(f"({len(options.runs)} runs; ratio: median of the per-run ratios of median wall times, the figure the")
    print(" target is about; cpu: the same for mean user + system time, which other load disturbs less)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
