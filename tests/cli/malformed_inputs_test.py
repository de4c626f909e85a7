#!/usr/bin/python3
"""Runs the minifvp binary on malformed firmware files and bad command lines.

Each case must end with exit status 2 and exactly one line on stderr that names the problem.
Usage: malformed_inputs_test.py MINIFVP_BINARY WORK_DIR
"""
import os
import struct
import subprocess
import sys

EM_ARM = 40


def elf32(machine=EM_ARM, ei_class=1, ei_data=1, segments=(), phoff=52):
    """An ELF32 executable with the given PT_LOAD segments: (paddr, data bytes, memsz)."""
    header_size, phentsize = 52, 32
    data_offset = header_size + phentsize * len(segments)
    phdrs, blobs = b"", b""
    for paddr, data, memsz in segments:
        phdrs += struct.pack("<IIIIIIII", 1, data_offset + len(blobs), paddr, paddr, len(data),
                             memsz or len(data), 5, 4)
        blobs += data
    ident = b"\x7fELF" + bytes([ei_class, ei_data, 1]) + bytes(9)
    header = ident + struct.pack("<HHIIIIIHHHHHH", 2, machine, 1, 0x10000001, phoff, 0, 0,
                                 header_size, phentsize, len(segments), 40, 0, 0)
    return header + phdrs + blobs


def cases():
    good_segment = [(0x10000000, b"\x00\x00\x02\x20\x09\x00\x00\x10" + bytes(8), 0)]
    truncated = elf32(segments=[(0x10000000, bytes(256), 0)])[:-100]
    return {
        "text.elf": (b"this is not an ELF file\n", "not an ELF file"),
        "empty.elf": (b"", "not an ELF file"),
        "elf64.elf": (elf32(ei_class=2, segments=good_segment), "64-bit ELF"),
        "bigendian.elf": (elf32(ei_data=2, segments=good_segment), "big-endian"),
        "riscv.elf": (elf32(machine=243, segments=good_segment), "is not Arm"),
        "truncated.elf": (truncated, "truncated file: segment 0"),
        "short-header.elf": (elf32(segments=good_segment)[:40], "truncated file"),
        "phdrs-missing.elf": (elf32(segments=good_segment)[:60], "truncated file"),
        "hole.elf": (elf32(segments=[(0x40000000, bytes(16), 0x100)]),
                     "segment 0 at 0x40000000-0x400000ff (256 bytes) is outside mapped memory: "
                     "0x40000000-0x400000ff is unmapped"),
        "past-dtcm.elf": (elf32(segments=[(0x2007f000, bytes(16), 0x2000)]),
                          "0x20080000-0x20080fff is unmapped"),
    }


def run(binary, args):
    return subprocess.run([binary] + args, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def check(name, proc, expected):
    lines = proc.stderr.splitlines()
    problems = []
    if proc.returncode != 2:
        problems.append(f"exit status {proc.returncode}, expected 2")
    if len(lines) != 1:
        problems.append(f"{len(lines)} lines on stderr, expected 1")
    if expected not in proc.stderr:
        problems.append(f"stderr lacks {expected!r}")
    if problems:
        print(f"FAIL {name}: {'; '.join(problems)}\n  stderr: {proc.stderr!r}")
        return False
    print(f"ok   {name}: {lines[0]}")
    return True


def main():
    binary, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    ok = True
    for name, (content, expected) in cases().items():
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(content)
        ok &= check(name, run(binary, [path]), expected)
    good = os.path.join(work, "good.elf")
    with open(good, "wb") as f:
        f.write(elf32(segments=[(0x10000000, b"\x00\x00\x02\x20\x09\x00\x00\x10" + bytes(8), 0)]))
    ok &= check("missing file", run(binary, [os.path.join(work, "nonexistent.elf")]),
                "cannot open file")
    ok &= check("unknown option", run(binary, ["--frobnicate", good]), "--frobnicate")
    ok &= check("no firmware", run(binary, []), "no firmware given")
    ok &= check("bad number", run(binary, ["--max-instructions", "lots", good]), "lots")
    ok &= check("bad num_macs", run(binary, ["-C", "ethosu.num_macs=7", good]), "num_macs=7")
    ok &= check("unknown platform", run(binary, ["--platform", "corstone-1000", good]),
                "unknown platform")
    ok &= check("data outside memory",
                run(binary, ["--data", f"{good}@0x40000000", good]), "outside mapped memory")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
