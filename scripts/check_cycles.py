#!/usr/bin/env python3
"""Cycle-count gate: runs a fixed set of firmware on minifvp with --stats-json and compares the
simulated cycles and retired instructions with the committed baselines
(tests/baselines/<name>.json).

minifvp is deterministic: the same ELF and input always give the same counts, so the default
tolerance is exact (0 %) for both metrics. A changed count therefore means a deliberate change
(timing table, code generation, firmware); accept it with --update, which rewrites the baselines,
and commit them with the change that caused them. --cycle-tolerance lets a caller accept small
drift (percent) where that is wanted.

Exit status: 0 when every metric is within tolerance, 1 otherwise (or when a program fails),
2 on usage errors.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

EOT = b"\x04"
METRICS = ("instructions", "cycles")


def load_programs(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["programs"]


def run_program(minifvp, elf, console_input, timeout):
    with tempfile.TemporaryDirectory() as tmp:
        stats_path = os.path.join(tmp, "stats.json")
        stdin_bytes = console_input.encode().decode("unicode_escape").encode("latin-1") + EOT
        completed = subprocess.run([minifvp, elf, "--stats-json", stats_path], input=stdin_bytes,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=timeout, check=False)
        if not os.path.exists(stats_path):
            raise RuntimeError(f"{elf}: no statistics written (status {completed.returncode}):\n"
                               + completed.stderr.decode(errors="replace"))
        with open(stats_path, encoding="utf-8") as f:
            stats = json.load(f)
    if stats.get("schema") != "minifvp-stats/1":
        raise RuntimeError(f"{elf}: unexpected statistics schema {stats.get('schema')!r}")
    return stats, completed.returncode


def delta_percent(before, after):
    if before == 0:
        return 0.0 if after == 0 else float("inf")
    return (after - before) * 100.0 / before


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--minifvp", required=True, help="the minifvp binary")
    parser.add_argument("--firmware-dir", required=True,
                        help="the cross build directory (build/firmware/cross)")
    parser.add_argument("--programs", default=os.path.join(root, "tests", "cycles",
                                                           "programs.json"))
    parser.add_argument("--baselines", default=os.path.join(root, "tests", "baselines"))
    parser.add_argument("--cycle-tolerance", type=float, default=0.0,
                        help="allowed cycle change in percent (default 0: exact)")
    parser.add_argument("--instruction-tolerance", type=float, default=0.0,
                        help="allowed instruction change in percent (default 0: exact)")
    parser.add_argument("--update", action="store_true", help="rewrite the baselines")
    parser.add_argument("--only", action="append", help="run only these programs")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    tolerance = {"instructions": args.instruction_tolerance, "cycles": args.cycle_tolerance}

    failures = 0
    rows = []
    for program in load_programs(args.programs):
        name = program["name"]
        if args.only and name not in args.only:
            continue
        elf = os.path.join(args.firmware_dir, program["elf"])
        if not os.path.exists(elf):
            if program.get("optional"):
                print(f"skip {name}: {elf} not built")
                continue
            print(f"FAIL {name}: {elf} not found")
            failures += 1
            continue
        try:
            stats, status = run_program(args.minifvp, elf, program.get("input", ""), args.timeout)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"FAIL {name}: {error}")
            failures += 1
            continue
        expected_status = program.get("status", 0)
        if status != expected_status:
            print(f"FAIL {name}: exit status {status}, expected {expected_status}")
            failures += 1
            continue
        baseline_path = os.path.join(args.baselines, f"{name}.json")
        current = {m: stats[m] for m in METRICS}
        if args.update:
            os.makedirs(args.baselines, exist_ok=True)
            with open(baseline_path, "w", encoding="utf-8") as f:
                json.dump({"schema": "minifvp-cycles-baseline/1", "program": name,
                           "elf": program["elf"], **current}, f, indent=2)
                f.write("\n")
        if not os.path.exists(baseline_path):
            print(f"FAIL {name}: no baseline {baseline_path} (run with --update)")
            failures += 1
            continue
        with open(baseline_path, encoding="utf-8") as f:
            baseline = json.load(f)
        for metric in METRICS:
            before, after = baseline[metric], current[metric]
            delta = delta_percent(before, after)
            ok = abs(delta) <= tolerance[metric]
            failures += 0 if ok else 1
            rows.append((name, metric, before, after, delta, ok))

    header = ("program", "metric", "before", "after", "delta %", "")
    table = [header] + [(n, m, str(b), str(a), f"{d:+.3f}", "ok" if ok else "OUT OF TOLERANCE")
                        for n, m, b, a, d, ok in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i])
                        for i, cell in enumerate(row)).rstrip())
    if args.update:
        print(f"baselines written to {args.baselines}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
