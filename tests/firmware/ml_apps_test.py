#!/usr/bin/python3
"""End-to-end checks of the machine-learning demo firmware (firmware/apps/rps, firmware/apps/sine)
on minifvp. Subcommands:

  game      scripted Tiny RPS session with clean (noise-free) renders: exit status 0, every
            prediction equals the played move, the transcript is byte-identical across two runs,
            and every round reports non-zero cycle figures.
  classify  `--cmdline "classify FILE"` on committed validation images: the firmware's class and
            int8 logits per image equal the numpy golden model's (the pipeline's expected file).
  sine      sine.elf: the float32 path's max abs error is within a bound, the int8 C kernels match
            the golden model on its test points, and scripts/serial_plot.py writes a PNG.

Exit status 0 pass, 1 fail.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

LABELS = ("rock", "paper", "scissors")


def run_minifvp(args, elf, stdin_bytes=b"", extra=()):
    command = [args.minifvp, *extra, elf]
    completed = subprocess.run(command, input=stdin_bytes, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=args.timeout)
    return completed.returncode, completed.stdout, completed.stderr.decode(errors="replace")


def fail(message):
    print(f"FAIL: {message}")
    return 1


def test_game(args):
    moves = ["rock", "paper", "scissors"]
    prefix = f"mode {args.mode}\n" if args.mode else ""
    # The first move is typed with a mistake erased by DEL (the terminal is raw: the firmware
    # edits the line itself), the second with BS and as the short form.
    typed = ["rocx\x7fk", "q\x08p", "scissors"]
    script = (prefix + "clean on\n" + "\n".join(typed) + "\nscore\nquit\n").encode()
    status, first, err = run_minifvp(args, args.elf, script)
    if status != 0:
        return fail(f"exit status {status}, stderr: {err[-2000:]}")
    status2, second, _ = run_minifvp(args, args.elf, script)
    if status2 != 0 or first != second:
        return fail("the transcript differs between two runs with the same input")
    text = first.decode(errors="replace").replace("\r\n", "\n")
    print(text)
    played = re.findall(r"^You played: (\w+)$", text, re.M)
    thinks = re.findall(r"^Model thinks you played: (\w+) \((\d+\.\d)%\)$", text, re.M)
    opponent = re.findall(r"^Model thinks opponent played: (\w+) \((\d+\.\d)%\)$", text, re.M)
    costs = re.findall(r"^  cost \((cpu|npu)\): (\d+) CPU cycles \((\d+\.\d+) ms at (\d+) Hz\)"
                       r"(?:, (\d+) NPU cycles)?$", text, re.M)
    if played != moves:
        return fail(f"played moves {played}, expected {moves}")
    if [t[0] for t in thinks] != moves:
        return fail(f"clean renders must be classified as played: {thinks}")
    if len(opponent) != len(moves) or any(o[0] not in LABELS for o in opponent):
        return fail(f"opponent predictions {opponent}")
    if len(costs) != 2 * len(moves):
        return fail(f"{len(costs)} cost lines, expected {2 * len(moves)}")
    for mode, cpu_cycles, ms, hz, npu_cycles in costs:
        if args.mode and mode != args.mode:
            return fail(f"a round ran in {mode} mode, expected {args.mode}")
        if int(cpu_cycles) == 0 or float(ms) == 0.0 or int(hz) == 0:
            return fail(f"zero cycle figure in a cost line: {mode} {cpu_cycles} {ms} {hz}")
        if mode == "npu" and (not npu_cycles or int(npu_cycles) == 0):
            return fail("npu mode without NPU cycles")
    if not re.search(r"^Score: you \d+, opponent \d+, ties \d+$", text, re.M):
        return fail("no score line")
    if "Bye!" not in text:
        return fail("the game did not end with quit")
    # `seed N` restarts the generator: the same seed and move replay the same round (noisy
    # renders, opponent's move, predictions, cycles).
    status, out, err = run_minifvp(args, args.elf,
                                   (prefix + "seed 42\nrock\nseed 42\nrock\nquit\n").encode())
    if status != 0:
        return fail(f"seed session: exit status {status}, stderr: {err[-2000:]}")
    rounds = [block.split("Score:")[0]
              for block in out.decode(errors="replace").split("seed 42\r\nseed 42\r\n")[1:]]
    if len(rounds) != 2 or "Model thinks opponent played" not in rounds[0]:
        return fail("seed session: two rounds after `seed 42` expected")
    if rounds[0] != rounds[1]:
        return fail("the same seed and move gave different rounds")
    print(f"PASS game: {len(moves)} rounds, transcript {len(first)} bytes identical across runs; "
          "`seed 42` replays a round")
    return 0


def test_classify(args):
    expected = []
    with open(args.expected, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            index, _true, predicted, *logits = line.split()
            expected.append((int(index), predicted, [int(v) for v in logits]))
    directory, name = os.path.split(os.path.abspath(args.images))
    if args.mode:  # at the game prompt, after `mode X`
        status, out, err = run_minifvp(args, args.elf,
                                       f"mode {args.mode}\nclassify {name}\nquit\n".encode(),
                                       ["--semihosting-cwd", directory])
    else:  # batch mode: the semihosting command line
        status, out, err = run_minifvp(args, args.elf, b"", ["--semihosting-cwd", directory,
                                                              "--cmdline", f"classify {name}"])
    text = out.decode(errors="replace").replace("\r\n", "\n")
    print(text)
    if status != 0:
        return fail(f"exit status {status}, stderr: {err[-2000:]}")
    got = [(int(m.group(1)), m.group(2), [int(m.group(i)) for i in (3, 4, 5)])
           for m in re.finditer(r"^(\d+) (rock|paper|scissors) (-?\d+) (-?\d+) (-?\d+)$", text,
                                re.M)]
    if len(got) != len(expected):
        return fail(f"{len(got)} result lines, expected {len(expected)}")
    mismatches = [(g, e) for g, e in zip(got, expected) if g != e]
    if mismatches:
        return fail(f"{len(mismatches)} images differ from the golden model, "
                    f"first: {mismatches[0]}")
    summary = re.search(r"^classified (\d+) images \(mode (\w+)\): total NPU cycles (\d+), "
                        r"total CPU cycles (\d+)$", text, re.M)
    if not summary or int(summary.group(1)) != len(expected) or int(summary.group(4)) == 0:
        return fail("missing or wrong summary line")
    if args.mode and summary.group(2) != args.mode:
        return fail(f"classified in {summary.group(2)} mode, expected {args.mode}")
    if summary.group(2) == "npu" and int(summary.group(3)) == 0:
        return fail("npu mode with zero NPU cycles")
    print(f"PASS classify: {len(got)} images identical to the golden model")
    return 0


def test_sine(args):
    status, out, err = run_minifvp(args, args.elf)
    text = out.decode(errors="replace").replace("\r\n", "\n")
    print(text)
    if status != 0:
        return fail(f"exit status {status}, stderr: {err[-2000:]}")
    summary = re.search(r"^# summary cpu-float32: points (\d+), max abs error (\d+\.\d+), "
                        r"(\d+) CPU cycles per inference$", text, re.M)
    if not summary or int(summary.group(1)) == 0 or int(summary.group(3)) == 0:
        return fail("no cpu-float32 summary")
    if float(summary.group(2)) > args.max_float_error:
        return fail(f"float max abs error {summary.group(2)} > {args.max_float_error}")
    if not re.search(r"^# summary cpu-int8: points \d+, max abs error \d+\.\d+, [1-9]\d* CPU", text,
                     re.M):
        return fail("no cpu-int8 summary")
    check = re.search(r"^# check cpu-int8 against the golden model: (\d+)/(\d+) ", text, re.M)
    if not check or check.group(1) != check.group(2):
        return fail("the int8 C kernels differ from the golden model")
    npu = re.search(r"^# check npu-int8 against cpu-int8: (\d+)/(\d+) ", text, re.M)
    if npu and npu.group(1) != npu.group(2):
        return fail("the NPU's int8 results differ from the C kernels'")
    if not npu and "# path npu-int8 unavailable" not in text:
        return fail("the NPU path neither ran nor said why not")
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "sine.png")
        plot = subprocess.run([args.plot_python, args.plot, "-", "-o", png], input=out,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        if plot.returncode != 0:
            return fail(f"serial_plot.py failed: {plot.stderr.decode(errors='replace')}")
        with open(png, "rb") as f:
            if f.read(8) != b"\x89PNG\r\n\x1a\n" or os.path.getsize(png) < 1000:
                return fail("serial_plot.py did not write a PNG")
    print(f"PASS sine: float max abs error {summary.group(2)}, plot written")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("test", choices=["game", "classify", "sine"])
    parser.add_argument("--minifvp", required=True)
    parser.add_argument("--elf", required=True)
    parser.add_argument("--images", help="classify: raw 28x28 uint8 images")
    parser.add_argument("--expected", help="classify: the golden model's predictions")
    parser.add_argument("--plot", help="sine: scripts/serial_plot.py")
    parser.add_argument("--mode", choices=["cpu", "npu"],
                        help="game/classify: switch to this inference mode first (`mode X`)")
    parser.add_argument("--plot-python", default="/usr/bin/python3",
                        help="sine: interpreter with matplotlib (Debian's python3-matplotlib)")
    parser.add_argument("--max-float-error", type=float, default=0.05)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    return {"game": test_game, "classify": test_classify, "sine": test_sine}[args.test](args)


if __name__ == "__main__":
    sys.exit(main())
