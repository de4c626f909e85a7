#!/usr/bin/python3
"""Differential test of the MVE floating-point instructions: minifvp against QEMU (mps3-an547).

Complements scripts/randdiff.py (which draws rows from the decode tables with LTPSIZE = 4) with
a fixed list of every MVE floating-point instruction form, F16 and F32, and states that randdiff
does not produce: tail predication (random FPSCR.LTPSIZE with a random LR) and partially
predicated elements (VPR.P0 patterns that enable only some bytes of a lane).

Each case loads Q0-Q2 (S0-S11), FPSCR (random RMode/FZ16/FZ/DN/AHP and LTPSIZE), R2 (the scalar
operand), LR and VPR (sometimes a one-instruction VPT block with a random P0), executes one
instruction, and stores S0-S11 and FPSCR. At the end the firmware prints one line per case through
semihosting SYS_WRITE0: the 12 words of Q0-Q2 and FPSCR in hex. The same ELF runs on QEMU and on
build/minifvp, and the lines are compared.

Usage: scripts/mve_float_diff.py [--seed N] [--per-form N] [--filter TEXT] [--work-dir DIR]
Exit status: 0 equal, 1 mismatches, 77 a tool is missing.
"""
import argparse
import collections
import os
import random
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Edge values per format: zeros, ones, ties, the smallest normals and denormals, extreme normals,
# infinities, quiet and signalling NaNs with payloads, integer-conversion limits.
F32_EDGES = [0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x40000000, 0x40200000, 0xc0200000,
             0x3f000000, 0xbf000000, 0x3fc00000, 0x00800000, 0x80800000, 0x00000001, 0x807fffff,
             0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc12345, 0xffc00001,
             0x7f800001, 0xff812345, 0x4f000000, 0xcf000000, 0x4f800000, 0x4f7fffff, 0x47800000,
             0x477fe000, 0x477ff000, 0x38800000, 0x33800000, 0x33000000, 0x387fc000, 0x3f800001,
             0x4b800001, 0x501502f9, 0x46fffe00, 0xc7000000, 0x37800000]
F16_EDGES = [0x0000, 0x8000, 0x3c00, 0xbc00, 0x4000, 0x4100, 0xc100, 0x3800, 0xb800, 0x3e00,
             0x0400, 0x8400, 0x0001, 0x83ff, 0x7bff, 0xfbff, 0x7c00, 0xfc00, 0x7e00, 0x7e12,
             0xfe01, 0x7c01, 0xfd23, 0x7800, 0x77ff, 0x3c01, 0x5bf0, 0x0200, 0x03ff, 0x1800,
             0x6800, 0x6801]
INT32_EDGES = [0, 1, 2, 3, 0xffffffff, 0xfffffffe, 0x80000000, 0x7fffffff, 0x01000001, 0x00018000]
INT16_EDGES = [0, 1, 0xffff, 0x8000, 0x7fff, 0x0801, 0xffff8000, 0x00017fff, 0x80017fff]

# Encodings GAS 2.40 gets wrong (it doubles the Q register numbers of VCVTB/VCVTT): q0, q2.
VCVT_HALF_SINGLE = [("vcvtb.f16.f32", 0xee3f0e05, 4), ("vcvtt.f16.f32", 0xee3f1e05, 4),
                    ("vcvtb.f32.f16", 0xfe3f0e05, 2), ("vcvtt.f32.f16", 0xfe3f1e05, 2)]


def instruction_forms():
    """(family, assembly, lane bytes, source kind 'f' float or 'i' integer) for every form."""
    forms = []
    for suffix, esize in (("f32", 4), ("f16", 2)):
        for op in ("vadd", "vsub", "vmul", "vabd", "vmaxnm", "vminnm", "vfma", "vfms"):
            forms.append((op, f"{op}.{suffix} q0, q1, q2", esize, "f"))
        for op in ("vadd", "vsub", "vmul", "vfma", "vfmas"):
            forms.append((op + " scalar", f"{op}.{suffix} q0, q1, r2", esize, "f"))
        for op in ("vmaxnma", "vminnma", "vabs", "vneg", "vrintn", "vrintx", "vrinta", "vrintz",
                   "vrintm", "vrintp"):
            forms.append((op, f"{op}.{suffix} q0, q2", esize, "f"))
        bits = esize * 8
        for sign in "su":
            integer = f"{sign}{bits}"
            forms.append(("vcvt to int", f"vcvt.{integer}.{suffix} q0, q2", esize, "f"))
            forms.append(("vcvt from int", f"vcvt.{suffix}.{integer} q0, q2", esize, "i"))
            for fbits in ((1, 8, 16, 31, 32) if esize == 4 else (1, 8, 15, 16)):
                forms.append(("vcvt to fixed", f"vcvt.{integer}.{suffix} q0, q2, #{fbits}", esize,
                              "f"))
                forms.append(("vcvt from fixed", f"vcvt.{suffix}.{integer} q0, q2, #{fbits}",
                              esize, "i"))
            for mode in "anpm":
                forms.append((f"vcvt{mode}", f"vcvt{mode}.{integer}.{suffix} q0, q2", esize, "f"))
        for rotation in (90, 270):
            forms.append(("vcadd", f"vcadd.{suffix} q0, q1, q2, #{rotation}", esize, "f"))
            forms.append(("vcadd Qd=Qm", f"vcadd.{suffix} q2, q1, q2, #{rotation}", esize, "f"))
        for rotation in (0, 90, 180, 270):
            forms.append(("vcmul", f"vcmul.{suffix} q0, q1, q2, #{rotation}", esize, "f"))
            forms.append(("vcmla", f"vcmla.{suffix} q0, q1, q2, #{rotation}", esize, "f"))
            forms.append(("vcmul Qd=Qm", f"vcmul.{suffix} q2, q1, q2, #{rotation}", esize, "f"))
            forms.append(("vcmla Qd=Qn", f"vcmla.{suffix} q1, q1, q2, #{rotation}", esize, "f"))
    for name, raw, esize in VCVT_HALF_SINGLE:
        forms.append((name, ".inst.w 0x%08x" % raw, esize, "f"))
    return forms


def random_float(rng, esize):
    if esize == 4:
        pick = rng.random()
        if pick < 0.6:
            return rng.choice(F32_EDGES)
        if pick < 0.8:
            return rng.getrandbits(32)
        top = rng.choice([0x3f, 0x40, 0x41, 0x4b, 0x4f, 0xbf, 0xc0, 0xcb])  # near integers
        return (top << 24) | rng.getrandbits(24)
    return rng.choice(F16_EDGES) if rng.random() < 0.6 else rng.getrandbits(16)


def random_vector(rng, esize, kind):
    """Four 32-bit words of a Q register."""
    if kind == "i":
        edges = INT32_EDGES if esize == 4 else INT16_EDGES
        return [rng.choice(edges) if rng.random() < 0.5 else rng.getrandbits(32) for _ in range(4)]
    if esize == 4:
        return [random_float(rng, 4) for _ in range(4)]
    halves = [random_float(rng, 2) for _ in range(8)]
    return [halves[2 * i] | (halves[2 * i + 1] << 16) for i in range(4)]


def random_case(rng, esize, kind):
    q0, q1 = random_vector(rng, esize, "f"), random_vector(rng, esize, "f")
    q2 = random_vector(rng, esize, kind)
    ltpsize = rng.choice([0, 1, 2, 3]) if rng.random() < 0.25 else 4
    fpscr = (ltpsize << 16) | (rng.getrandbits(2) << 22)
    for bit in (19, 24, 25, 26):  # FZ16, FZ, DN, AHP
        if rng.random() < 0.4:
            fpscr |= 1 << bit
    scalar = random_float(rng, 4) if esize == 4 else (rng.getrandbits(16) << 16) | random_float(
        rng, 2)
    vpr = 0
    pick = rng.random()
    block_of_one = (0b1000 << 16) | (0b1000 << 20)  # MASK01 = MASK23 = 1000: a VPT block of one
    if pick < 0.3:
        vpr = block_of_one | rng.getrandbits(16)
    elif pick < 0.4:
        vpr = block_of_one | rng.choice([0x00ff, 0xff00, 0x0f0f, 0x3333, 0xcccc, 0x000c, 0x0002])
    lr = rng.choice([0, 1, 2, 3, 5, 7, 8, 15, 16, 100])
    return q0 + q1 + q2 + [fpscr, scalar, vpr, lr]


LINKER_SCRIPT = """ENTRY(reset_handler)
SECTIONS {
  .text 0x10000000 : { KEEP(*(.vectors)) *(.text*) *(.rodata*) }
  .bss 0x30000000 (NOLOAD) : { *(.bss*) }
}
"""

# Prints the result words: 13 per case (S0-S11, FPSCR), one line each, via SYS_WRITE0.
DUMP_ROUTINE = """
    .thumb_func
dump:
    ldr r4, =results
    ldr r5, =result_words_end
1:  ldr r7, =line
    movs r8, #13
2:  ldr r0, [r4], #4
    movs r9, #8
3:  lsrs r1, r0, #28
    cmp r1, #10
    ite lo
    addlo r1, r1, #48
    addhs r1, r1, #87
    strb r1, [r7], #1
    lsls r0, r0, #4
    subs r9, r9, #1
    bne 3b
    movs r1, #32
    strb r1, [r7], #1
    subs r8, r8, #1
    bne 2b
    movs r1, #10
    strb r1, [r7], #1
    movs r1, #0
    strb r1, [r7]
    movs r0, #4
    ldr r1, =line
    bkpt 0xab
    cmp r4, r5
    blo 1b
    movs r0, #0x18
    ldr r1, =0x20026
    bkpt 0xab
    b .
    .ltorg

    .thumb_func
fault_handler:
    movs r0, #4
    ldr r1, =fault_text
    bkpt 0xab
    movs r0, #0x18
    ldr r1, =0x20026
    bkpt 0xab
    b .
    .ltorg
"""


def firmware_source(cases):
    out = ["\t.syntax unified", "\t.arch armv8.1-m.main", "\t.arch_extension mve.fp",
           "\t.arch_extension fp.dp", "\t.thumb", "\t.section .vectors, \"a\"",
           "\t.word 0x30070000", "\t.word reset_handler", "\t.rept 14", "\t.word fault_handler",
           "\t.endr", "\t.text", "\t.global reset_handler", "\t.thumb_func", "reset_handler:",
           "\tldr r0, =0xe000ed88", "\tldr r1, [r0]", "\torr r1, r1, #(0xf << 20)",
           "\tstr r1, [r0]", "\tdsb", "\tisb"]  # CPACR: CP10 and CP11 full access
    for i, (_, assembly, _, _, words) in enumerate(cases):
        out += [f"\tldr r0, =input_{i}", "\tvldmia r0, {s0-s11}", "\tldr r1, [r0, #48]",
                "\tvmsr fpscr, r1", "\tldr r2, [r0, #52]", "\tldr r3, [r0, #56]",
                "\tldr lr, [r0, #60]", "\tvmsr vpr, r3", "\t" + assembly, "\tvmrs r1, fpscr",
                f"\tldr r0, =results + {52 * i}", "\tvstmia r0, {s0-s11}", "\tstr r1, [r0, #48]"]
        if i % 64 == 63:
            out += ["\tb 1f", "\t.ltorg", "1:"]
    out += ["\tb dump", "\t.ltorg", DUMP_ROUTINE, "\t.section .rodata",
            "fault_text: .asciz \"FAULT\\n\"", "\t.balign 4"]
    for i, case in enumerate(cases):
        out.append(f"input_{i}: .word " + ", ".join("0x%08x" % w for w in case[4]))
    out += ["\t.bss", "\t.balign 4", "line: .space 128", f"results: .space {52 * len(cases)}",
            "result_words_end:"]
    return "\n".join(out) + "\n"


def run(command, timeout):
    # QEMU writes semihosting output to stderr when it is not a terminal.
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            timeout=timeout, stdin=subprocess.DEVNULL)
    return [line.split() for line in result.stdout.splitlines() if len(line.split()) == 13]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-form", type=int, default=20, help="cases per instruction form")
    parser.add_argument("--filter", default="", help="only forms whose assembly contains this")
    parser.add_argument("--build-dir", default=os.path.join(REPO, "build"))
    parser.add_argument("--work-dir", help="keep cases.S and the outputs here")
    parser.add_argument("--max-reports", type=int, default=3, help="mismatches shown per family")
    args = parser.parse_args()

    gcc, qemu = shutil.which("arm-none-eabi-gcc"), shutil.which("qemu-system-arm")
    minifvp = os.path.join(args.build_dir, "minifvp")
    if not gcc or not qemu or not os.access(minifvp, os.X_OK):
        print("mve_float_diff: needs arm-none-eabi-gcc, qemu-system-arm and " + minifvp)
        return 77
    rng = random.Random(args.seed)
    cases = []
    for family, assembly, esize, kind in instruction_forms():
        if args.filter in assembly:
            cases += [(family, assembly, esize, kind, random_case(rng, esize, kind))
                      for _ in range(args.per_form)]
    if len(cases) > 4000:  # code and inputs live in the 512 KiB ITCM
        print("mve_float_diff: %d cases do not fit; lower --per-form" % len(cases))
        return 1
    work = args.work_dir or tempfile.mkdtemp(prefix="mve_float_diff")
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "cases.S"), "w") as f:
        f.write(firmware_source(cases))
    with open(os.path.join(work, "link.ld"), "w") as f:
        f.write(LINKER_SCRIPT)
    elf = os.path.join(work, "cases.elf")
    # GAS warns about the deliberate Qd = Qm/Qn forms (CONSTRAINED UNPREDICTABLE); ignore that.
    subprocess.run([gcc, "-nostdlib", "-nostartfiles", "-T", os.path.join(work, "link.ld"),
                    os.path.join(work, "cases.S"), "-o", elf], check=True, capture_output=True)
    oracle = run([qemu, "-M", "mps3-an547", "-nographic", "-monitor", "none", "-serial", "none",
                  "-semihosting-config", "enable=on,target=native", "-kernel", elf], 300)
    ours = run([minifvp, elf], 300)

    totals, mismatches = collections.Counter(), collections.Counter()
    for i, (family, assembly, _, _, words) in enumerate(cases):
        totals[family] += 1
        expected = oracle[i] if i < len(oracle) else None
        actual = ours[i] if i < len(ours) else None
        if expected is None or expected != actual:
            mismatches[family] += 1
            if mismatches[family] <= args.max_reports:
                print(f"MISMATCH case {i}: {assembly}")
                print("  input q0-q2 fpscr r2 vpr lr: " + " ".join("%08x" % w for w in words))
                print("  qemu:    " + (" ".join(expected) if expected else "(missing)"))
                print("  minifvp: " + (" ".join(actual) if actual else "(missing)"))
    for family in totals:
        print("%-16s %6d cases %6d mismatches" % (family, totals[family], mismatches[family]))
    print("mve_float_diff: seed %d: %d cases, %d mismatches" % (
        args.seed, len(cases), sum(mismatches.values())))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
