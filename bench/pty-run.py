#!/usr/bin/env python3
"""Runs a command with its stdout on a pseudo-terminal (or, with --pipe, on a pipe), reads
everything it writes as fast as it comes, and prints "WALL_SECONDS PEAK_RSS_KIB BYTES" of the
command. One harness for both, so a table on a terminal and NDJSON on a pipe are timed alike.

    pty-run.py [--pipe] [--columns N] COMMAND [ARG...]
"""
import argparse
import fcntl
import os
import struct
import sys
import termios
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pipe", action="store_true", help="stdout on a pipe instead of a terminal")
    parser.add_argument("--columns", type=int, default=160)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    if not options.command:
        parser.error("no command")

    if options.pipe:
        reader, writer = os.pipe()
    else:
        reader, writer = os.openpty()
        fcntl.ioctl(writer, termios.TIOCSWINSZ, struct.pack("HHHH", 50, options.columns, 0, 0))

    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.dup2(writer, 1)
        os.close(reader)
        os.close(writer)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        try:
            os.execvp(options.command[0], options.command)
        finally:
            os._exit(127)
    os.close(writer)
    received = 0
    while True:
        try:
            chunk = os.read(reader, 1 << 16)
        except OSError:  # EIO: the terminal's other side closed
            break
        if not chunk:
            break
        received += len(chunk)
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"{options.command[0]} exited with {os.waitstatus_to_exitcode(status)}", file=sys.stderr)
        return 1
    print(f"{wall:.3f} {usage.ru_maxrss} {received}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
