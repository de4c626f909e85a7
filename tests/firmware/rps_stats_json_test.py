#!/usr/bin/python3
"""Runs the RPS demo (one round, "r" then "q") with --stats-json and checks the NPU and exception
parts of the minifvp-stats/1 file: the driver waits on IRQ 56, so exceptions are taken, and the
TinyRPS network runs as NPU operations with MACs and cycles."""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minifvp", required=True)
    parser.add_argument("--elf", required=True)
    parser.add_argument("--macs", type=int, default=128)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "stats.json")
        command = [args.minifvp, "--stats-json", path, "-C", f"ethosu.num_macs={args.macs}",
                   args.elf]
        run = subprocess.run(command, input=b"r\nq\n", capture_output=True, timeout=300)
        if run.returncode != 0:
            fail(f"exit status {run.returncode}: {run.stderr.decode(errors='replace')}")
        with open(path, encoding="utf-8") as f:
            stats = json.load(f)

    if stats.get("schema") != "minifvp-stats/1":
        fail(f"schema {stats.get('schema')!r}")
    if not stats["exceptions_taken"] > 0:
        fail("no exception taken")
    by_number = {e["name"]: e["count"] for e in stats["exceptions_by_number"]}
    if by_number.get("IRQ56", 0) == 0:
        fail(f"the NPU interrupt (IRQ56) was never taken: {by_number}")
    if sum(by_number.values()) != stats["exceptions_taken"]:
        fail("exceptions_by_number does not add up to exceptions_taken")

    npu = stats["npu"]
    if npu is None:
        fail("npu is null")
    if npu["macs_per_cycle"] != args.macs:
        fail(f"macs_per_cycle {npu['macs_per_cycle']}, expected {args.macs}")
    ops = npu["detailed"]
    if npu["operations"] == 0 or not ops:
        fail("no NPU operation")
    if len(ops) != min(npu["operations"], npu["detailed_limit"]):
        fail("detailed list length does not follow detailed_limit")
    convs = [op for op in ops if op["type"] == "conv"]
    if not convs:
        fail(f"no convolution among {sorted({op['type'] for op in ops})}")
    for op in convs:
        if op["macs"] <= 0 or op["cycles"] <= 0:
            fail(f"convolution without MACs or cycles: {op}")
        if not all(op[k] and min(op[k]) > 0 for k in ("ifm", "ofm")):
            fail(f"convolution without shapes: {op}")
    if npu["macs"] != sum(t["macs"] for t in npu["by_type"].values()):
        fail("by_type MACs do not add up")
    if npu["operations"] != sum(t["operations"] for t in npu["by_type"].values()):
        fail("by_type operations do not add up")
    if not 0 < npu["active_cycles"] <= stats["cycles"]:
        fail(f"active_cycles {npu['active_cycles']} of {stats['cycles']}")
    expected_utilisation = npu["active_cycles"] / stats["cycles"]
    if abs(npu["utilisation"] - expected_utilisation) > 1e-9:
        fail(f"utilisation {npu['utilisation']}, expected {expected_utilisation}")
    if sum(npu["region_read_bytes"]) == 0 or sum(npu["region_write_bytes"]) == 0:
        fail("no NPU memory traffic")
    print(f"PASS: {npu['operations']} NPU operations, {npu['macs']} MACs, "
          f"{npu['active_cycles']} NPU cycles, utilisation {npu['utilisation']:.4f}, "
          f"{stats['exceptions_taken']} exceptions")


if __name__ == "__main__":
    main()
