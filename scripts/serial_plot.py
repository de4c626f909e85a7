#!/usr/bin/python3
"""Plots the serial output of firmware/apps/sine (sine.elf) as a PNG.

The input (a file, or standard input when FILE is '-' or absent) holds, per inference path, a
line `# path NAME`, a header `x,sin(x),prediction` and CSV rows; `# summary NAME: ...` lines give
the error and cycle figures, which go into the legend. Other lines are ignored, so the raw UART
transcript (CR LF line ends included) can be piped straight in:

    build/minifvp build/firmware/cross/apps/sine/sine.elf | scripts/serial_plot.py -o sine.png

Uses matplotlib's Agg backend (Debian's python3-matplotlib); no display is needed.
"""

from __future__ import annotations

import argparse
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)

PATH_LINE = re.compile(r"^# path (\S+)\s*$")
SUMMARY_LINE = re.compile(r"^# summary (\S+): (.*)$")


def parse(lines):
    """Returns ({path: [(x, sin x, prediction)]}, {path: summary text})."""
    series, summaries, current = {}, {}, None
    for raw in lines:
        line = raw.rstrip("\r\n")
        match = PATH_LINE.match(line)
        if match:
            current = match.group(1)
            series[current] = []
            continue
        match = SUMMARY_LINE.match(line)
        if match:
            summaries[match.group(1)] = match.group(2)
            current = None
            continue
        if current is None or line.startswith("#") or line.startswith("x,"):
            continue
        fields = line.split(",")
        if len(fields) != 3:
            continue
        try:
            series[current].append(tuple(float(f) for f in fields))
        except ValueError:
            continue
    return {k: v for k, v in series.items() if v}, summaries


def plot(series, summaries, output: str, title: str) -> None:
    fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
    reference_drawn = False
    for name, rows in series.items():
        xs = [r[0] for r in rows]
        if not reference_drawn:
            ax.plot(xs, [r[1] for r in rows], color="black", linewidth=2, label="sin(x)")
            reference_drawn = True
        label = name + (f" ({summaries[name]})" if name in summaries else "")
        ax.plot(xs, [r[2] for r in rows], marker=".", linewidth=1, label=label)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(title)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7, loc="lower left")
    fig.tight_layout()
    fig.savefig(output, format="png")
    plt.close(fig)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input", nargs="?", default="-", help="serial log file, or - for stdin")
    p.add_argument("-o", "--output", default="sine.png", help="PNG file to write")
    p.add_argument("--title", default="sine MLP on minifvp (Corstone-300)")
    args = p.parse_args(argv)
    if args.input == "-":
        series, summaries = parse(sys.stdin)
    else:
        with open(args.input, encoding="utf-8", errors="replace") as f:
            series, summaries = parse(f)
    if not series:
        print("serial_plot: no `# path` sections with x,sin(x),prediction rows in the input",
              file=sys.stderr)
        return 1
    plot(series, summaries, args.output, args.title)
    print(f"serial_plot: {sum(len(v) for v in series.values())} points of "
          f"{len(series)} path(s) -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
