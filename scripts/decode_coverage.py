#!/usr/bin/python3
"""Lists the instructions of firmware ELFs that minifvp's decoder does not implement.

Disassembles each ELF (arm-none-eabi-objdump -d -marmv8.1-m.main, so that MVE encodings are
named), feeds every distinct encoding to the decode_coverage tool (tests/tools/decode_coverage),
and prints the missing ones grouped by mnemonic, with an example encoding and where it occurs.
Useful while an instruction family is being implemented: a firmware run stops at the first
UNDEFINED instruction, this shows all of them at once.

Exit status: 0 when every instruction decodes, 1 when some are missing, 2 on errors.
"""
import argparse
import collections
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FUNCTION = re.compile(r"^[0-9a-f]+ <([^>]+)>:$")
INSTRUCTION = re.compile(r"^\s*([0-9a-f]+):\s+([0-9a-f]{4})(?: ([0-9a-f]{4}))?\s+\t(.*)$")


def disassemble(elf, objdump):
    """Yields (encoding hex, text, function) for every instruction in the executable sections."""
    listing = subprocess.run([objdump, "-d", "-marmv8.1-m.main", elf], stdout=subprocess.PIPE,
                             check=True, text=True).stdout
    function = "?"
    for line in listing.splitlines():
        match = FUNCTION.match(line)
        if match:
            function = match.group(1)
            continue
        match = INSTRUCTION.match(line)
        if not match:
            continue
        text = match.group(4).split(";")[0].split("@")[0].strip()
        if text.startswith(".word") or text.startswith(".short") or not text:
            continue  # literal pools
        yield match.group(2) + (match.group(3) or ""), text, function


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("elf", nargs="+")
    parser.add_argument("--tool", default=os.path.join(ROOT, "build", "tests", "tools",
                                                       "decode_coverage"))
    parser.add_argument("--objdump", default="arm-none-eabi-objdump")
    parser.add_argument("--all", action="store_true", help="list every missing encoding")
    args = parser.parse_args()
    if not os.access(args.tool, os.X_OK):
        print(f"decode_coverage: {args.tool} not found (build the decode_coverage target)")
        return 2

    seen = {}
    for elf in args.elf:
        for encoding, text, function in disassemble(elf, args.objdump):
            seen.setdefault(encoding, (text, f"{os.path.basename(elf)}:{function}"))
    tool_input = "".join(f"{encoding} {text}\n" for encoding, (text, _) in sorted(seen.items()))
    result = subprocess.run([args.tool], input=tool_input, stdout=subprocess.PIPE, text=True)
    if result.returncode not in (0, 1):
        print(f"decode_coverage: the tool failed with status {result.returncode}")
        return 2

    missing = collections.defaultdict(list)
    total = 0
    for line in result.stdout.splitlines():
        verdict, encoding, row, text = (line.split(" ", 3) + [""])[:4]
        total += 1
        if verdict == "missing":
            mnemonic = text.split()[0] if text else "?"
            missing[mnemonic].append((encoding, row, text))
    count = sum(len(v) for v in missing.values())
    print(f"{total} distinct encodings in {len(args.elf)} ELF(s); {count} not implemented "
          f"({len(missing)} mnemonics)")
    for mnemonic, rows in sorted(missing.items()):
        encoding, row, text = rows[0]
        where = seen[encoding][1]
        print(f"  {mnemonic:16s} x{len(rows):<3d} e.g. {encoding} {text}  [{row}] in {where}")
        if args.all:
            for encoding, row, text in rows[1:]:
                print(f"  {'':16s}      {encoding} {text}  [{row}] in {seen[encoding][1]}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
