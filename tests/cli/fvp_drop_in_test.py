#!/usr/bin/python3
"""minifvp invoked under the FVP executable names, with the command lines scripts use for them.

A tiny Thumb program (built here as an ELF) prints "ok" on UART0 and ends with EOT and status 5.
Usage: fvp_drop_in_test.py MINIFVP_BINARY WORK_DIR
"""
import os
import struct
import subprocess
import sys


def movs(rd, imm):
    return 0x2000 | rd << 8 | imm


def str_imm(rt, rn, offset):
    return 0x6000 | (offset // 4) << 6 | rn << 3 | rt


def uart_program(base, uart):
    """Vector table at `base`, code at base + 0x40 writing "ok\\n", EOT, 5 to the UART."""
    code = [0, movs(1, 1), str_imm(1, 0, 8)]
    for byte in b"ok\n" + bytes([4, 5]):
        code += [movs(1, byte), str_imm(1, 0, 0)]
    code.append(0xE7FE)  # B .
    literal_at = (0x40 + len(code) * 2 + 3) & ~3
    code[0] = 0x4800 | ((literal_at - ((0x40 + 4) & ~3)) // 4)  # LDR r0, [pc, #...]
    image = struct.pack("<II", 0x20008000, base + 0x41).ljust(0x40, b"\0")
    image += b"".join(struct.pack("<H", hw) for hw in code)
    image = image.ljust(literal_at, b"\0") + struct.pack("<I", uart)
    return elf32(base, image, base + 0x41)


def endless_loop(base):
    image = struct.pack("<II", 0x20008000, base + 0x41).ljust(0x40, b"\0") + b"\xfe\xe7"
    return elf32(base, image, base + 0x41)


def semihosting_exit(base, status):
    """SYS_EXIT_EXTENDED (0x20) with ADP_Stopped_ApplicationExit and `status`."""
    code = [0x2020, 0xA101, 0xBEAB, 0xE7FE]  # MOVS r0,#0x20; ADR r1,block; BKPT 0xab; B .
    image = struct.pack("<II", 0x20008000, base + 0x41).ljust(0x40, b"\0")
    image += b"".join(struct.pack("<H", hw) for hw in code)
    image += struct.pack("<II", 0x20026, status)  # the block, at base + 0x48
    return elf32(base, image, base + 0x41)


def elf32(paddr, data, entry):
    ident = b"\x7fELF" + bytes([1, 1, 1]) + bytes(9)
    header = ident + struct.pack("<HHIIIIIHHHHHH", 2, 40, 1, entry, 52, 0, 0, 52, 32, 1, 40, 0, 0)
    phdr = struct.pack("<IIIIIIII", 1, 84, paddr, paddr, len(data), len(data), 7, 4)
    return header + phdr + data


def run(binary, args):
    return subprocess.run([binary] + args, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def expect(name, proc, status, stdout_parts):
    problems = []
    if proc.returncode != status:
        problems.append(f"exit status {proc.returncode}, expected {status}")
    for part in stdout_parts:
        if part not in proc.stdout:
            problems.append(f"stdout lacks {part!r}")
    if problems:
        print(f"FAIL {name}: {'; '.join(problems)}\n  stdout: {proc.stdout!r}\n"
              f"  stderr: {proc.stderr!r}")
        return False
    print(f"ok   {name}")
    return True


def main():
    binary, work = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(work, exist_ok=True)
    names = {}
    for name in ("FVP_Corstone_SSE-300_Ethos-U55", "FVP_Corstone_SSE-300_Ethos-U65",
                 "FVP_Corstone_SSE-320"):
        names[name] = os.path.join(work, name)
        if os.path.lexists(names[name]):
            os.remove(names[name])
        os.symlink(binary, names[name])
    files = {
        "c300.elf": uart_program(0x10000000, 0x49303000),
        "c320.elf": uart_program(0x11000000, 0x48203000),
        "c320_mps3_uart.elf": uart_program(0x11000000, 0x49303000),
        "loop.elf": endless_loop(0x10000000),
        "semihosting.elf": semihosting_exit(0x10000000, 42),
    }
    for name, content in files.items():
        with open(os.path.join(work, name), "wb") as f:
            f.write(content)
    path = lambda name: os.path.join(work, name)

    mps3 = ["-C", "ethosu.num_macs=128", "-C", "mps3_board.visualisation.disable-visualisation=1",
            "-C", "mps3_board.telnetterminal0.start_telnet=0", "-C", "mps3_board.uart0.out_file=-",
            "-C", "mps3_board.uart0.shutdown_on_eot=1", "--stat"]
    mps4 = ["-C", "mps4_board.subsystem.ethosu.num_macs=256",
            "-C", "mps4_board.visualisation.disable-visualisation=1",
            "-C", "vis_hdlcd.disable_visualisation=1",
            "-C", "mps4_board.telnetterminal0.start_telnet=0", "-C", "mps4_board.uart0.out_file=-",
            "-C", "mps4_board.uart0.shutdown_on_eot=1", "--stat"]
    ok = True
    ok &= expect("U55 name", run(names["FVP_Corstone_SSE-300_Ethos-U55"],
                                 mps3 + ["-a", path("c300.elf")]),
                 5, ["ok\n", "--- minifvp corstone-300 statistics:", "MIPS ("])
    ok &= expect("U65 name", run(names["FVP_Corstone_SSE-300_Ethos-U65"],
                                 ["-C", "ethosu.num_macs=256", "-C", "mps3_board.uart0.out_file=-",
                                  "-C", "mps3_board.uart0.shutdown_on_eot=1", path("c300.elf")]),
                 5, ["ok\n"])
    ok &= expect("SSE-320 name", run(names["FVP_Corstone_SSE-320"],
                                     mps4 + ["-a", path("c320.elf")]),
                 5, ["ok\n", "--- minifvp corstone-320 statistics:"])
    ok &= expect("SSE-320, UART0 at the MPS3 address",
                 run(names["FVP_Corstone_SSE-320"], mps4 + ["-a", path("c320_mps3_uart.elf")]),
                 5, ["ok\n"])
    ok &= expect("time limit as the FVP reports it",
                 run(names["FVP_Corstone_SSE-300_Ethos-U55"],
                     ["--timelimit", "0.2", "-a", path("loop.elf")]),
                 104, ["Info: Simulation is stopping. Reason: CPU time has been exceeded."])
    ok &= expect("plain name, --platform", run(binary, ["--platform", "corstone-320",
                                                        "-C", "uart0.shutdown_on_eot=1",
                                                        path("c320.elf")]),
                 5, ["ok\n"])
    ok &= expect("semihosting exit status",
                 run(names["FVP_Corstone_SSE-300_Ethos-U55"],
                     ["-C", "cpu0.semihosting-enable=1", "-a", path("semihosting.elf")]), 42, [])
    ok &= expect("semihosting disabled: the BKPT stops the run",
                 run(names["FVP_Corstone_SSE-300_Ethos-U55"],
                     ["-C", "cpu0.semihosting-enable=0", "-a", path("semihosting.elf")]), 103, [])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
