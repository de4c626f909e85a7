#!/usr/bin/python3
"""Runs a firmware ELF on minifvp or on QEMU (mps3-an547, Cortex-M55) and checks the result.

The console (UART0) output is normalised (CR LF -> LF) and compared with expectations; the exit
status is the one the firmware passed to semihosting SYS_EXIT_EXTENDED. Modes:

  run:     --sim minifvp|qemu, check --expect-status and --expect-output/--expect-output-file
  compare: --compare, run the same ELF and input on both and require the same output and status
  insns:   --objdump-has MNEMONIC..., check the ELF's disassembly contains those instructions

Exit status: 0 pass, 1 fail, 77 skipped (QEMU not installed: ctest's SKIP_RETURN_CODE).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

SKIP = 77
EOT = b"\x04"


def qemu_command(elf):
    return ["qemu-system-arm", "-M", "mps3-an547", "-nographic",
            # The serial port must not be multiplexed with the monitor: the mux drops input that
            # arrives before the guest has enabled the UART receiver.
            "-serial", "stdio", "-monitor", "none",
            "-semihosting-config", "enable=on,target=native", "-kernel", elf]


def minifvp_command(minifvp, elf, extra):
    return [minifvp] + extra + [elf]


def run(command, stdin_bytes, timeout):
    """Returns (status, output text, note)."""
    try:
        completed = subprocess.run(command, input=stdin_bytes, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired as expired:
        output = (expired.stdout or b"").decode("utf-8", "replace")
        return None, output.replace("\r\n", "\n"), f"timed out after {timeout} s"
    except FileNotFoundError as missing:
        return None, "", f"cannot run {command[0]}: {missing}"
    output = completed.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    errors = completed.stderr.decode("utf-8", "replace")
    return completed.returncode, output, errors.strip()


def show(label, command, status, output, note):
    print(f"--- {label}: {' '.join(command)}")
    print(f"--- status: {status}" + (f" ({note})" if note else ""))
    tail = output[-4000:]
    print(tail + ("" if tail.endswith("\n") or not tail else "\n") + f"--- end of {label} output")


def check_disassembly(elf, mnemonics, objdump, objdump_args, functions):
    """Checks that the disassembly (of `functions` only, if given) contains every mnemonic."""
    selection = [f"--disassemble={name}" for name in functions] or ["-d"]
    listing = subprocess.run([objdump] + objdump_args + selection + [elf], stdout=subprocess.PIPE,
                             check=True, text=True).stdout
    found = set(re.findall(r"^\s*[0-9a-f]+:\s+(?:[0-9a-f]{4} ?){1,2}\s+([a-z.0-9]+)", listing,
                           re.MULTILINE))
    missing = [m for m in mnemonics if m not in found]
    if missing:
        where = f" in {', '.join(functions)}" if functions else ""
        print(f"FAIL: {elf} has no {', '.join(missing)} instruction{where}")
        return 1
    print(f"PASS: {elf} contains {', '.join(mnemonics)}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--elf", required=True)
    parser.add_argument("--sim", choices=["minifvp", "qemu"], default="minifvp")
    parser.add_argument("--minifvp", default="build/minifvp", help="path of the minifvp binary")
    parser.add_argument("--minifvp-arg", action="append", default=[],
                        help="extra minifvp argument (repeatable)")
    parser.add_argument("--compare", action="store_true",
                        help="run on minifvp and QEMU and require identical output and status")
    parser.add_argument("--input", default="", help="console input (\\n escapes allowed)")
    parser.add_argument("--no-eot", action="store_true",
                        help="do not end the input with EOT (0x04); QEMU then never sees EOF")
    parser.add_argument("--expect-status", type=int, default=0)
    parser.add_argument("--expect-output", action="append", default=[],
                        help="text the output must contain (repeatable)")
    parser.add_argument("--expect-output-file", help="file the whole output must equal")
    parser.add_argument("--diff-ignore", action="append", default=[], metavar="REGEX",
                        help="with --compare: ignore output lines matching REGEX (repeatable)")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--objdump-has", nargs="+", metavar="MNEMONIC")
    parser.add_argument("--function", action="append", default=[],
                        help="with --objdump-has: look only in this function (repeatable)")
    parser.add_argument("--objdump", default="arm-none-eabi-objdump")
    parser.add_argument("--objdump-arg", action="append", default=[],
                        help="extra objdump argument, e.g. -marmv8.1-m.main to decode MVE "
                             "loads and stores (repeatable)")
    args = parser.parse_args()

    if not os.path.isfile(args.elf):
        print(f"FAIL: {args.elf} does not exist (build the firmware first)")
        return 1
    if args.objdump_has:
        return check_disassembly(args.elf, args.objdump_has, args.objdump, args.objdump_arg,
                                 args.function)

    stdin_bytes = args.input.encode().decode("unicode_escape").encode("latin-1")
    if not args.no_eot:
        stdin_bytes += EOT

    wants_qemu = args.sim == "qemu" or args.compare
    if wants_qemu and shutil.which("qemu-system-arm") is None:
        print("SKIP: qemu-system-arm is not installed")
        return SKIP

    runs = []
    if args.sim == "minifvp" or args.compare:
        command = minifvp_command(args.minifvp, args.elf, args.minifvp_arg)
        runs.append(("minifvp", command) + run(command, stdin_bytes, args.timeout))
    if wants_qemu:
        command = qemu_command(args.elf)
        runs.append(("qemu", command) + run(command, stdin_bytes, args.timeout))

    failures = []
    for label, command, status, output, note in runs:
        show(label, command, status, output, note)
        if status != args.expect_status:
            failures.append(f"{label}: exit status {status}, expected {args.expect_status}")
        for text in args.expect_output:
            if text not in output:
                failures.append(f"{label}: output lacks {text!r}")
        if args.expect_output_file:
            with open(args.expect_output_file, encoding="utf-8") as expected_file:
                if output != expected_file.read():
                    failures.append(f"{label}: output differs from {args.expect_output_file}")
    if args.compare:
        (_, _, status_a, output_a, _), (_, _, status_b, output_b, _) = runs
        ignored = [re.compile(pattern) for pattern in args.diff_ignore]

        def kept(text):
            return "".join(line for line in text.splitlines(keepends=True)
                           if not any(p.search(line) for p in ignored))
        output_a, output_b = kept(output_a), kept(output_b)
        if output_a != output_b:
            lines_a, lines_b = output_a.splitlines(), output_b.splitlines()
            first = next((i for i, (x, y) in enumerate(zip(lines_a, lines_b)) if x != y),
                         min(len(lines_a), len(lines_b)))
            failures.append(f"output differs from line {first + 1}: minifvp "
                            f"{lines_a[first:first + 1]} vs qemu {lines_b[first:first + 1]}")
        if status_a != status_b:
            failures.append(f"exit status differs: minifvp {status_a} vs qemu {status_b}")

    for failure in failures:
        print("FAIL: " + failure)
    if not failures:
        print("PASS")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
