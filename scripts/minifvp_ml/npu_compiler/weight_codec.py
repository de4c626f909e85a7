"""The Ethos-U55/U65 compressed weight stream ("MLW" format) and Vela's weight order.

Format (ethos-u.md §4.4, after Vela's mlw_codec): an LSB-first bit stream of slices. A slice header
is ZDIV:3 (7 = end of stream, 6 = no zero runs), SLICELEN:15 (values - 1), WDIV:3 (7 = uncompressed),
WTRUNC:1, NEWPAL:1, then if NEWPAL: DIROFS:5, PALSIZE:5 (+1 if non-zero), PALBITS:3 (+2) and the
palette. The body interleaves, chunk by chunk, Golomb-Rice unary parts and remainders of the weight
indices (and of the zero-run lengths when ZDIV != 6); a weight index below PALSIZE selects a palette
entry, otherwise index - PALSIZE + DIROFS is the value itself; a value v stands for the signed
weight (v >> 1) negated when v & 1. After the last slice, ZDIV = 7, byte alignment, and 0xFF
padding to a 16-byte multiple.

Our encoder writes each slice either in uncompressed mode (WDIV = 7: fixed-width indices of PALBITS
bits) or Golomb-Rice coded with the divisor that gives the fewest bits, without zero runs or a
palette (Vela also uses both). The decoder implements the full syntax, so it also reads Vela's
streams.
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


def _slice_header(out: BitWriter, nvalues: int, wdiv: int, palbits: int) -> None:
    out.put(ZDIV_DISABLE, 3)  # no zero runs
    out.put(nvalues - 1, 15)
    out.put(wdiv, 3)
    out.put(0, 1)  # WTRUNC 0: a unary slot of 2 continues the symbol
    out.put(1, 1)  # NEWPAL: the palette (empty) and the direct offset are defined here
    out.put(0, 5)  # DIROFS 0
    out.put(0, 5)  # PALSIZE 0: every index is the value itself
    out.put(palbits - 2, 3)  # PALBITS (the index width in uncompressed mode)


def _uncompressed_bits(values: np.ndarray) -> int:
    return max(2, int(values.max()).bit_length())


def _put_uncompressed(out: BitWriter, values: np.ndarray) -> None:
    bits = _uncompressed_bits(values)
    _slice_header(out, len(values), WDIV_UNCOMPRESSED, bits)
    out.put_array(values, bits)


def _grc_slots(values: np.ndarray, k: int) -> np.ndarray:
    """Unary slots of the quotients v >> k: q = 2n + t is n slots worth 2 (the symbol continues)
    and one slot worth t (0 or 1, the symbol ends)."""
    q = values >> k
    counts = (q >> 1) + 1
    slots = np.full(int(counts.sum()), 2, dtype=np.int64)
    ends = np.cumsum(counts) - 1
    slots[ends] = q & 1
    return slots


def _grc_cost(values: np.ndarray, k: int) -> int:
    q = values >> k
    nslots = int(((q >> 1) + 1).sum())
    ones = int((q >> 1).sum() + (q & 1).sum())  # slots with a unary1 bit
    return 12 * -(-nslots // 12) + ones + k * len(values)


def _put_grc(out: BitWriter, values: np.ndarray, k: int) -> None:
    """Golomb-Rice body: chunk c carries 12 unary0 bits (slot is non-zero), the unary1 bits of its
    non-zero slots (slot is 2), then the k-bit remainders of the symbols completed in chunk c-1;
    one last remainder-only step follows the final chunk."""
    _slice_header(out, len(values), k, 2)
    slots = _grc_slots(values, k)
    ends = np.nonzero(slots != 2)[0]  # slot index at which each symbol completes
    remainders = values & ((1 << k) - 1)
    nchunks = -(-len(slots) // 12)
    done = 0  # symbols whose remainders have been written
    for c in range(nchunks + 1):
        if c < nchunks:
            chunk = np.zeros(12, dtype=np.int64)  # padding slots end empty symbols
            part = slots[12 * c:12 * c + 12]
            chunk[:len(part)] = part
            unary0 = int(np.dot((chunk != 0).astype(np.int64), 1 << np.arange(12)))
            out.put(unary0, 12)
            nz = chunk[chunk != 0]
            out.put(int(np.dot((nz == 2).astype(np.int64), 1 << np.arange(len(nz)))), len(nz))
        if c > 0 and k > 0:
            upto = int(np.searchsorted(ends, 12 * c))  # symbols completed before chunk c
            out.put_array(remainders[done:upto], k)
            done = upto
        elif c > 0:
            done = int(np.searchsorted(ends, 12 * c))


def encode(weights: np.ndarray, compress: bool = True) -> bytes:
    """Encodes signed weights in [-255, 255] (Vela's 9-bit range). Each slice of up to 2^15 values
    is written in the smaller of uncompressed mode and Golomb-Rice mode with the best divisor
    (WDIV 0..5); compress=False forces uncompressed mode. No zero runs, no palette."""
    w = np.asarray(weights).reshape(-1).astype(np.int64)
    if w.size and (w.min() < -255 or w.max() > 255):
        raise WeightStreamError("weights must be within [-255, 255]")
    out = BitWriter()
    for start in range(0, w.size, MAX_SLICE_VALUES):
        chunk = _to_sign_magnitude(w[start:start + MAX_SLICE_VALUES])
        best_k, best_cost = None, len(chunk) * _uncompressed_bits(chunk)
        if compress:
            for k in range(6):
                cost = _grc_cost(chunk, k)
                if cost < best_cost:
                    best_k, best_cost = k, cost
        if best_k is None:
            _put_uncompressed(out, chunk)
        else:
            _put_grc(out, chunk, best_k)
    out.put(ZDIV_EOS, 3)
    align = (8 - len(out.bits) % 8) % 8
    out.put((1 << align) - 1, align)
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
