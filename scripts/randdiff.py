#!/usr/bin/python3
"""Random-instruction differential test of minifvp's core against QEMU (mps3-an547, Cortex-M55).

For each seed: `randgen generate` draws cases from minifvp's own decode tables, the firmware
(tests/diff/randdiff/driver.S + the generated cases.S) is built with arm-none-eabi-gcc, and the same
ELF runs
  - on QEMU, the oracle: qemu-system-arm -M mps3-an547 ... -kernel cases.elf
  - on minifvp's core in-process: randgen run cases.elf (always available)
  - on the minifvp binary (build/minifvp cases.elf), when it can run the ELF.
Every case prints one line (registers, SP, APSR, changed scratch words, or FAULT and CFSR; for cases
with floating-point or MVE instructions also S0-S31 = Q0-Q7, FPSCR and VPR); the lines are compared
and each mismatch is reported with its encodings, row names, disassembly, initial state and both
final states.

Classes (--classes, comma separated; default dp,mul,div,load,store,ldm,stm,system):
  dp mul div load store ldm stm branch system   the decoder's integer instruction classes
  fp    scalar floating point (the Coprocessor rows outside the MVE tables; "cp" is an alias)
  mve   MVE: every beat-wise (Vector) row, every row of cpu/decode/table_mve_*.cpp and the MVE rows
        of other tables (VPT, VPST, VCTP, VPNOT, VPSEL, loops), found in the decode tables, so new
        rows take part without being listed. A VPT/VPST is followed by exactly its block (1-4
        beat-wise instructions). Left out always: the coprocessor-space catch-alls (*_FP_space_*)
        and the tail-predicated loops DLSTP/WLSTP/LETP (branches).
Cases with fp or mve rows start from seeded S0-S31 (per lane format: +-0, subnormals, +-inf, quiet
and signalling NaNs with payloads, +-1.0, largest/smallest normals, ties, conversion limits, int8/16/32
extremes, ordinary and random values), FPSCR with random RMode/FZ/DN/FZ16/AHP (a quarter also with
random flags) and LTPSIZE 4, VPR often with a P0 and, when every instruction is beat-wise, sometimes a
VPT block state (MASK01/MASK23). With --classes mve and no MVE row in the tables at all the script
exits 77 (SKIP).
Known differences kept out of the comparison (both allowed by the architecture, or unsettled):
  - encodings that decode to exec::fp_undefined (UNDEFINED or UNPREDICTABLE) are not drawn;
  - VPR[31:24] is RES0: QEMU keeps written bits, minifvp reads zero; the generator keeps the bits
    zero in what VMSR VPR and VLDR VPR write, and the comparison masks them in the final VPR;
  - VLDR/VSTR (System Register) with a PC base (QEMU: UNDEFINED) are not drawn;
  - MVE element addresses are element aligned unless --mve-unaligned PERCENT asks otherwise:
    QEMU 7.2 does not check MVE alignment, minifvp raises UNALIGNED.

Exit status: 0 all equal, 1 mismatches or a broken run, 77 a needed tool is missing (ctest SKIP).

Examples:
  scripts/randdiff.py                                 # seed 1, 2000 single-instruction cases
  scripts/randdiff.py --seed 7 --rows 'SMLA|SMUL'     # only rows whose name matches
  scripts/randdiff.py --max-insns 3 --seeds 10        # sequences, ten seeds
  scripts/randdiff.py --long                          # 50 seeds x 4095 cases, sequences
  scripts/randdiff.py --work-dir /tmp/rd              # keep cases.S, cases.txt, cases.elf
  scripts/randdiff.py --classes fp --seeds 20 --cases 4095 --max-insns 3   # scalar FP at length
  scripts/randdiff.py --classes mve --rows 'VADD|VSUB' --cases 2000        # some MVE rows
A mismatch is reproduced by its seed (plus the same --cases/--max-insns/--rows options); the case
number is its index in cases.txt and its stub is at 0x10010000 + 32 * index in cases.elf.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict

SKIP = 77
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIRMWARE_DIR = os.path.join(ROOT, "tests", "diff", "randdiff")
FIELDS = ["r%d" % i for i in range(13)] + ["lr", "sp", "apsr"]
FP_FIELDS = ["s%d" % i for i in range(32)] + ["fpscr", "vpr"]
STUB_BASE = 0x10010000  # tests/diff/randdiff/layout.h: RD_STUB_BASE
STUB_STRIDE = 32


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    p.add_argument("--cases", type=int, default=2000, help="cases per seed (at most 4095)")
    p.add_argument("--seeds", type=int, default=1, help="number of consecutive seeds to run")
    p.add_argument("--long", action="store_true",
                   help="long mode: 50 seeds of 4095 cases, up to 3 instructions per case, "
                   "20%% IT blocks")
    p.add_argument("--max-insns", type=int, default=1, help="test instructions per case (1-3)")
    p.add_argument("--it", type=int, default=0,
                   help="percent of cases that are a whole IT block (IT + 1-3 instructions)")
    p.add_argument("--mve-unaligned", type=int, default=0,
                   help="percent of MVE load/store cases with misaligned element addresses "
                   "(default 0, see above)")
    p.add_argument("--classes", help="instruction classes, comma separated: "
                   "dp,mul,div,load,store,ldm,stm,branch,system,fp,mve (default: the integer ones "
                   "without branch; see above)")
    p.add_argument("--exclude", help="regular expression of row names to leave out")
    p.add_argument("--rows", help="regular expression: only rows whose name matches")
    p.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    p.add_argument("--work-dir", help="where to keep generated files (default: a temporary dir)")
    p.add_argument("--timeout", type=float, default=120, help="seconds per QEMU or minifvp run")
    p.add_argument("--max-reports", type=int, default=20, help="mismatches printed in full")
    p.add_argument("--no-minifvp-binary", action="store_true",
                   help="compare QEMU with the in-process run only")
    args = p.parse_args()
    if args.long:
        args.seeds = max(args.seeds, 50)
        args.cases = 4095
        args.max_insns = max(args.max_insns, 3)
        args.it = args.it or 20
    if not 1 <= args.cases <= 4095:
        p.error("--cases must be 1..4095")
    return args


def find_tools(args):
    tools = {
        "gcc": shutil.which("arm-none-eabi-gcc"),
        "objdump": shutil.which("arm-none-eabi-objdump"),
        "qemu": shutil.which("qemu-system-arm"),
        "randgen": os.path.join(args.build_dir, "tests", "tools", "randgen"),
        "minifvp": os.path.join(args.build_dir, "minifvp"),
    }
    missing = [n for n in ("gcc", "qemu") if not tools[n]]
    if missing:
        print("randdiff: SKIP: not installed: " + ", ".join(missing))
        sys.exit(SKIP)
    if not os.access(tools["randgen"], os.X_OK):
        print("randdiff: %s is not built (cmake --build build --target randgen)" % tools["randgen"])
        sys.exit(1)
    return tools


def run(cmd, timeout=None, check=True, merge_stderr=False):
    # QEMU writes semihosting console output to stderr; simulators' outputs are read merged.
    result = subprocess.run(cmd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT if merge_stderr else subprocess.PIPE,
                            text=True, errors="replace", timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s%s" % (" ".join(cmd), result.returncode,
                                                      result.stdout[-2000:],
                                                      (result.stderr or "")[-4000:]))
    return result


def build_firmware(tools, work, args, seed):
    cases_s = os.path.join(work, "cases.S")
    cases_txt = os.path.join(work, "cases.txt")
    gen = [tools["randgen"], "generate", "--seed", str(seed), "--cases", str(args.cases),
           "--max-insns", str(args.max_insns), "--it", str(args.it),
           "--mve-unaligned", str(args.mve_unaligned),
           "--asm", cases_s, "--list", cases_txt]
    if args.classes:
        gen += ["--classes", args.classes]
    if args.exclude:
        gen += ["--exclude", args.exclude]
    if args.rows:
        gen += ["--rows", args.rows]
    summary = run(gen).stderr
    candidates = None
    for line in summary.splitlines():
        words = line.split()
        if "candidate" in words and "of" in words:
            candidates = int(words[words.index("of") + 1])
    ld = os.path.join(work, "randdiff.ld")
    run([tools["gcc"], "-E", "-P", "-x", "c", "-I", FIRMWARE_DIR,
         os.path.join(FIRMWARE_DIR, "randdiff.ld"), "-o", ld])
    elf = os.path.join(work, "cases.elf")
    run([tools["gcc"], "-nostdlib", "-nostartfiles", "-I", FIRMWARE_DIR, "-T", ld,
         os.path.join(FIRMWARE_DIR, "driver.S"), cases_s, "-o", elf])
    return elf, cases_txt, summary, candidates


def read_cases(path):
    cases = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            index = int(parts[0])
            initial = dict(zip(FIELDS[:13] + ["lr", "apsr"], parts[3:18]))
            if len(parts) > 18 and parts[18] == "fp":
                initial.update(zip(FP_FIELDS, parts[19:]))
            cases[index] = {
                "encodings": parts[1].split(":"),
                "rows": parts[2].split(":"),
                "initial": initial,
            }
    return cases


def parse_output(text):
    """Case index -> the rest of its line; plus whether the run reached its end."""
    lines = {}
    for line in text.splitlines():
        if line.startswith("C") and len(line) > 9:
            try:
                lines[int(line[1:9], 16)] = line[10:]
            except ValueError:
                pass
    return lines, "RANDDIFF end" in text


def run_simulator(name, cmd, timeout):
    start = time.monotonic()
    try:
        result = run(cmd, timeout=timeout, check=False, merge_stderr=True)
        text = result.stdout
        note = "" if result.returncode == 0 else "exit status %d" % result.returncode
    except subprocess.TimeoutExpired as e:
        text = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        note = "timed out after %.0f s" % timeout
    lines, complete = parse_output(text)
    return {"name": name, "lines": lines, "complete": complete, "note": note,
            "seconds": time.monotonic() - start, "raw": text}


def disassemble(tools, elf):
    if not tools["objdump"]:
        return {}
    out = run([tools["objdump"], "-d", "-j", ".randdiff_stubs", elf], check=False).stdout
    result = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].strip().endswith(":"):
            try:
                result[int(parts[0].strip()[:-1], 16)] = " ".join(p.strip() for p in parts[2:])
            except ValueError:
                pass
    return result


def split_state(rest):
    """Line text after the case number -> (fields dict, memory list) or ("FAULT", cfsr)."""
    words = rest.split()
    if words and words[0] == "FAULT":
        return {"fault": words[1] if len(words) > 1 else "?"}, []
    state = dict(zip(FIELDS, words[:16]))
    rest = words[16:]
    if rest and rest[0] == "fp":
        state.update(zip(FP_FIELDS, rest[1:1 + len(FP_FIELDS)]))
        rest = rest[1 + len(FP_FIELDS):]
    return state, rest


CFSR_BITS = {0: "IACCVIOL", 1: "DACCVIOL", 7: "MMARVALID", 8: "IBUSERR", 9: "PRECISERR",
             15: "BFARVALID", 16: "UNDEFINSTR", 17: "INVSTATE", 18: "INVPC", 19: "NOCP",
             20: "STKOF", 24: "UNALIGNED", 25: "DIVBYZERO"}


def describe_fault(cfsr):
    if cfsr is None:
        return "no fault"
    try:
        value = int(cfsr, 16)
    except ValueError:
        return "FAULT " + cfsr
    names = [name for bit, name in sorted(CFSR_BITS.items()) if value >> bit & 1]
    return "FAULT CFSR=%s (%s)" % (cfsr, ",".join(names) or "none")


def describe_mismatch(index, case, disasm, oracle_rest, other_rest, other_name):
    out = []
    out.append("case %d:" % index)
    addr = STUB_BASE + index * STUB_STRIDE
    for enc, row in zip(case["encodings"], case["rows"]):
        text = disasm.get(addr, "?")
        out.append("  %-8s %-28s %s" % (enc, row, text))
        addr += len(enc) // 2
    init = case["initial"]
    out.append("  initial: " + " ".join("%s=%s" % (k, init[k]) for k in FIELDS[:13] + ["lr"]) +
               " sp=30010800 apsr=%s" % init["apsr"])
    if "fpscr" in init:
        out.append("  initial fp: " + " ".join("%s=%s" % (k, init[k]) for k in FP_FIELDS))
    a_state, a_mem = split_state(oracle_rest)
    b_state, b_mem = split_state(other_rest)
    out.append("  qemu:    " + oracle_rest)
    out.append("  %-8s " % (other_name + ":") + other_rest)
    if "fault" in a_state or "fault" in b_state:
        out.append("  differs: fault: qemu %s vs %s %s" % (
            describe_fault(a_state.get("fault")), other_name, describe_fault(b_state.get("fault"))))
        return "\n".join(out)
    order = FIELDS + FP_FIELDS
    differing = [k for k in sorted(set(a_state) | set(b_state), key=lambda k: (
        order.index(k) if k in order else 99)) if a_state.get(k) != b_state.get(k)]
    if a_mem != b_mem:
        differing.append("memory")
    if differing:
        diffs = []
        for k in differing:
            if k == "memory":
                diffs.append("memory: qemu [%s] vs [%s]" % (" ".join(a_mem), " ".join(b_mem)))
            else:
                diffs.append("%s: qemu %s vs %s" % (k, a_state.get(k, "-"), b_state.get(k, "-")))
        out.append("  differs: " + "; ".join(diffs))
    return "\n".join(out)


def normalise(rest):
    """Removes differences both behaviours of which the architecture allows: VPR[31:24] is RES0,
    which QEMU keeps as written (VMSR, VLDR) and minifvp reads as zero."""
    words = rest.split()
    if len(words) > 16 + len(FP_FIELDS) and words[16] == "fp":
        vpr = 17 + FP_FIELDS.index("vpr")
        words[vpr] = "%08x" % (int(words[vpr], 16) & 0x00ffffff)
        return " ".join(words)
    return rest


def compare(oracle, other, cases, disasm, args, reported, by_row):
    mismatches = 0
    for index in sorted(cases):
        a = oracle["lines"].get(index)
        b = other["lines"].get(index)
        if a is None or b is None:
            continue
        if a == b or normalise(a) == normalise(b):
            continue
        mismatches += 1
        for row in set(cases[index]["rows"]):
            by_row[row] += 1
        if len(cases[index]["rows"]) == 1:
            by_row["single:" + cases[index]["rows"][0]] += 1
        if reported[0] < args.max_reports:
            reported[0] += 1
            print(describe_mismatch(index, cases[index], disasm, a, b, other["name"]))
    return mismatches


def check_complete(result, cases):
    """A run that stopped early: say where (the first missing case is the suspect)."""
    if result["complete"] and len(result["lines"]) == len(cases):
        return True
    missing = [i for i in sorted(cases) if i not in result["lines"]]
    first = missing[0] if missing else None
    detail = result["note"] or "no end marker"
    print("randdiff: %s stopped early (%s); %d of %d cases reported%s" % (
        result["name"], detail, len(result["lines"]), len(cases),
        "" if first is None else "; first missing case %d (%s)" % (
            first, ":".join(cases[first]["rows"]))))
    tail = result["raw"].strip().splitlines()[-3:]
    for line in tail:
        print("  | " + line[:200])
    return False


def main():
    args = parse_args()
    tools = find_tools(args)
    work_root = args.work_dir
    temp = None
    if not work_root:
        import tempfile
        temp = tempfile.TemporaryDirectory(prefix="randdiff-")
        work_root = temp.name
    os.makedirs(work_root, exist_ok=True)

    started = time.monotonic()
    total_cases = 0
    total_mismatches = 0
    broken = False
    rows_seen = Counter()
    by_row = defaultdict(int)
    reported = [0]
    minifvp_usable = None
    timings = Counter()
    for seed in range(args.seed, args.seed + args.seeds):
        work = os.path.join(work_root, "seed%d" % seed)
        os.makedirs(work, exist_ok=True)
        elf, cases_txt, summary, candidates = build_firmware(tools, work, args, seed)
        sys.stdout.write(summary)
        if (candidates == 0 and args.classes and "mve" in args.classes.split(",") and
                not args.rows and not args.exclude):
            print("randdiff: SKIP: the decode tables hold no row of the selected classes")
            return SKIP
        cases = read_cases(cases_txt)
        if not cases:
            print("randdiff: seed %d: no usable rows, nothing to compare" % seed)
            continue
        for case in cases.values():
            for row in case["rows"]:
                rows_seen[row] += 1
        qemu_cmd = [tools["qemu"], "-M", "mps3-an547", "-nographic", "-monitor", "none",
                    "-serial", "none", "-semihosting-config", "enable=on,target=native",
                    "-kernel", elf]
        oracle = run_simulator("qemu", qemu_cmd, args.timeout)
        inproc = run_simulator("inproc", [tools["randgen"], "run", elf], args.timeout)
        timings["qemu"] += oracle["seconds"]
        timings["inproc"] += inproc["seconds"]
        others = [inproc]
        if not args.no_minifvp_binary and os.access(tools["minifvp"], os.X_OK):
            binary = run_simulator("minifvp", [tools["minifvp"], elf], args.timeout)
            timings["minifvp"] += binary["seconds"]
            if minifvp_usable is None:
                minifvp_usable = "RANDDIFF begin" in binary["raw"]
                if not minifvp_usable:
                    print("randdiff: build/minifvp does not run the test ELF yet (no output); "
                          "comparing QEMU with the in-process run only")
            if minifvp_usable:
                others.append(binary)
        if not check_complete(oracle, cases):
            broken = True
        disasm = disassemble(tools, elf)
        for other in others:
            if not check_complete(other, cases):
                broken = True
            mismatches = compare(oracle, other, cases, disasm, args, reported, by_row)
            total_mismatches += mismatches
            compared = sum(1 for i in cases if i in oracle["lines"] and i in other["lines"])
            print("randdiff: seed %d: qemu vs %s: %d cases compared, %d mismatches" % (
                seed, other["name"], compared, mismatches))
        total_cases += len(cases)

    elapsed = time.monotonic() - started
    print("randdiff: %d cases over %d seeds, %d distinct rows; %d mismatches; %.1f s "
          "(qemu %.1f s, in-process %.1f s%s)" % (
              total_cases, args.seeds, len(rows_seen), total_mismatches, elapsed,
              timings["qemu"], timings["inproc"],
              ", minifvp %.1f s" % timings["minifvp"] if timings["minifvp"] else ""))
    single = {row[7:]: n for row, n in by_row.items() if row.startswith("single:")}
    anywhere = {row: n for row, n in by_row.items() if not row.startswith("single:")}
    if single:
        print("randdiff: mismatching rows in single-instruction cases (cases): " + ", ".join(
            "%s (%d)" % (row, n) for row, n in sorted(single.items(), key=lambda kv: -kv[1])))
    if anywhere:
        print("randdiff: mismatching rows (cases containing them): " + ", ".join(
            "%s (%d)" % (row, n) for row, n in sorted(anywhere.items(), key=lambda kv: -kv[1])))
    if temp is not None:
        temp.cleanup()
    return 1 if total_mismatches or broken else 0


if __name__ == "__main__":
    sys.exit(main())
