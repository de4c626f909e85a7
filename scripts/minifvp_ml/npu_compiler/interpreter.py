"""A functional Python model of the subset of Ethos-U55 behaviour our compiler emits, driven only
by the bundle bytes (command stream, flash, scratch). It exists to check the compiler end to end
before the C++ NPU model is available: registers are decoded from command words, weights from the
MLW stream, scales from the 10-byte entries. Supported: NPU_OP_CONV and NPU_OP_POOL (MAX) on int8
NHWC feature maps with one tile, depth- or part-kernel-first weights, per-channel scaling,
rounding DBL."""

from __future__ import annotations

import struct

import numpy as np

from .. import fixedpoint
from . import scale_bias, weight_codec
from .arch import Accelerator
from .command_stream import CMD1_FLAG, Cmd0, Cmd1


class InterpreterError(Exception):
    pass


def _s16(v: int) -> int:
    return v - 0x10000 if v & 0x8000 else v


def run_command_stream(stream: bytes, flash: bytes, scratch: bytearray, acc: Accelerator) -> int:
    """Runs until NPU_OP_STOP, updating scratch in place. Returns the number of operations run."""
    words = struct.unpack(f"<{len(stream) // 4}I", stream)
    r0: dict[int, int] = {}
    r1: dict[int, int] = {}
    r1_param: dict[int, int] = {}  # the 16-bit parameter of cmd1 words (OFM_SCALE's shift)
    i = ops = 0
    while i < len(words):
        word = words[i]
        code, param = word & 0x3FF, word >> 16
        if word & CMD1_FLAG:
            r1[code] = words[i + 1]
            r1_param[code] = param
            i += 2
            continue
        i += 1
        if code >= 256:
            r0[code] = param
            continue
        if code == Cmd0.NPU_OP_STOP:
            return ops
        if code == Cmd0.NPU_OP_CONV:
            _conv(r0, r1, flash, scratch, acc)
        elif code == Cmd0.NPU_OP_POOL and param == 0:
            _maxpool(r0, r1, r1_param, scratch)
        else:
            raise InterpreterError(f"operation {code} (param {param}) not modelled")
        ops += 1
    raise InterpreterError("command stream ended without NPU_OP_STOP")


def _read_ifm(r0, r1, scratch) -> np.ndarray:
    h, w, c = r0[Cmd0.NPU_SET_IFM_HEIGHT0_M1] + 1, r0[Cmd0.NPU_SET_IFM_WIDTH0_M1] + 1, \
        r0[Cmd0.NPU_SET_IFM_DEPTH_M1] + 1
    base = r1[Cmd1.NPU_SET_IFM_BASE0]
    sy, sx, sc = r1[Cmd1.NPU_SET_IFM_STRIDE_Y], r1[Cmd1.NPU_SET_IFM_STRIDE_X], r1[Cmd1.NPU_SET_IFM_STRIDE_C]
    if r0[Cmd0.NPU_SET_IFM_REGION] != 1 or r0[Cmd0.NPU_SET_IFM_PRECISION] != 1:
        raise InterpreterError("only int8 NHWC feature maps in region 1 are modelled")
    y, x, ch = np.meshgrid(np.arange(h), np.arange(w), np.arange(c), indexing="ij")
    addr = base + y * sy + x * sx + ch * sc
    return np.frombuffer(bytes(scratch), dtype=np.int8)[addr].astype(np.int64)


def _write_ofm(r0, r1, scratch, values: np.ndarray) -> None:
    h, w, c = values.shape
    base = r1[Cmd1.NPU_SET_OFM_BASE0]
    sy, sx, sc = r1[Cmd1.NPU_SET_OFM_STRIDE_Y], r1[Cmd1.NPU_SET_OFM_STRIDE_X], r1[Cmd1.NPU_SET_OFM_STRIDE_C]
    y, x, ch = np.meshgrid(np.arange(h), np.arange(w), np.arange(c), indexing="ij")
    addr = (base + y * sy + x * sx + ch * sc).reshape(-1)
    view = np.frombuffer(scratch, dtype=np.uint8)
    view[addr] = values.astype(np.int8).view(np.uint8).reshape(-1)


def _ofm_shape(r0):
    return (r0[Cmd0.NPU_SET_OFM_HEIGHT_M1] + 1, r0[Cmd0.NPU_SET_OFM_WIDTH_M1] + 1,
            r0[Cmd0.NPU_SET_OFM_DEPTH_M1] + 1)


def _windows(ifm_minus_zp: np.ndarray, r0, oh, ow, fill):
    kh, kw = r0[Cmd0.NPU_SET_KERNEL_HEIGHT_M1] + 1, r0[Cmd0.NPU_SET_KERNEL_WIDTH_M1] + 1
    st = r0[Cmd0.NPU_SET_KERNEL_STRIDE]
    sx = ((st & 1) | (((st >> 6) & 1) << 1)) + 1
    sy = (((st >> 1) & 1) | (((st >> 9) & 1) << 1)) + 1
    top, left = r0[Cmd0.NPU_SET_IFM_PAD_TOP], r0[Cmd0.NPU_SET_IFM_PAD_LEFT]
    bottom, right = r0[Cmd0.NPU_SET_IFM_PAD_BOTTOM], r0[Cmd0.NPU_SET_IFM_PAD_RIGHT]
    padded = np.pad(ifm_minus_zp, ((top, bottom), (left, right), (0, 0)), constant_values=fill)
    for ky in range(kh):
        for kx in range(kw):
            yield ky, kx, padded[ky:ky + sy * oh:sy, kx:kx + sx * ow:sx, :]


def _clamp(r0, values):
    lo, hi = _s16(r0[Cmd0.NPU_SET_ACTIVATION_MIN]), _s16(r0[Cmd0.NPU_SET_ACTIVATION_MAX])
    return np.clip(values, max(lo, -128), min(hi, 127))


def _conv(r0, r1, flash, scratch, acc: Accelerator) -> None:
    oh, ow, oc = _ofm_shape(r0)
    ifm = _read_ifm(r0, r1, scratch) - _s16(r0[Cmd0.NPU_SET_IFM_ZERO_POINT])
    ic = ifm.shape[2]
    kh, kw = r0[Cmd0.NPU_SET_KERNEL_HEIGHT_M1] + 1, r0[Cmd0.NPU_SET_KERNEL_WIDTH_M1] + 1
    if r0[Cmd0.NPU_SET_OFM_PRECISION] != 1:
        raise InterpreterError("only int8 NHWC OFMs with per-channel scales are modelled")
    part_kernel = bool(r0[Cmd0.NPU_SET_KERNEL_STRIDE] & 0b100)
    wb, wl = r1[Cmd1.NPU_SET_WEIGHT_BASE], r1[Cmd1.NPU_SET_WEIGHT_LENGTH]
    sequence = weight_codec.decode(flash[wb:wb + wl])
    order = weight_codec.weight_order(oc, kh, kw, ic, ofm_block_depth=r0[Cmd0.NPU_SET_OFM_BLK_DEPTH_M1] + 1,
                                      ifm_ublock_depth=acc.ifm_ublock.depth,
                                      ofm_ublock_depth=acc.ofm_ublock.depth,
                                      is_partkernel=part_kernel)
    weights = weight_codec.unreorder(sequence, order, (oc, kh, kw, ic)).astype(np.float64)
    sb = r1[Cmd1.NPU_SET_SCALE_BASE]
    entries = [scale_bias.decode_entry(flash[sb + 10 * k:sb + 10 * k + 10]) for k in range(oc)]
    bias = np.array([e[0] for e in entries], dtype=np.int64)
    mult = np.array([e[1] for e in entries], dtype=np.int64)
    shift = 31 - np.array([e[2] for e in entries], dtype=np.int64)  # back to the TFLite convention
    acc_sum = np.zeros((oh, ow, oc), dtype=np.float64)
    for ky, kx, win in _windows(ifm, r0, oh, ow, 0):
        acc_sum += win.astype(np.float64) @ weights[:, ky, kx, :].T
    total = acc_sum.astype(np.int64) + bias
    out = fixedpoint.multiply_by_quantized_multiplier(total, mult, shift) + \
        _s16(r0[Cmd0.NPU_SET_OFM_ZERO_POINT])
    _write_ofm(r0, r1, scratch, _clamp(r0, out))


def _maxpool(r0, r1, r1_param, scratch) -> None:
    """Max of (input - IFM zero point) over the window, times the global OFM_SCALE, shifted right
    by its shift (rounding half up), plus the OFM zero point."""
    oh, ow, oc = _ofm_shape(r0)
    if r0[Cmd0.NPU_SET_OFM_PRECISION] != 0x101:
        raise InterpreterError("max pooling is modelled with int8 NHWC output and a global scale")
    ifm = _read_ifm(r0, r1, scratch) - _s16(r0[Cmd0.NPU_SET_IFM_ZERO_POINT])
    out = np.full((oh, ow, oc), -(1 << 20), dtype=np.int64)
    for _, _, win in _windows(ifm, r0, oh, ow, -(1 << 20)):
        out = np.maximum(out, win)
    scale = r1[Cmd1.NPU_SET_OFM_SCALE]
    shift = r1_param[Cmd1.NPU_SET_OFM_SCALE] & 0x3F
    out = out * scale
    if shift:
        out = (out + (1 << (shift - 1))) >> shift
    out = out + _s16(r0[Cmd0.NPU_SET_OFM_ZERO_POINT])
    _write_ofm(r0, r1, scratch, _clamp(r0, out))
