#!/usr/bin/python3
"""GCC torture conformance run: gcc.c-torture/execute (and execute/ieee) on QEMU and minifvp.

Takes the tests from Debian's gcc-12-source (/usr/src/gcc-12/gcc-*.tar.xz), extracts them once into
<build>/torture/src, compiles each for the Cortex-M55 with the firmware runtime
(firmware/common + firmware/torture_runtime) for every requested flavour, and runs the ELFs on
QEMU (mps3-an547) and on minifvp. A test passes when it exits with status 0 (the tests call
abort() on failure).

Tests that need what bare metal or this target lacks are skipped with the reason, never silently:
the dg-skip-if / dg-require-effective-target / dg-xfail-if directives are evaluated for
arm-none-eabi, and host file I/O, mmap, __int128 and decimal float are declared unavailable.

Compiled ELFs are cached under <build>/torture/cache keyed by a hash of the source, the flags, the
runtime sources and the compiler version, so reruns only run.

Exit status: 1 if any test that passes on QEMU fails on minifvp, else 0.
"""
import argparse
import concurrent.futures
import fnmatch
import glob
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMON = os.path.join(ROOT, "firmware", "common")
RUNTIME_SOURCES = [os.path.join(COMMON, f) for f in (
    "vectors.S", "startup.c", "retarget.c", "uart.c", "semihosting.c", "exit_semihosting.c")] + [
    os.path.join(ROOT, "firmware", "torture_runtime", "torture_runtime.c")]
LINKER_FILES = [os.path.join(COMMON, f) for f in (
    "corstone300_large_data.ld", "corstone300_memory.ld", "corstone300_sections.ld")]
TARGET_TRIPLET = "arm-none-eabi"
STACK_BYTES = 448 * 1024  # corstone300_large_data.ld

# Flavours: name -> flags. The hard-float ones use the FPU (FPv5, double precision) for float
# arithmetic and, at -O2 and above, let gcc vectorise loops into MVE (Helium) code.
FLAVOURS = {
    "soft-O2": ["-mcpu=cortex-m55", "-mthumb", "-mfloat-abi=soft", "-O2"],
    "soft-O0": ["-mcpu=cortex-m55", "-mthumb", "-mfloat-abi=soft", "-O0"],
    "soft-Os": ["-mcpu=cortex-m55", "-mthumb", "-mfloat-abi=soft", "-Os"],
    "soft-O3": ["-mcpu=cortex-m55", "-mthumb", "-mfloat-abi=soft", "-O3", "-fomit-frame-pointer",
                "-funroll-loops"],
    "hard-O2": ["-mcpu=cortex-m55", "-mthumb", "-mfloat-abi=hard", "-O2"],
    "hard-O3": ["-mcpu=cortex-m55", "-mthumb", "-mfloat-abi=hard", "-O3", "-fomit-frame-pointer",
                "-funroll-loops"],
}

# Effective targets (gcc/testsuite/lib/target-supports.exp) as they hold for this bare-metal
# target. Missing from this table: treated as unknown, and the test is skipped with that reason.
EFFECTIVE_TARGETS = {
    "int32plus": True, "int32": True, "int16": False, "size32plus": True, "size20plus": True,
    "ptr32plus": True, "longlong64": True, "double64": False, "double64plus": True,
    "label_values": True, "alloca": True, "indirect_jumps": True, "untyped_assembly": True,
    "return_address": True, "c99_runtime": True, "stdint_types": True, "unwrapped": True,
    "trampolines": True,  # the stack (DTCM) is executable in the default memory map
    "nonlocal_goto": True, "weak": True, "alias": True, "freestanding": False,
    "fileio": False,  # no host file system behind the newlib file calls
    "mmap": False, "int128": False, "dfp": False, "lp64": False, "ilp32": True,
    "signal": False, "pthread": False, "large_double": False, "vxworks_kernel": False,
    "nvptx": False, "newlib_nano_io": False, "ia32": False, "fpic": True, "arm_eabi": True, "arm_thumb2": True, "arm_thumb2_ok": True,
}
# Which effective targets double64 refers to: soft-float doubles are 64-bit on AAPCS.
EFFECTIVE_TARGETS["double64"] = True

DIRECTIVE = re.compile(r"\{\s*(dg-[a-z-]+)\s+(.*?)\}\s*(?:\*/|$)", re.MULTILINE)


class Skip(Exception):
    pass


def tokenize(text):
    return re.findall(r'\{|\}|!|&&|\|\||"[^"]*"|[^\s{}!"]+', text)


def evaluate_selector(tokens):
    """Evaluates a DejaGnu target selector (list of tokens, no outer braces) for arm-none-eabi."""
    if tokens and tokens[0] == "target":
        tokens = tokens[1:]
    position = 0

    def atom():
        nonlocal position
        token = tokens[position]
        position += 1
        if token == "!":
            return not atom()
        if token == "{":
            depth, start = 1, position
            while depth:
                depth += {"{": 1, "}": -1}.get(tokens[position], 0)
                position += 1
            return evaluate_selector(tokens[start:position - 1])
        word = token.strip('"')
        if "-" in word and "*" in word or word.count("-") >= 2:
            return fnmatch.fnmatch(TARGET_TRIPLET, word)
        if word not in EFFECTIVE_TARGETS:
            raise Skip(f"unknown effective target '{word}' in a selector")
        return EFFECTIVE_TARGETS[word]

    def expression():
        nonlocal position
        value = atom()
        while position < len(tokens):
            if tokens[position] == "&&":
                position += 1
                value = atom() and value
            elif tokens[position] == "||":
                position += 1
                value = atom() or value
            else:  # a plain list of targets: any of them
                value = atom() or value
        return value

    return expression() if tokens else True


def split_groups(tokens):
    """Splits `"comment" { a } { b } ...` into its top-level items (strings or brace groups)."""
    groups, depth, current = [], 0, []
    for token in tokens:
        if token == "{":
            if depth:
                current.append(token)
            depth += 1
        elif token == "}":
            depth -= 1
            if depth:
                current.append(token)
            else:
                groups.append(current)
                current = []
        elif depth:
            current.append(token)
        else:
            groups.append([token])
    return groups


def options_match(group, flags):
    patterns = [t.strip('"') for t in group if t.strip('"')]
    return any(p == "*" or any(fnmatch.fnmatch(f, p) for f in flags) for p in patterns)


def test_requirements(source_text, x_text, flags):
    """Returns extra compile flags for a test; raises Skip with the reason when it cannot run."""
    extra = []
    for name, argument in DIRECTIVE.findall(source_text):
        groups = split_groups(tokenize(argument))
        if name == "dg-require-effective-target":
            target = groups[0][0]
            if target not in EFFECTIVE_TARGETS:
                raise Skip(f"requires unknown effective target '{target}'")
            if not EFFECTIVE_TARGETS[target]:
                raise Skip(f"requires effective target '{target}'")
        elif name in ("dg-skip-if", "dg-xfail-if", "dg-xfail-run-if"):
            selector = groups[1] if len(groups) > 1 else []
            include = groups[2] if len(groups) > 2 else ['"*"']
            exclude = groups[3] if len(groups) > 3 else []
            if (evaluate_selector(selector) and
                    (not [t for t in include if t.strip('"')] or options_match(include, flags)) and
                    not options_match(exclude, flags)):
                comment = groups[0][0].strip('"') if groups else ""
                kind = "dg-skip-if" if name == "dg-skip-if" else "expected failure (" + name + ")"
                raise Skip(f"{kind}: {comment}")
        elif name in ("dg-options", "dg-additional-options"):
            selector = groups[1] if len(groups) > 1 else []
            if evaluate_selector(selector[1:] if selector[:1] == ["target"] else selector):
                extra += [t for t in tokenize(groups[0][0].strip('"')) if t not in "{}"]
        elif name == "dg-require-stack-size":
            needed = eval(groups[0][0].strip('"'), {"__builtins__": {}})  # arithmetic only
            if needed > STACK_BYTES:
                raise Skip(f"needs a {needed}-byte stack")
        elif name == "dg-do":
            if groups[0][0] not in ("run",):
                raise Skip(f"not a run test (dg-do {groups[0][0]})")
        elif name in ("dg-add-options", "dg-prune-output", "dg-require-weak", "dg-require-alias",
                      "dg-final", "dg-warning", "dg-message", "dg-bogus", "dg-error"):
            pass
        else:
            raise Skip(f"unhandled directive {name}")
    if x_text:
        extra += x_file_flags(x_text)
    return extra


def x_file_flags(x_text):
    """Interprets the common shapes of a torture .x (Tcl) file: extra flags, and `return 1`
    (skip) under an istarget condition that matches this target."""
    flags = []
    for flag in re.findall(r'(?:lappend|set) additional_flags "([^"]*)"', x_text):
        flags += flag.split()
    for condition, body in re.findall(r'if \{?\s*\[istarget "([^"]+)"\]\s*\}?\s*\{([^}]*)\}',
                                      x_text):
        if fnmatch.fnmatch(TARGET_TRIPLET, condition) and "return 1" in body:
            raise Skip(f".x file skips target {condition}")
    code = [line.strip() for line in x_text.splitlines() if line.strip() and
            not line.strip().startswith("#")]
    if code and code[0] == "return 1":
        raise Skip(".x file skips every target")
    return flags


def extract_sources(build):
    destination = os.path.join(build, "torture", "src")
    marker = os.path.join(destination, ".extracted")
    if os.path.exists(marker):
        return destination
    tarballs = sorted(glob.glob("/usr/src/gcc-12/gcc-*.tar.xz"))
    if not tarballs:
        sys.exit("torture: /usr/src/gcc-12/gcc-*.tar.xz not found: install gcc-12-source")
    print(f"torture: extracting gcc.c-torture/execute from {tarballs[0]} ...", flush=True)
    os.makedirs(destination, exist_ok=True)
    with tarfile.open(tarballs[0], "r:xz") as archive:
        members = [m for m in archive.getmembers()
                   if "/gcc/testsuite/gcc.c-torture/execute/" in m.name and m.isfile()]
        for member in members:
            member.name = member.name.split("/gcc/testsuite/gcc.c-torture/", 1)[1]
            archive.extract(member, destination)
    open(marker, "w").close()
    return destination


def list_tests(source_root):
    execute = os.path.join(source_root, "execute")
    tests = sorted(glob.glob(os.path.join(execute, "*.c")))
    tests += sorted(glob.glob(os.path.join(execute, "ieee", "*.c")))
    return tests


def test_name(path):
    return os.path.relpath(path, os.path.dirname(os.path.dirname(path))).replace(
        "execute/", "") if "/ieee/" in path else os.path.basename(path)


def file_hash(paths):
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()


class Builder:
    def __init__(self, build, flavour, compiler_id):
        self.flavour = flavour
        self.flags = FLAVOURS[flavour]
        self.cache = os.path.join(build, "torture", "cache", flavour)
        os.makedirs(self.cache, exist_ok=True)
        self.runtime_hash = file_hash(RUNTIME_SOURCES + LINKER_FILES)
        self.compiler_id = compiler_id
        self.runtime_objects = self.build_runtime()

    def build_runtime(self):
        directory = os.path.join(self.cache, "runtime-" + self.runtime_hash[:16])
        objects = []
        os.makedirs(directory, exist_ok=True)
        for source in RUNTIME_SOURCES:
            obj = os.path.join(directory, os.path.basename(source) + ".o")
            if not os.path.exists(obj):
                arch = [f for f in self.flags if f.startswith("-m")]
                subprocess.run(["arm-none-eabi-gcc"] + arch + ["-O2", "-g", "-I", COMMON, "-c",
                                source, "-o", obj + ".tmp"], check=True)
                os.replace(obj + ".tmp", obj)
            objects.append(obj)
        return objects

    def build(self, source, extra_flags):
        """Returns (elf path or None, compile log)."""
        flags = self.flags + ["-w", "-fno-diagnostics-color", f"-DSTACK_SIZE={STACK_BYTES // 2}",
                              "-fno-builtin-abort"] + extra_flags
        key = hashlib.sha256("\0".join([file_hash([source]), " ".join(flags),
                                        self.runtime_hash, self.compiler_id]).encode()
                             ).hexdigest()[:24]
        stem = os.path.join(self.cache, re.sub(r"[^A-Za-z0-9_.-]", "_", test_name(source)) +
                            "-" + key)
        if os.path.exists(stem + ".elf"):
            return stem + ".elf", ""
        if os.path.exists(stem + ".fail"):
            with open(stem + ".fail") as f:
                return None, f.read()
        command = (["arm-none-eabi-gcc"] + flags + ["-I", os.path.dirname(source), source] +
                   self.runtime_objects + ["-nostartfiles", "-Wl,--gc-sections", "-L", COMMON,
                                           "-T", "corstone300_large_data.ld", "-lm",
                                           "-o", stem + ".tmp.elf"])
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)
        if result.returncode != 0:
            with open(stem + ".fail", "w") as f:
                f.write(" ".join(command) + "\n" + result.stdout)
            return None, result.stdout
        os.replace(stem + ".tmp.elf", stem + ".elf")
        return stem + ".elf", ""


def run_elf(command, timeout):
    """Returns (status or None, note)."""
    try:
        result = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    tail = (result.stdout + result.stderr).decode("utf-8", "replace").strip().splitlines()
    return result.returncode, (tail[-1] if tail else "")


def qemu_command(elf):
    return ["qemu-system-arm", "-M", "mps3-an547", "-nographic", "-serial", "stdio", "-monitor",
            "none", "-semihosting-config", "enable=on,target=native", "-kernel", elf]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="build directory")
    parser.add_argument("--minifvp", help="minifvp binary (default <build>/minifvp)")
    parser.add_argument("--flavour", action="append", choices=sorted(FLAVOURS),
                        help="flavour(s) to run (default soft-O2; repeatable)")
    parser.add_argument("--sample", type=int, help="run a deterministic sample of N tests")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--filter", help="only tests whose name matches this glob")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30, help="seconds per run")
    parser.add_argument("--no-qemu", action="store_true")
    parser.add_argument("--no-minifvp", action="store_true")
    parser.add_argument("--list-skips", action="store_true", help="print every skipped test")
    args = parser.parse_args()

    if shutil.which("arm-none-eabi-gcc") is None:
        sys.exit("torture: arm-none-eabi-gcc not found (scripts/install_deps.sh installs it)")
    use_qemu = not args.no_qemu and shutil.which("qemu-system-arm") is not None
    if not args.no_qemu and not use_qemu:
        print("torture: qemu-system-arm not found, QEMU runs skipped")
    minifvp = args.minifvp or os.path.join(args.build, "minifvp")
    use_minifvp = not args.no_minifvp and os.access(minifvp, os.X_OK)
    if not args.no_minifvp and not use_minifvp:
        print(f"torture: {minifvp} not found, minifvp runs skipped")

    compiler_id = subprocess.run(["arm-none-eabi-gcc", "--version"], stdout=subprocess.PIPE,
                                 text=True).stdout.splitlines()[0]
    tests = list_tests(extract_sources(args.build))
    if args.filter:
        tests = [t for t in tests if fnmatch.fnmatch(test_name(t), args.filter)]
    if args.sample and args.sample < len(tests):
        tests = sorted(random.Random(args.seed).sample(tests, args.sample))

    any_regression = False
    for flavour in args.flavour or ["soft-O2"]:
        started = time.time()
        builder = Builder(args.build, flavour, compiler_id)

        def one(source):
            with open(source, encoding="latin-1") as f:
                text = f.read()
            x_path = source[:-2] + ".x"
            x_text = open(x_path, encoding="latin-1").read() if os.path.exists(x_path) else ""
            record = {"name": test_name(source)}
            try:
                extra = test_requirements(text, x_text, builder.flags)
            except Skip as reason:
                record["skip"] = str(reason)
                return record
            elf, log = builder.build(source, extra)
            if elf is None:
                record["compile_error"] = (log.strip().splitlines() or ["?"])[-1]
                return record
            if use_qemu:
                record["qemu"] = run_elf(qemu_command(elf), args.timeout)
            if use_minifvp:
                record["minifvp"] = run_elf([minifvp, elf], args.timeout)
            record["elf"] = elf
            return record

        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            records = list(pool.map(one, tests))

        skipped = [r for r in records if "skip" in r]
        compile_errors = [r for r in records if "compile_error" in r]
        compiled = [r for r in records if "elf" in r]
        qemu_pass = [r for r in compiled if r.get("qemu", (None,))[0] == 0]
        minifvp_pass = [r for r in compiled if r.get("minifvp", (None,))[0] == 0]
        regressions = [r for r in qemu_pass if use_minifvp and r["minifvp"][0] != 0]
        reasons = {}
        for r in skipped:
            reasons.setdefault(r["skip"], []).append(r["name"])

        print(f"\n=== torture {flavour} ({' '.join(FLAVOURS[flavour])}): {len(tests)} tests, "
              f"{time.time() - started:.0f} s")
        print(f"skipped: {len(skipped)}")
        for reason, names in sorted(reasons.items(), key=lambda item: -len(item[1])):
            shown = names if args.list_skips else names[:4]
            more = "" if len(shown) == len(names) else f" (+{len(names) - len(shown)} more)"
            print(f"  {len(names):4d}  {reason}: {' '.join(shown)}{more}")
        print(f"compile errors: {len(compile_errors)}")
        for r in compile_errors:
            print(f"  {r['name']}: {r['compile_error']}")
        print(f"compiled: {len(compiled)}")
        if use_qemu:
            print(f"passed on QEMU: {len(qemu_pass)}")
            for r in compiled:
                if r["qemu"][0] != 0:
                    print(f"  QEMU fail: {r['name']}: status {r['qemu'][0]} {r['qemu'][1]}")
        if use_minifvp:
            print(f"passed on minifvp: {len(minifvp_pass)}")
            for r in compiled:
                if r["minifvp"][0] != 0:
                    print(f"  minifvp fail: {r['name']}: status {r['minifvp'][0]} "
                          f"{r['minifvp'][1]}")
            print(f"QEMU-pass / minifvp-fail: {len(regressions)}")
            for r in regressions:
                print(f"  {r['name']}: status {r['minifvp'][0]} {r['minifvp'][1]}  ({r['elf']})")
        any_regression |= bool(regressions)
    return 1 if any_regression else 0


if __name__ == "__main__":
    sys.exit(main())
