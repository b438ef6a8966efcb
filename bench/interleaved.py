#!/usr/bin/env python3
"""Times shell commands in turn, one run of each per pass, and prints each median next to a
reference's: the machine's drift (another engineer's build starting, a core that sleeps)
then falls on every command alike, where hyperfine's one-command-after-another rounds can
put it on one of them.

Every command runs through `bash -c`, and a `bash -c :` run in every pass is subtracted, so
a pipeline pays no more for its shell than a single program does.

    bench/interleaved.py --runs 100 --reference curl --target 'nsx=1.15' \\
        'curl=curl -s URL' 'nsx=nsx servers get ID -o json'
"""
import argparse
import statistics
import subprocess
import sys
import time


def time_once(command: str) -> float:
    started = time.perf_counter()
    finished = subprocess.run(["bash", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = (time.perf_counter() - started) * 1000
    if finished.returncode != 0:
        sys.exit(f"interleaved: `{command}` exited with {finished.returncode}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--reference", required=True, help="the name of the command the others are divided by")
    parser.add_argument("--target", action="append", default=[], help="NAME=RATIO: the ratio NAME must not exceed")
    parser.add_argument("commands", nargs="+", help="NAME=COMMAND")
    arguments = parser.parse_args()

    commands = dict(item.split("=", 1) for item in arguments.commands)
    targets = {name: float(ratio) for name, ratio in (item.rsplit("=", 1) for item in arguments.target)}
    if arguments.reference not in commands:
        sys.exit(f"interleaved: no command named {arguments.reference}")
    shell = ":"
    times = {name: [] for name in [*commands, shell]}
    for index in range(arguments.warmup + arguments.runs):
        for name, command in [*commands.items(), (shell, shell)]:
            elapsed = time_once(command)
            if index >= arguments.warmup:
                times[name].append(elapsed)

    shell_median = statistics.median(times[shell])
    medians = {name: statistics.median(times[name]) - shell_median for name in commands}
    reference = medians[arguments.reference]
    print(f"{'command':<32} {'median':>9} {'ratio':>7} {'p25–p75':>15}  target")
    for name in commands:
        low, _, high = statistics.quantiles(times[name], n=4)
        ratio = medians[name] / reference
        if name == arguments.reference:
            verdict = "reference"
        elif name in targets:
            verdict = f"≤ {targets[name]:g}×  " + ("met" if ratio <= targets[name] else "MISSED")
        else:
            verdict = ""
        spread = f"{low - shell_median:.2f}–{high - shell_median:.2f}"
        print(f"{name:<32} {medians[name]:7.2f}ms {ratio:6.2f}× {spread:>15}  {verdict}")
    print(f"(medians less `bash -c :`, {shell_median:.2f} ms; {arguments.runs} passes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
