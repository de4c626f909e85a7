"""Ethos-U55 register command stream: opcodes (ethos-u.md §3.2), an emitter and a disassembler.

A command is a little-endian 32-bit word: opcode in [9:0], bit 14 set when one 32-bit payload
word follows (cmd1), a 16-bit parameter in [31:16] (ethos-u.md §3.1).
"""

from __future__ import annotations

import enum
import struct


class Cmd0(enum.IntEnum):
    NPU_OP_STOP = 0
    NPU_OP_IRQ = 1
    NPU_OP_CONV = 2
    NPU_OP_DEPTHWISE = 3
    NPU_OP_POOL = 5
    NPU_OP_ELEMENTWISE = 6
    NPU_OP_DMA_START = 16
    NPU_OP_DMA_WAIT = 17
    NPU_OP_KERNEL_WAIT = 18
    NPU_OP_PMU_MASK = 19
    NPU_SET_IFM_PAD_TOP = 256
    NPU_SET_IFM_PAD_LEFT = 257
    NPU_SET_IFM_PAD_RIGHT = 258
    NPU_SET_IFM_PAD_BOTTOM = 259
    NPU_SET_IFM_DEPTH_M1 = 260
    NPU_SET_IFM_PRECISION = 261
    NPU_SET_IFM_UPSCALE = 263
    NPU_SET_IFM_ZERO_POINT = 265
    NPU_SET_IFM_WIDTH0_M1 = 266
    NPU_SET_IFM_HEIGHT0_M1 = 267
    NPU_SET_IFM_HEIGHT1_M1 = 268
    NPU_SET_IFM_IB_END = 269
    NPU_SET_IFM_REGION = 271
    NPU_SET_OFM_WIDTH_M1 = 273
    NPU_SET_OFM_HEIGHT_M1 = 274
    NPU_SET_OFM_DEPTH_M1 = 275
    NPU_SET_OFM_PRECISION = 276
    NPU_SET_OFM_BLK_WIDTH_M1 = 277
    NPU_SET_OFM_BLK_HEIGHT_M1 = 278
    NPU_SET_OFM_BLK_DEPTH_M1 = 279
    NPU_SET_OFM_ZERO_POINT = 280
    NPU_SET_OFM_WIDTH0_M1 = 282
    NPU_SET_OFM_HEIGHT0_M1 = 283
    NPU_SET_OFM_HEIGHT1_M1 = 284
    NPU_SET_OFM_REGION = 287
    NPU_SET_KERNEL_WIDTH_M1 = 288
    NPU_SET_KERNEL_HEIGHT_M1 = 289
    NPU_SET_KERNEL_STRIDE = 290
    NPU_SET_ACC_FORMAT = 292
    NPU_SET_ACTIVATION = 293
    NPU_SET_ACTIVATION_MIN = 294
    NPU_SET_ACTIVATION_MAX = 295
    NPU_SET_WEIGHT_REGION = 296
    NPU_SET_SCALE_REGION = 297
    NPU_SET_AB_START = 301
    NPU_SET_BLOCKDEP = 303


class Cmd1(enum.IntEnum):
    NPU_SET_IFM_BASE0 = 0
    NPU_SET_IFM_BASE1 = 1
    NPU_SET_IFM_BASE2 = 2
    NPU_SET_IFM_BASE3 = 3
    NPU_SET_IFM_STRIDE_X = 4
    NPU_SET_IFM_STRIDE_Y = 5
    NPU_SET_IFM_STRIDE_C = 6
    NPU_SET_OFM_BASE0 = 16
    NPU_SET_OFM_BASE1 = 17
    NPU_SET_OFM_BASE2 = 18
    NPU_SET_OFM_BASE3 = 19
    NPU_SET_OFM_STRIDE_X = 20
    NPU_SET_OFM_STRIDE_Y = 21
    NPU_SET_OFM_STRIDE_C = 22
    NPU_SET_WEIGHT_BASE = 32
    NPU_SET_WEIGHT_LENGTH = 33
    NPU_SET_SCALE_BASE = 34
    NPU_SET_SCALE_LENGTH = 35
    NPU_SET_OFM_SCALE = 36
    NPU_SET_OPA_SCALE = 37
    NPU_SET_OPB_SCALE = 38


CMD1_FLAG = 0x4000


class Emitter:
    """Collects command words. Like Vela's emitter it drops a register write whose value equals
    the last one written (registers keep their values across operations); operations are always
    emitted."""

    def __init__(self) -> None:
        self.words: list[int] = []
        self.listing: list[tuple[int, str]] = []  # (word offset, comment) of operation headers
        self._last: dict[tuple[int, int], tuple[int, int]] = {}

    def comment(self, text: str) -> None:
        self.listing.append((len(self.words), text))

    def cmd0(self, op: Cmd0, param: int) -> None:
        param &= 0xFFFF
        key = (0, int(op))
        if op >= 256 and self._last.get(key) == (param, 0):
            return
        self._last[key] = (param, 0)
        self.words.append(int(op) | (param << 16))

    def cmd1(self, op: Cmd1, payload: int, param: int = 0) -> None:
        payload &= 0xFFFFFFFF
        param &= 0xFFFF
        key = (1, int(op))
        if self._last.get(key) == (param, payload):
            return
        self._last[key] = (param, payload)
        self.words.append(int(op) | CMD1_FLAG | (param << 16))
        self.words.append(payload)

    def operation(self, op: Cmd0, param: int = 0) -> None:
        self.words.append(int(op) | ((param & 0xFFFF) << 16))

    def to_bytes(self) -> bytes:
        return struct.pack(f"<{len(self.words)}I", *self.words)


def disassemble(data: bytes, comments: list[tuple[int, str]] | None = None) -> str:
    """A listing in the spirit of Vela's: byte offset, payload, parameter, opcode, name."""
    words = struct.unpack(f"<{len(data) // 4}I", data)
    notes = dict(comments or [])
    lines = [f"Register command stream: {len(words)} words",
             "  Offset: Payload Param Code - Command                        Param"]
    i = 0
    while i < len(words):
        if i in notes:
            lines.append(f"// {notes[i]}")
        word = words[i]
        code, param = word & 0x3FF, word >> 16
        if word & CMD1_FLAG:
            payload = words[i + 1] if i + 1 < len(words) else 0
            try:
                name = Cmd1(code).name
            except ValueError:
                name = f"UNKNOWN_CMD1_{code}"
            lines.append(f"0x{4 * i:06x}: {payload:08x} {param:04x} {word & 0xFFFF:04x} - "
                         f"{name:<32} {param:5d}, payload = 0x{payload:x} ({payload})")
            i += 2
        else:
            try:
                name = Cmd0(code).name
            except ValueError:
                name = f"UNKNOWN_CMD0_{code}"
            signed = param - 0x10000 if param & 0x8000 else param
            lines.append(f"0x{4 * i:06x}:          {param:04x} {word & 0xFFFF:04x} - "
                         f"{name:<32} {param:5d} ({signed})")
            i += 1
    return "\n".join(lines) + "\n"
