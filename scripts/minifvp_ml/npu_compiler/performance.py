"""Per-operation estimates after Vela's Ethos-U55 performance model (ethos-u.md §5.2): the
compute (DPU) and output stages per OFM block, overlapped across blocks. Memory bandwidth limits
and command overheads are left out, so these are optimistic, like Vela's NPU-cycle figure."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .arch import Accelerator, Block


@dataclass
class Estimate:
    cycles: int
    blocks: int
    dpu_cycles_per_block: int
    output_cycles_per_block: int


def estimate(acc: Accelerator, kind: str, ofm_shape: tuple, ifm_depth: int, kernel: tuple,
             block: Block, has_activation: bool, part_kernel: bool = False) -> Estimate:
    oh, ow, od = ofm_shape
    bw, bh, bd = min(block.width, ow), min(block.height, oh), min(block.depth, od)
    ub = acc.ofm_ublock
    nx, ny, nz = math.ceil(bw / ub.width), math.ceil(bh / ub.height), math.ceil(bd / ub.depth)
    cycles_wb = 32 * ub.depth // 8
    dpu = 0
    for sub_y in range(0, kernel[0], 8):
        for sub_x in range(0, kernel[1], 8):
            elements = min(8, kernel[0] - sub_y) * min(8, kernel[1] - sub_x)
            if kind == "maxpool":
                dpu += max(4, elements) * nx * ny * nz
            elif part_kernel:
                ifm_block_depth = min(16, -(-ifm_depth // 8) * 8)
                dpu += max(cycles_wb, 4 * nx * ny) * math.ceil(elements / 4) * \
                    math.ceil(ifm_block_depth / 8) * nz
            else:
                dpu += max(cycles_wb, 4 * nx * ny) * elements * nz
                if nx == 1 and ny == 1:  # the pipeline delay shows when a block is one ublock
                    dpu += 2 * (elements if nz == 1 else (elements - 1) * nz)
    if kind != "maxpool":
        dpu *= math.ceil(ifm_depth / (16 if part_kernel else 32))
    out_cpe = acc.output_cycles_maxpool if kind == "maxpool" else acc.output_cycles_conv
    act_cpe = acc.activation_cycles_relu if has_activation else 0.0
    out = math.ceil(max(out_cpe, act_cpe) * bw * bh * bd)
    blocks = math.ceil(ow / bw) * math.ceil(oh / bh) * math.ceil(od / bd)
    total = dpu * blocks + out if dpu > out else out * blocks + dpu
    return Estimate(total, blocks, dpu, out)
