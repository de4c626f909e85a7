"""OFM block choice and SHRAM partitioning for Ethos-U55 (after Vela architecture_allocator.py).

SHRAM is split into 1 KiB banks: 2 reserved output banks, then the IFM buffer up to IFM_IB_END,
and the accumulator buffer from AB_START to the end of the usable banks (no LUT here). Both
buffers are double-buffered and rounded to the configuration's bank granules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .arch import Accelerator, Block


def _round_up(x: int, m: int) -> int:
    return (x + m - 1) // m * m


@dataclass(frozen=True)
class ShramLayout:
    ib_end: int
    ab_start: int


def shram_layout(acc: Accelerator, ofm_block: Block, ifm_block: Block) -> ShramLayout | None:
    """Returns the bank layout for 8-bit IFM blocks and 32-bit accumulators, or None if the pair of
    blocks does not fit."""
    ifm_bytes = ifm_block.width * ifm_block.height * _round_up(ifm_block.depth, 8)
    ifm_banks = _round_up(math.ceil(ifm_bytes / acc.shram_bank_bytes) * 2, acc.ifm8_granule)
    acc_bytes = ofm_block.width * ofm_block.height * _round_up(ofm_block.depth, 8) * 4
    acc_banks = _round_up(math.ceil(acc_bytes / acc.shram_bank_bytes) * 2, acc.acc32_granule)
    ifm_end = acc.reserved_output_banks + ifm_banks
    acc_start = acc.usable_banks - acc_banks
    if ifm_end > acc_start:
        return None
    return ShramLayout(ifm_end, acc_start)


def ifm_block_for(ofm_block: Block, kernel: tuple, stride: tuple, ifm_depth: int, is_pooling: bool,
                  acc: Accelerator, part_kernel: bool = False) -> Block:
    """The IFM area one OFM block needs (sub-kernels are at most 8x8)."""
    h = (ofm_block.height - 1) * stride[0] + min(kernel[0], 8)
    w = (ofm_block.width - 1) * stride[1] + min(kernel[1], 8)
    if is_pooling:
        depth = ofm_block.depth
    else:  # 32 channels per IFM block depth-first, 16 part-kernel-first
        depth = _round_up(min(ifm_depth, 16 if part_kernel else 32), acc.ifm_ublock.depth)
    return Block(_round_up(w, acc.ofm_ublock.width), _round_up(h, acc.ofm_ublock.height), depth)


def candidate_blocks(acc: Accelerator, ofm_shape: tuple, kernel: tuple):
    """All OFM blocks up to the hardware maximum that are whole micro-blocks and no larger than
    the OFM rounded up to micro-blocks. An OFM of height 1 with a kernel of height 1 may use
    block height 1 on configurations with 2-high micro-blocks (Vela fit_block_for_ofm)."""
    oh, ow, od = ofm_shape
    ub = acc.ofm_ublock
    heights = list(range(ub.height, min(acc.max_ofm_block.height, _round_up(oh, ub.height)) + 1,
                         ub.height))
    if oh == 1 and kernel[0] == 1:
        heights = [1]
    widths = range(ub.width, min(acc.max_ofm_block.width, _round_up(ow, ub.width)) + 1, ub.width)
    depths = range(ub.depth, min(acc.max_ofm_block.depth, _round_up(od, ub.depth)) + 1, ub.depth)
    for h in heights:
        for w in widths:
            for d in depths:
                yield Block(w, h, d)


def use_part_kernel_first(ifm_depth: int, kernel: tuple, fully_connected: bool) -> bool:
    """Vela's choice of weight traversal for 8-bit convolutions: part-kernel-first (the kernel's
    elements in groups of 4 over 16-channel IFM blocks) when the IFM has at most 8 channels or
    when it wastes less of the MAC array than depth-first (32-channel IFM blocks). Fully
    connected layers stay depth-first."""
    if fully_connected:
        return False
    if ifm_depth <= 8:
        return True
    elements = kernel[0] * kernel[1]
    depth_utilisation = ifm_depth / _round_up(ifm_depth, 32)
    part_utilisation = (ifm_depth / _round_up(ifm_depth, 8)) * (elements / _round_up(elements, 4))
    return part_utilisation >= depth_utilisation
