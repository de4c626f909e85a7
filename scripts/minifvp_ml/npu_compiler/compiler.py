"""Lowers a QuantizedNetwork to an Ethos-U55 command stream and packages it as Vela does.

Every feature map is int8 NHWC in region 1 (the scratch arena); weights and scale/bias entries are
in region 0 (read-only "flash"); region 2 (fast scratch) is not used and aliases region 1, as in
Vela's Shared_Sram memory mode. Convolutions and fully connected layers (1x1 convolutions over a
1x1xN map: a flattened NHWC map needs no data movement) become NPU_OP_CONV with depth-first or
part-kernel-first weight order (Vela's rule) and the fused ReLU as the activation clamp; max
pooling becomes NPU_OP_POOL (MAX). Each operation waits for the previous one (BLOCKDEP 0).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

import numpy as np

from .. import fixedpoint
from ..quantize import QLayer, QuantizedNetwork
from . import block_config, performance, scale_bias, weight_codec
from .arch import VELA_ID_WORD, Accelerator, Block, accelerator
from .command_stream import Cmd0, Cmd1, Emitter

ALIGNMENT = 16
COP1_FOURCC = 0x31504F43  # "COP1"
DRIVER_ACTION_OPTIMIZER_CONFIG = 0x01
DRIVER_ACTION_COMMAND_STREAM = 0x02
DRIVER_ACTION_NOP = 0x05
OPTIMIZER_CONFIG_VERSION = 0x10  # patch 1, release 0, as Vela writes it


class CompileError(Exception):
    """A network the compiler cannot lower; the message names the layer and the reason."""


def _align(x: int, a: int = ALIGNMENT) -> int:
    return (x + a - 1) // a * a


@dataclass
class FeatureMap:
    shape: tuple  # (H, W, C)
    offset: int = 0  # in region 1

    @property
    def size(self) -> int:
        return self.shape[0] * self.shape[1] * self.shape[2]


@dataclass
class NpuOperation:
    layer: QLayer
    ifm: FeatureMap
    ofm: FeatureMap
    block: Block
    shram: block_config.ShramLayout
    estimate: performance.Estimate
    weight_offset: int = 0
    weight_length: int = 0
    scale_offset: int = 0
    scale_length: int = 0
    weight_count: int = 0  # values in the (padded, reordered) weight sequence


@dataclass
class CompiledNetwork:
    network: QuantizedNetwork
    accelerator: Accelerator
    operations: list
    command_stream: bytes
    listing: list
    flash: bytes
    scratch_size: int
    input_map: FeatureMap
    output_map: FeatureMap
    driver_payload: bytes = b""
    summary: list = field(default_factory=list)


def _check_layer(layer: QLayer, acc: Accelerator) -> None:
    def reject(reason: str):
        raise CompileError(f"layer '{layer.name}' ({layer.kind}): {reason}")

    if layer.kind not in ("conv", "maxpool"):
        reject("only convolution, fully connected and max pooling can be lowered")
    for dim in tuple(layer.in_shape) + tuple(layer.out_shape):
        if not 1 <= dim <= 65536:
            reject(f"feature map dimension {dim} outside 1..65536")
    kh, kw = layer.kernel
    if not (1 <= kh <= 64 and 1 <= kw <= 64):
        reject(f"kernel {kh}x{kw} larger than 64x64")
    if any(s not in (1, 2, 3) for s in layer.stride):
        reject(f"stride {layer.stride} outside 1..3")
    top, left, bottom, right = layer.padding
    if not (0 <= top <= 127 and 0 <= left <= 127 and 0 <= bottom <= 128 and 0 <= right <= 128):
        reject(f"padding {layer.padding} exceeds the IFM_PAD register ranges")
    if layer.kind == "maxpool":
        if layer.input.zero_point != layer.output.zero_point or layer.input.scale != layer.output.scale:
            reject("max pooling that changes the quantization needs rescaling, not supported")
        return
    if layer.weights is None or layer.weights.dtype != np.int8:
        reject("weights must be int8")
    if np.any(layer.weights == -128):
        reject("weight -128 found: symmetric int8 weights must lie in [-127, 127]")
    if layer.fully_connected and layer.in_shape[:2] != (1, 1):
        reject("fully connected input must be 1x1xN")
    if not (-128 <= layer.act_min <= layer.act_max <= 127):
        reject(f"activation clamp [{layer.act_min}, {layer.act_max}] outside int8")
    for m, s in zip(layer.multiplier, layer.shift):
        try:
            fixedpoint.npu_scale_entry(int(m), int(s))
        except ValueError as e:
            reject(f"output scale not representable: {e}")


def _part_kernel(layer: QLayer) -> bool:
    return layer.kind == "conv" and block_config.use_part_kernel_first(
        layer.in_shape[2], layer.kernel, layer.fully_connected)


def _choose_block(layer: QLayer, acc: Accelerator):
    is_pool = layer.kind == "maxpool"
    part_kernel = _part_kernel(layer)
    best = None
    has_act = layer.kind == "conv" and layer.act_min > -128
    for ofm_block in block_config.candidate_blocks(acc, layer.out_shape, layer.kernel):
        ifm_block = block_config.ifm_block_for(ofm_block, layer.kernel, layer.stride,
                                               layer.in_shape[2], is_pool, acc, part_kernel)
        layout = block_config.shram_layout(acc, ofm_block, ifm_block)
        if layout is None:
            continue
        est = performance.estimate(acc, layer.kind, layer.out_shape, layer.in_shape[2], layer.kernel,
                                   ofm_block, has_act, part_kernel)
        key = (est.cycles, -ofm_block.depth, -ofm_block.width * ofm_block.height)
        if best is None or key < best[0]:
            best = (key, ofm_block, layout, est)
    if best is None:
        raise CompileError(f"layer '{layer.name}' ({layer.kind}): no OFM block fits in SHRAM")
    return best[1], best[2], best[3]


def _allocate(maps: list) -> int:
    """First-fit placement in region 1. Map k is written by operation k-1 (the input, k = 0, by
    the host) and read by operation k, so maps k and k+1 must not overlap; others may share."""
    placed: list[FeatureMap] = []
    for k, fm in enumerate(maps):
        conflicts = [p for j, p in enumerate(placed) if abs(j - k) <= 1]
        offset = 0
        moved = True
        while moved:
            moved = False
            for p in conflicts:
                if offset < p.offset + _align(p.size) and p.offset < offset + _align(fm.size):
                    offset = p.offset + _align(p.size)
                    moved = True
        fm.offset = offset
        placed.append(fm)
    return max(fm.offset + _align(fm.size) for fm in maps)


def _emit_feature_map(em: Emitter, fm: FeatureMap, is_ofm: bool, zero_point: int) -> None:
    h, w, c = fm.shape
    if is_ofm:
        em.cmd0(Cmd0.NPU_SET_OFM_REGION, 1)
        for i, op in enumerate((Cmd1.NPU_SET_OFM_BASE0, Cmd1.NPU_SET_OFM_BASE1,
                                Cmd1.NPU_SET_OFM_BASE2, Cmd1.NPU_SET_OFM_BASE3)):
            em.cmd1(op, fm.offset if i == 0 else 0)
        em.cmd0(Cmd0.NPU_SET_OFM_HEIGHT_M1, h - 1)
        em.cmd0(Cmd0.NPU_SET_OFM_WIDTH_M1, w - 1)
        em.cmd0(Cmd0.NPU_SET_OFM_HEIGHT0_M1, h - 1)
        em.cmd0(Cmd0.NPU_SET_OFM_HEIGHT1_M1, h - 1)
        em.cmd0(Cmd0.NPU_SET_OFM_WIDTH0_M1, w - 1)
        em.cmd0(Cmd0.NPU_SET_OFM_DEPTH_M1, c - 1)
        em.cmd1(Cmd1.NPU_SET_OFM_STRIDE_Y, w * c)
        em.cmd1(Cmd1.NPU_SET_OFM_STRIDE_X, c)
        em.cmd1(Cmd1.NPU_SET_OFM_STRIDE_C, 1)
        em.cmd0(Cmd0.NPU_SET_OFM_ZERO_POINT, zero_point)
    else:
        em.cmd0(Cmd0.NPU_SET_IFM_REGION, 1)
        for i, op in enumerate((Cmd1.NPU_SET_IFM_BASE0, Cmd1.NPU_SET_IFM_BASE1,
                                Cmd1.NPU_SET_IFM_BASE2, Cmd1.NPU_SET_IFM_BASE3)):
            em.cmd1(op, fm.offset if i == 0 else 0)
        em.cmd0(Cmd0.NPU_SET_IFM_HEIGHT0_M1, h - 1)
        em.cmd0(Cmd0.NPU_SET_IFM_HEIGHT1_M1, h - 1)
        em.cmd0(Cmd0.NPU_SET_IFM_WIDTH0_M1, w - 1)
        em.cmd0(Cmd0.NPU_SET_IFM_DEPTH_M1, c - 1)
        em.cmd1(Cmd1.NPU_SET_IFM_STRIDE_Y, w * c)
        em.cmd1(Cmd1.NPU_SET_IFM_STRIDE_X, c)
        em.cmd1(Cmd1.NPU_SET_IFM_STRIDE_C, 1)
        em.cmd0(Cmd0.NPU_SET_IFM_ZERO_POINT, zero_point)


def _kernel_stride_param(stride: tuple, part_kernel: bool) -> int:
    """KERNEL_STRIDE: stride_x/y - 1 split into lsb (bits 0, 1) and msb (bits 6, 9 of the
    parameter); weight_order (bit 2: part-kernel-first); no dilation, 8x8 decomposition."""
    sy, sx = stride
    return ((sx - 1) & 1) | (((sy - 1) & 1) << 1) | (int(part_kernel) << 2) | \
        (((sx - 1) >> 1) << 6) | (((sy - 1) >> 1) << 9)


def _emit_operation(em: Emitter, op: NpuOperation) -> None:
    layer = op.layer
    em.comment(f"{layer.name}: {layer.kind}{' (fully connected)' if layer.fully_connected else ''} "
               f"{layer.in_shape} -> {layer.out_shape}, kernel {layer.kernel}, stride {layer.stride}, "
               f"OFM block {op.block.width}x{op.block.height}x{op.block.depth}, "
               f"{'part-kernel' if _part_kernel(layer) else 'depth'}-first")
    _emit_feature_map(em, op.ifm, False, layer.input.zero_point)
    em.cmd0(Cmd0.NPU_SET_IFM_PRECISION, 0x1)  # signed, 8-bit, NHWC
    em.cmd0(Cmd0.NPU_SET_IFM_UPSCALE, 0)
    top, left, bottom, right = layer.padding
    em.cmd0(Cmd0.NPU_SET_IFM_PAD_TOP, top)
    em.cmd0(Cmd0.NPU_SET_IFM_PAD_LEFT, left)
    em.cmd0(Cmd0.NPU_SET_IFM_PAD_BOTTOM, bottom)
    em.cmd0(Cmd0.NPU_SET_IFM_PAD_RIGHT, right)
    _emit_feature_map(em, op.ofm, True, layer.output.zero_point)
    if layer.kind == "conv":
        em.cmd0(Cmd0.NPU_SET_OFM_PRECISION, 0x1)  # signed, 8-bit, NHWC, per-channel scale, round DBL
    else:
        # Max pooling keeps the quantization: a global scale of 1 with shift 0 passes the
        # (input - IFM zero point) maximum through, as Vela 5.1 emits it for MaxPool.
        em.cmd0(Cmd0.NPU_SET_OFM_PRECISION, 0x101)  # as above with scale_mode GLOBAL
        em.cmd1(Cmd1.NPU_SET_OFM_SCALE, 1, param=0)
    em.cmd0(Cmd0.NPU_SET_KERNEL_HEIGHT_M1, layer.kernel[0] - 1)
    em.cmd0(Cmd0.NPU_SET_KERNEL_WIDTH_M1, layer.kernel[1] - 1)
    em.cmd0(Cmd0.NPU_SET_KERNEL_STRIDE, _kernel_stride_param(layer.stride, _part_kernel(layer)))
    if layer.kind == "conv":
        em.cmd0(Cmd0.NPU_SET_WEIGHT_REGION, 0)
        em.cmd1(Cmd1.NPU_SET_WEIGHT_BASE, op.weight_offset)
        em.cmd1(Cmd1.NPU_SET_WEIGHT_LENGTH, op.weight_length)
        em.cmd0(Cmd0.NPU_SET_SCALE_REGION, 0)
        em.cmd1(Cmd1.NPU_SET_SCALE_BASE, op.scale_offset)
        em.cmd1(Cmd1.NPU_SET_SCALE_LENGTH, op.scale_length)
    em.cmd0(Cmd0.NPU_SET_ACTIVATION, 0)  # no LUT: clamp to [min, max]
    em.cmd0(Cmd0.NPU_SET_ACTIVATION_MIN, layer.act_min)
    em.cmd0(Cmd0.NPU_SET_ACTIVATION_MAX, layer.act_max)
    em.cmd0(Cmd0.NPU_SET_OFM_BLK_HEIGHT_M1, op.block.height - 1)
    em.cmd0(Cmd0.NPU_SET_OFM_BLK_WIDTH_M1, op.block.width - 1)
    em.cmd0(Cmd0.NPU_SET_OFM_BLK_DEPTH_M1, op.block.depth - 1)
    em.cmd0(Cmd0.NPU_SET_IFM_IB_END, op.shram.ib_end)
    em.cmd0(Cmd0.NPU_SET_AB_START, op.shram.ab_start)
    em.cmd0(Cmd0.NPU_SET_ACC_FORMAT, 0)  # 32-bit accumulators
    em.cmd0(Cmd0.NPU_SET_BLOCKDEP, 0)
    if layer.kind == "conv":
        em.operation(Cmd0.NPU_OP_CONV)
    else:
        em.operation(Cmd0.NPU_OP_POOL, 0)  # MAX


def weight_sequence(layer: QLayer, acc: Accelerator, ofm_block_depth: int):
    """The layer's weights in the order the NPU consumes them, and that order."""
    o, kh, kw, i = layer.weights.shape
    order = weight_codec.weight_order(o, kh, kw, i, ofm_block_depth=ofm_block_depth,
                                      ifm_ublock_depth=acc.ifm_ublock.depth,
                                      ofm_ublock_depth=acc.ofm_ublock.depth,
                                      is_partkernel=_part_kernel(layer))
    return weight_codec.reorder(layer.weights, order), order


def build_driver_payload(acc: Accelerator, command_stream: bytes) -> bytes:
    """COP1 custom-operator payload (ethos-u.md §2.3): fourcc, OPTIMIZER_CONFIG with the expected
    CONFIG and ID words, NOPs until the stream tag's payload is 16-byte aligned, COMMAND_STREAM."""
    words = [COP1_FOURCC, DRIVER_ACTION_OPTIMIZER_CONFIG | (OPTIMIZER_CONFIG_VERSION << 16),
             acc.config_word(), VELA_ID_WORD]
    while (len(words) * 4 + 4) % 16:
        words.append(DRIVER_ACTION_NOP)
    length = len(command_stream) // 4
    if length >= 1 << 24:
        raise CompileError("command stream longer than the 2^24-word COP1 limit")
    words.append(DRIVER_ACTION_COMMAND_STREAM | (((length >> 16) & 0xFF) << 8) | ((length & 0xFFFF) << 16))
    return struct.pack(f"<{len(words)}I", *words) + command_stream


def compile_network(net: QuantizedNetwork, macs: int = 128) -> CompiledNetwork:
    acc = accelerator(macs)
    if not net.layers:
        raise CompileError(f"network '{net.name}' has no layers")
    maps = [FeatureMap(tuple(net.input_shape))]
    for layer in net.layers:
        _check_layer(layer, acc)
        prev = maps[-1]
        if prev.size != layer.in_shape[0] * layer.in_shape[1] * layer.in_shape[2]:
            raise CompileError(f"layer '{layer.name}': input {layer.in_shape} does not match the "
                               f"previous output {prev.shape}")
        maps.append(FeatureMap(tuple(layer.out_shape)))
    scratch_size = _allocate(maps)

    flash = bytearray()
    ops = []
    for k, layer in enumerate(net.layers):
        block, shram, est = _choose_block(layer, acc)
        ifm = FeatureMap(tuple(layer.in_shape), maps[k].offset)  # a flattened view for FC
        op = NpuOperation(layer, ifm, maps[k + 1], block, shram, est)
        if layer.kind == "conv":
            scales = [fixedpoint.npu_scale_entry(int(m), int(s))
                      for m, s in zip(layer.multiplier, layer.shift)]
            stream = scale_bias.encode_stream(layer.bias, [s for s, _ in scales], [sh for _, sh in scales])
            op.scale_offset, op.scale_length = len(flash), len(stream)
            flash += stream
            sequence, _ = weight_sequence(layer, acc, block.depth)
            encoded = weight_codec.encode(sequence)
            op.weight_offset, op.weight_length, op.weight_count = len(flash), len(encoded), len(sequence)
            flash += encoded
        ops.append(op)

    em = Emitter()
    for op in ops:
        _emit_operation(em, op)
    em.operation(Cmd0.NPU_OP_STOP, 0xFFFF)
    stream = em.to_bytes()
    compiled = CompiledNetwork(net, acc, ops, stream, em.listing, bytes(flash), scratch_size,
                               maps[0], maps[-1])
    compiled.driver_payload = build_driver_payload(acc, stream)
    compiled.summary = summarize(compiled)
    return compiled


def summarize(c: CompiledNetwork) -> list:
    rows = []
    for op in c.operations:
        layer = op.layer
        rows.append({
            "layer": layer.name,
            "operation": "NPU_OP_CONV" if layer.kind == "conv" else "NPU_OP_POOL (MAX)",
            "kind": "fully_connected" if layer.fully_connected else layer.kind,
            "ifm_shape": list(layer.in_shape), "ofm_shape": list(layer.out_shape),
            "kernel": list(layer.kernel), "stride": list(layer.stride),
            "ofm_block": [op.block.height, op.block.width, op.block.depth],
            "weight_traversal": (None if layer.kind != "conv" else
                                 "part_kernel_first" if _part_kernel(layer) else "depth_first"),
            "ifm_ib_end": op.shram.ib_end, "ab_start": op.shram.ab_start,
            "macs": layer.macs,
            "ifm_bytes": op.ifm.size, "ofm_bytes": op.ofm.size,
            "weight_bytes": op.weight_length, "scale_bytes": op.scale_length,
            "ofm_blocks": op.estimate.blocks,
            "estimated_cycles": op.estimate.cycles,
        })
    return rows


def format_summary(c: CompiledNetwork) -> str:
    lines = [f"{c.network.name} on {c.accelerator.name}: {len(c.operations)} NPU operations, "
             f"command stream {len(c.command_stream)} B, flash {len(c.flash)} B, "
             f"scratch {c.scratch_size} B",
             f"{'layer':<8} {'op':<18} {'ifm':>12} {'ofm':>12} {'block hxwxd':>12} {'MACs':>9} "
             f"{'weights B':>9} {'scales B':>8} {'cycles':>8} {'MAC/cyc':>7}"]
    total_macs = total_cycles = 0
    for r in c.summary:
        shape = lambda s: "x".join(str(v) for v in s)  # noqa: E731
        util = r["macs"] / r["estimated_cycles"] if r["estimated_cycles"] else 0.0
        lines.append(f"{r['layer']:<8} {r['kind']:<18} {shape(r['ifm_shape']):>12} "
                     f"{shape(r['ofm_shape']):>12} {shape(r['ofm_block']):>12} {r['macs']:>9} "
                     f"{r['weight_bytes']:>9} {r['scale_bytes']:>8} {r['estimated_cycles']:>8} "
                     f"{util:>7.1f}")
        total_macs += r["macs"]
        total_cycles += r["estimated_cycles"]
    lines.append(f"{'total':<8} {'':<18} {'':>12} {'':>12} {'':>12} {total_macs:>9} "
                 f"{sum(r['weight_bytes'] for r in c.summary):>9} "
                 f"{sum(r['scale_bytes'] for r in c.summary):>8} {total_cycles:>8}")
    return "\n".join(lines)
