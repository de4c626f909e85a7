"""The Ethos-U55/U65 compressed weight stream ("MLW" format) and Vela's weight order.

Format (ethos-u.md §4.4, after Vela's mlw_codec): an LSB-first bit stream of slices. A slice header
is ZDIV:3 (7 = end of stream, 6 = no zero runs), SLICELEN:15 (values - 1), WDIV:3 (7 = uncompressed),
WTRUNC:1, NEWPAL:1, then if NEWPAL: DIROFS:5, PALSIZE:5 (+1 if non-zero), PALBITS:3 (+2) and the
palette. The body interleaves, chunk by chunk, Golomb-Rice unary parts and remainders of the weight
indices (and of the zero-run lengths when ZDIV != 6); a weight index below PALSIZE selects a palette
entry, otherwise index - PALSIZE + DIROFS is the value itself; a value v stands for the signed
weight (v >> 1) negated when v & 1. After the last slice, ZDIV = 7, byte alignment, and 0xFF
padding to a 16-byte multiple.

Our encoder writes the simplest form the format allows: slices in uncompressed mode (WDIV = 7,
no zero runs, no palette), each value as a fixed-width index of PALBITS bits. The decoder here
implements the full syntax, so it also reads Vela's compressed streams.
"""

from __future__ import annotations

import numpy as np

ZDIV_DISABLE = 6
ZDIV_EOS = 7
WDIV_UNCOMPRESSED = 7
MAX_SLICE_VALUES = 1 << 15
STREAM_ALIGNMENT = 16


class WeightStreamError(Exception):
    pass


class BitWriter:
    def __init__(self) -> None:
        self.bits: list[int] = []

    def put(self, value: int, width: int) -> None:
        for i in range(width):
            self.bits.append((value >> i) & 1)

    def put_array(self, values: np.ndarray, width: int) -> None:
        bits = ((values.astype(np.int64)[:, None] >> np.arange(width)) & 1).reshape(-1)
        self.bits.extend(bits.tolist())

    def to_bytes(self) -> bytes:
        bits = np.array(self.bits, dtype=np.uint8)
        return np.packbits(bits, bitorder="little").tobytes()


def _to_sign_magnitude(weights: np.ndarray) -> np.ndarray:
    w = weights.astype(np.int64)
    return (np.abs(w) << 1) | (w < 0)


def encode(weights: np.ndarray) -> bytes:
    """Encodes signed weights in [-255, 255] (Vela's 9-bit range) as uncompressed slices."""
    w = np.asarray(weights).reshape(-1).astype(np.int64)
    if w.size and (w.min() < -255 or w.max() > 255):
        raise WeightStreamError("weights must be within [-255, 255]")
    out = BitWriter()
    for start in range(0, w.size, MAX_SLICE_VALUES):
        chunk = _to_sign_magnitude(w[start:start + MAX_SLICE_VALUES])
        bits = max(2, int(chunk.max()).bit_length())
        out.put(ZDIV_DISABLE, 3)
        out.put(len(chunk) - 1, 15)
        out.put(WDIV_UNCOMPRESSED, 3)
        out.put(0, 1)  # WTRUNC
        out.put(1, 1)  # NEWPAL: the palette (empty) and the direct offset are defined here
        out.put(0, 5)  # DIROFS
        out.put(0, 5)  # PALSIZE 0: no palette, every index is a direct value
        out.put(bits - 2, 3)  # PALBITS: the uncompressed index width
        out.put_array(chunk, bits)
    out.put(ZDIV_EOS, 3)
    out.put((1 << ((8 - len(out.bits) % 8) % 8)) - 1, (8 - len(out.bits) % 8) % 8)
    data = bytearray(out.to_bytes())
    while len(data) % STREAM_ALIGNMENT:
        data.append(0xFF)
    return bytes(data)


class BitReader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def get(self, width: int) -> int:
        value = 0
        for i in range(width):
            byte = self.pos >> 3
            if byte >= len(self.data):
                raise WeightStreamError(f"weight stream underrun at bit {self.pos}")
            value |= ((self.data[byte] >> (self.pos & 7)) & 1) << i
            self.pos += 1
        return value


def decode(data: bytes) -> np.ndarray:
    """Decodes a whole weight stream (any valid encoding) into signed weights."""
    bb = BitReader(data)
    out: list[int] = []
    palette: list[int] = []
    palsize = palbits = direct_offset = 0
    first = True
    prev_zdiv = None
    while True:
        if (bb.pos >> 3) >= len(data):
            break
        zdiv = bb.get(3)
        if zdiv == ZDIV_EOS:
            bb.get((8 - (bb.pos & 7)) & 7)  # byte align; then padding or another stream follows
            first = True
            continue
        if not (zdiv < 4 or zdiv == ZDIV_DISABLE):
            raise WeightStreamError(f"invalid ZDIV {zdiv} at bit {bb.pos - 3}")
        use_zero_run = zdiv != ZDIV_DISABLE
        nvalues = bb.get(15) + 1
        wdiv = bb.get(3)
        wtrunc = bb.get(1)
        new_palette = bb.get(1)
        if first and not new_palette:
            raise WeightStreamError("the first slice of a stream must define the palette")
        if not new_palette and prev_zdiv is not None and \
                use_zero_run != (prev_zdiv != ZDIV_DISABLE):
            raise WeightStreamError("zero-run mode changed without a new palette")
        first = False
        prev_zdiv = zdiv
        if new_palette:
            direct_offset = bb.get(5)
            palsize = bb.get(5)
            if palsize > 0:
                palsize += 1
            palbits = bb.get(3) + 2
            palette = [bb.get(palbits) for _ in range(palsize)]
        if wdiv == WDIV_UNCOMPRESSED:
            uncompressed = True
            if palsize > 0:
                wdiv = max(0, (palsize - 1).bit_length())
            else:
                wdiv = palbits
        else:
            uncompressed = False
            if wdiv >= 6:
                raise WeightStreamError(f"invalid WDIV {wdiv}")
        w_values, z_values = _decode_slice_body(bb, nvalues, new_palette, use_zero_run, uncompressed,
                                                wdiv, wtrunc, zdiv)
        if new_palette and use_zero_run:
            out.extend([0] * z_values[0])
        for i, index in enumerate(w_values):
            if index >= 512:
                raise WeightStreamError(f"weight index {index} exceeds 9 bits")
            v = palette[index] if index < palsize else index - palsize + direct_offset
            out.append(-(v >> 1) if v & 1 else v >> 1)
            if use_zero_run:
                out.extend([0] * z_values[i + (1 if new_palette else 0)])
    return np.array(out, dtype=np.int16)


def _decode_slice_body(bb: BitReader, nvalues: int, new_palette: int, use_zero_run: bool,
                       uncompressed: bool, wdiv: int, wtrunc: int, zdiv: int):
    """The chunked body: each chunk carries the unary parts of up to 12 (8 in wide uncompressed
    mode) weight symbols and of up to 12/8 zero-run symbols, then the remainders of the previous
    chunk's symbols. Returns the weight indices and the zero-run lengths."""
    z_nvalues = nvalues + (1 if new_palette else 0)
    w_value = [0] * nvalues
    z_value = [0] * z_nvalues
    w_pos = z_pos = w_prev_pos = z_prev_pos = 0
    w_carry = z_carry = 0
    w_prev_enable = z_prev_enable = False
    w_prev_q: list[int] = []
    z_prev_q: list[int] = []
    z_unary_len = 12 if zdiv < 3 else 8
    while True:
        balance = w_pos - z_pos if use_zero_run else 0
        w_enable = (balance < 8 or not use_zero_run) and w_pos < nvalues
        z_enable = balance >= 0 and use_zero_run and z_pos < z_nvalues
        w_unary0 = bb.get(12) if (w_enable and not uncompressed) else 0
        z_q: list[int] = []
        if z_enable:
            z_unary = bb.get(z_unary_len)
            cnt = z_carry
            for i in range(z_unary_len):
                if z_unary & (1 << i):
                    cnt += 1
                else:
                    z_q.append(cnt)
                    cnt = 0
            z_carry = cnt
            z_pos += len(z_q)
        w_q: list[int] = []
        if w_enable:
            max_symbols = 8 if (uncompressed and wdiv > 5) else 12
            unary1_len = bin(w_unary0 & ((1 << max_symbols) - 1)).count("1")
            w_unary1 = bb.get(unary1_len)
            cnt = w_carry
            for i in range(max_symbols):
                code = 0
                if w_unary0 & (1 << i):
                    code = 1 + (w_unary1 & 1)
                    w_unary1 >>= 1
                cnt += code
                if code < 2 or wtrunc:
                    w_q.append(cnt)
                    cnt = 0
            w_carry = cnt
            w_pos += len(w_q)
        if w_prev_enable:
            for q in w_prev_q:
                if w_prev_pos >= nvalues:
                    break
                w_value[w_prev_pos] = (q << wdiv) + bb.get(wdiv)
                w_prev_pos += 1
        if z_prev_enable:
            for q in z_prev_q:
                if z_prev_pos >= z_nvalues:
                    break
                z_value[z_prev_pos] = (q << zdiv) + bb.get(zdiv)
                z_prev_pos += 1
        w_prev_enable, w_prev_q = w_enable, w_q
        z_prev_enable, z_prev_q = z_enable, z_q
        if not (w_prev_enable or z_prev_enable):
            break
    return w_value, z_value


# ---------------------------------------------------------------------------------------------
# Weight order: the sequence in which the NPU consumes weights (Vela mlw_encode.c "reorder").


def _round_up(x: int, m: int) -> int:
    return (x + m - 1) // m * m


def weight_order(ofm_depth: int, kernel_h: int, kernel_w: int, ifm_depth: int, *,
                 ofm_block_depth: int, ifm_ublock_depth: int, ofm_ublock_depth: int,
                 is_depthwise: bool = False, is_partkernel: bool = False, ifm_bits: int = 8,
                 decomp_h: int = 8, decomp_w: int = 8) -> np.ndarray:
    """Returns, for each position of the NPU's weight sequence, the flat OHWI index of the weight
    it holds, or -1 for a padding zero. Loop nest, outermost first: OFM block (OFM_BLK_DEPTH),
    IFM block (32 channels, 16 if part-kernel-first or 16-bit), 8x8 sub-kernel rows and columns,
    IFM micro-block (part-kernel only), OFM micro-block, kernel element (padded to a multiple of 4
    for part-kernel/depthwise), IFM micro-block (depth-first), OFM channel within the micro-block,
    IFM channel within the micro-block."""
    order: list[int] = []
    ifm_block_depth = 16 if (is_partkernel or ifm_bits == 16) else 32
    for ofm_block_z in range(0, ofm_depth, ofm_block_depth):
        clipped_ofm_block = min(ofm_block_depth, ofm_depth - ofm_block_z)
        for ifm_block_z in range(0, 1 if is_depthwise else ifm_depth, ifm_block_depth):
            if is_depthwise:
                clipped_ifm_block = ifm_ublock_depth
            elif is_partkernel:
                clipped_ifm_block = min(ifm_block_depth, ifm_depth - ifm_block_z)
            else:
                clipped_ifm_block = ifm_block_depth
            for sub_y in range(0, kernel_h, decomp_h):
                sub_h = min(kernel_h - sub_y, decomp_h)
                for sub_x in range(0, kernel_w, decomp_w):
                    sub_w = min(kernel_w - sub_x, decomp_w)
                    elements = sub_w * sub_h
                    if is_partkernel:
                        elements = _round_up(elements, 2 if ifm_bits == 16 else 4)
                    elif is_depthwise:
                        elements = _round_up(elements, 4)
                    outer = clipped_ifm_block if is_partkernel else 1
                    inner = 1 if is_partkernel else clipped_ifm_block
                    for ifm_ublk_outer in range(0, outer, ifm_ublock_depth):
                        for ofm_ublk in range(0, clipped_ofm_block, ofm_ublock_depth):
                            for element in range(elements):
                                kx = element % sub_w
                                ky = element // sub_w
                                for ifm_ublk_inner in range(0, inner, ifm_ublock_depth):
                                    for ofm_uz in range(ofm_ublock_depth):
                                        for ifm_uz in range(1 if is_depthwise else ifm_ublock_depth):
                                            ifm_z = ifm_block_z + ifm_ublk_inner + ifm_ublk_outer + ifm_uz
                                            ofm_z = ofm_block_z + ofm_ublk + ofm_uz
                                            if ifm_z < ifm_depth and ofm_z < ofm_depth and ky < sub_h:
                                                wy, wx = sub_y + ky, sub_x + kx
                                                i_index = 0 if is_depthwise else ifm_z
                                                order.append(((ofm_z * kernel_h + wy) * kernel_w + wx)
                                                             * (1 if is_depthwise else ifm_depth) + i_index)
                                            else:
                                                order.append(-1)
    return np.array(order, dtype=np.int64)


def reorder(weights_ohwi: np.ndarray, order: np.ndarray) -> np.ndarray:
    flat = weights_ohwi.reshape(-1).astype(np.int16)
    return np.where(order >= 0, flat[np.maximum(order, 0)], 0).astype(np.int16)


def unreorder(sequence: np.ndarray, order: np.ndarray, shape: tuple) -> np.ndarray:
    """Inverse of reorder: scatters a decoded sequence back to OHWI (padding positions must be 0)."""
    if len(sequence) != len(order):
        raise WeightStreamError(f"decoded {len(sequence)} weights, the order has {len(order)}")
    out = np.zeros(int(np.prod(shape)), dtype=np.int16)
    valid = order >= 0
    if np.any(sequence[~valid] != 0):
        raise WeightStreamError("non-zero weight in a padding position")
    out[order[valid]] = sequence[valid]
    return out.reshape(shape)
