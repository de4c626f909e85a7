"""Ethos-U55 command-stream encoding for the test-vector generator, written from the public
register description (reference notes sections 3 and 4), independently of the C++ model:
command words, feature-map layouts (NHWC, NHCWB16, four tiles), the bias/scale stream, the weight
order and an uncompressed weight stream.
"""
import numpy as np

# cmd0 operations and registers
OP_STOP, OP_CONV, OP_DEPTHWISE, OP_POOL, OP_ELEMENTWISE, OP_DMA_START = 0, 2, 3, 5, 6, 16
OP_DMA_WAIT = 17
IFM_PAD_TOP, IFM_PAD_LEFT, IFM_PAD_RIGHT, IFM_PAD_BOTTOM = 256, 257, 258, 259
IFM_DEPTH_M1, IFM_PRECISION, IFM_UPSCALE, IFM_ZERO_POINT = 260, 261, 263, 265
IFM_WIDTH0_M1, IFM_HEIGHT0_M1, IFM_HEIGHT1_M1, IFM_REGION = 266, 267, 268, 271
OFM_WIDTH_M1, OFM_HEIGHT_M1, OFM_DEPTH_M1, OFM_PRECISION = 273, 274, 275, 276
OFM_BLK_DEPTH_M1, OFM_ZERO_POINT = 279, 280
OFM_WIDTH0_M1, OFM_HEIGHT0_M1, OFM_HEIGHT1_M1, OFM_REGION = 282, 283, 284, 287
KERNEL_WIDTH_M1, KERNEL_HEIGHT_M1, KERNEL_STRIDE = 288, 289, 290
ACTIVATION, ACTIVATION_MIN, ACTIVATION_MAX = 293, 294, 295
WEIGHT_REGION, SCALE_REGION = 296, 297
DMA0_SRC_REGION, DMA0_DST_REGION = 304, 305
IFM2_BROADCAST, IFM2_SCALAR, IFM2_PRECISION, IFM2_ZERO_POINT = 384, 385, 389, 393
IFM2_WIDTH0_M1, IFM2_HEIGHT0_M1, IFM2_HEIGHT1_M1, IFM2_REGION = 394, 395, 396, 399
# cmd1 registers
IFM_BASE0, IFM_STRIDE_X, IFM_STRIDE_Y, IFM_STRIDE_C = 0, 4, 5, 6
OFM_BASE0, OFM_STRIDE_X, OFM_STRIDE_Y, OFM_STRIDE_C = 16, 20, 21, 22
WEIGHT_BASE, WEIGHT_LENGTH, SCALE_BASE, SCALE_LENGTH = 32, 33, 34, 35
OFM_SCALE, OPA_SCALE, OPB_SCALE = 36, 37, 38
DMA0_SRC, DMA0_DST, DMA0_LEN = 48, 49, 50
IFM2_BASE0, IFM2_STRIDE_X, IFM2_STRIDE_Y, IFM2_STRIDE_C = 128, 132, 133, 134

DTYPES = {"int8": (8, True), "uint8": (8, False), "int16": (16, True), "int32": (32, True)}
NP_DTYPES = {"int8": np.int8, "uint8": np.uint8, "int16": np.int16, "int32": np.int32}


class Stream:
    def __init__(self):
        self.words = []

    def cmd0(self, opcode, param=0):
        self.words.append((opcode & 0x3FF) | ((param & 0xFFFF) << 16))

    def cmd1(self, opcode, payload, param=0):
        self.words.append((opcode & 0x3FF) | 0x4000 | ((param & 0xFFFF) << 16))
        self.words.append(payload & 0xFFFFFFFF)

    def to_bytes(self):
        return np.array(self.words, dtype="<u4").tobytes()


class Region:
    """A byte buffer for one BASEP region with a bump allocator."""

    def __init__(self, size):
        self.data = bytearray(size)
        self.top = 0

    def alloc(self, size, align=16):
        self.top = (self.top + align - 1) // align * align
        offset = self.top
        self.top += size
        assert self.top <= len(self.data), "region too small"
        return offset

    def put(self, offset, raw):
        self.data[offset:offset + len(raw)] = raw


class FeatureMap:
    """A feature map's placement. `tiles` = (width0, height0, height1) splits it over four base
    addresses the way the NPU's tile addressing expects."""

    def __init__(self, region_index, region, shape, dtype, fmt="NHWC", zp=0, tiles=None,
                 row_padding=0):
        self.region_index = region_index
        self.shape = shape
        self.dtype = dtype
        self.fmt = fmt
        self.zp = zp
        self.bits, self.signed = DTYPES[dtype]
        self.elem = self.bits // 8
        h, w, c = shape
        if fmt == "NHWC":
            self.stride_c = self.elem
            self.stride_x = c * self.elem
            self.stride_y = w * self.stride_x + row_padding
        else:
            self.stride_x = 16 * self.elem
            self.stride_c = self.stride_x * w
            self.stride_y = self.elem * w * ((c + 15) // 16 * 16) + row_padding
        self.width0, self.height0, self.height1 = tiles if tiles else (w, h, h)
        span = self.stride_y * h + self.stride_c * ((c + 15) // 16) + 16
        count = 4 if tiles else 1
        self.bases = [region.alloc(span) for _ in range(count)] + [0] * (4 - count)
        self.region = region

    def offset(self, y, x, c):
        tile = 0
        if x >= self.width0:
            x -= self.width0
            tile = 1
            if y >= self.height1:
                y -= self.height1
                tile = 3
        elif y >= self.height0:
            y -= self.height0
            tile = 2
        brick = 16 * self.elem if self.fmt == "NHWC" else self.stride_c
        return (self.bases[tile] + y * self.stride_y + x * self.stride_x + (c // 16) * brick +
                (c % 16) * self.elem)

    def store(self, values):
        h, w, c = self.shape
        arr = np.asarray(values).astype(NP_DTYPES[self.dtype])
        for y in range(h):
            for x in range(w):
                for ch in range(c):
                    off = self.offset(y, x, ch)
                    self.region.put(off, arr[y, x, ch].tobytes())

    def load(self, data):
        h, w, c = self.shape
        out = np.zeros(self.shape, dtype=np.int64)
        dt = np.dtype(NP_DTYPES[self.dtype]).newbyteorder("<")
        for y in range(h):
            for x in range(w):
                for ch in range(c):
                    off = self.offset(y, x, ch)
                    out[y, x, ch] = np.frombuffer(bytes(data[off:off + self.elem]), dtype=dt)[0]
        return out

    def precision_bits(self):
        return {8: 0, 16: 1, 32: 2}[self.bits]

    def format_bits(self):
        return 0 if self.fmt == "NHWC" else 1


def emit_ifm(s, fm, second=False, depth=None, scale_mode=0, round_mode=0):
    r = (IFM2_REGION, IFM2_BASE0, IFM2_STRIDE_X, IFM2_STRIDE_Y, IFM2_STRIDE_C, IFM2_WIDTH0_M1,
         IFM2_HEIGHT0_M1, IFM2_HEIGHT1_M1, IFM2_PRECISION, IFM2_ZERO_POINT) if second else (
        IFM_REGION, IFM_BASE0, IFM_STRIDE_X, IFM_STRIDE_Y, IFM_STRIDE_C, IFM_WIDTH0_M1,
        IFM_HEIGHT0_M1, IFM_HEIGHT1_M1, IFM_PRECISION, IFM_ZERO_POINT)
    s.cmd0(r[0], fm.region_index)
    for i in range(4):
        s.cmd1(r[1] + i, fm.bases[i])
    s.cmd1(r[2], fm.stride_x)
    s.cmd1(r[3], fm.stride_y)
    s.cmd1(r[4], fm.stride_c)
    s.cmd0(r[5], fm.width0 - 1)
    s.cmd0(r[6], fm.height0 - 1)
    s.cmd0(r[7], fm.height1 - 1)
    precision = (int(fm.signed) | (fm.precision_bits() << 2) | (fm.format_bits() << 6) |
                 (scale_mode << 8) | (round_mode << 14))
    s.cmd0(r[8], precision)
    s.cmd0(r[9], fm.zp & 0xFFFF)
    if not second:
        s.cmd0(IFM_DEPTH_M1, (depth if depth is not None else fm.shape[2]) - 1)


def emit_ofm(s, fm, global_scale, round_mode=0):
    h, w, c = fm.shape
    s.cmd0(OFM_REGION, fm.region_index)
    for i in range(4):
        s.cmd1(OFM_BASE0 + i, fm.bases[i])
    s.cmd1(OFM_STRIDE_X, fm.stride_x)
    s.cmd1(OFM_STRIDE_Y, fm.stride_y)
    s.cmd1(OFM_STRIDE_C, fm.stride_c)
    s.cmd0(OFM_WIDTH0_M1, fm.width0 - 1)
    s.cmd0(OFM_HEIGHT0_M1, fm.height0 - 1)
    s.cmd0(OFM_HEIGHT1_M1, fm.height1 - 1)
    s.cmd0(OFM_WIDTH_M1, w - 1)
    s.cmd0(OFM_HEIGHT_M1, h - 1)
    s.cmd0(OFM_DEPTH_M1, c - 1)
    precision = (int(fm.signed) | (fm.precision_bits() << 1) | (fm.format_bits() << 6) |
                 (int(global_scale) << 8) | (round_mode << 14))
    s.cmd0(OFM_PRECISION, precision)
    s.cmd0(OFM_ZERO_POINT, fm.zp & 0xFFFF)


def emit_activation(s, act_min, act_max, function=0, clip=0):
    s.cmd0(ACTIVATION, function | (clip << 12))
    s.cmd0(ACTIVATION_MIN, act_min & 0xFFFF)
    s.cmd0(ACTIVATION_MAX, act_max & 0xFFFF)


def emit_kernel(s, kh, kw, stride, dilation, pad, part_kernel=False):
    sy, sx = stride
    dy, dx = dilation
    s.cmd0(KERNEL_HEIGHT_M1, dy * (kh - 1))
    s.cmd0(KERNEL_WIDTH_M1, dx * (kw - 1))
    value = (((sx - 1) & 1) | (((sy - 1) & 1) << 1) | (int(part_kernel) << 2) |
             (int(dx == 2) << 3) | (int(dy == 2) << 4) | ((((sx - 1) >> 1) & 1) << 6) |
             ((((sy - 1) >> 1) & 1) << 9))
    s.cmd0(KERNEL_STRIDE, value)
    top, left, bottom, right = pad
    s.cmd0(IFM_PAD_TOP, top)
    s.cmd0(IFM_PAD_LEFT, left)
    s.cmd0(IFM_PAD_BOTTOM, bottom)
    s.cmd0(IFM_PAD_RIGHT, right)


def bias_scale_stream(biases, mults, tflite_shifts):
    """10 bytes per channel: int40 bias, uint32 scale, 6-bit right shift (= 31 - TFLite shift)."""
    out = bytearray()
    for b, m, sh in zip(biases, mults, tflite_shifts):
        out += int(b).to_bytes(5, "little", signed=True)
        out += int(m).to_bytes(4, "little", signed=False)
        out += bytes([(31 - sh) & 0x3F])
    return bytes(out)


def weight_order(ofm_depth, ifm_depth, kh, kw, dilation, ofm_block_depth, ifm_bits, traversal,
                 ofm_ublock=8, ifm_ublock=8):
    """The slots of the U55 weight stream, as (ofm, ky, kx, ifm) or None for padding."""
    depthwise = traversal == "depthwise"
    part = traversal == "part"
    ifm_block_depth = 16 if (part or ifm_bits == 16) else 32
    decomp_y, decomp_x = 8 // dilation[0], 8 // dilation[1]
    rnd = 4 if depthwise else (2 if ifm_bits == 16 else 4) if part else 1
    ifm_limit = 1 if depthwise else ifm_depth
    slots = []
    for ob in range(0, ofm_depth, ofm_block_depth):
        ob_size = min(ofm_block_depth, ofm_depth - ob)
        for ib in range(0, ifm_limit, ifm_block_depth):
            ib_size = ifm_ublock if depthwise else (min(ifm_block_depth, ifm_depth - ib) if part
                                                    else ifm_block_depth)
            for sy in range(0, kh, decomp_y):
                sub_h = min(kh - sy, decomp_y)
                for sx in range(0, kw, decomp_x):
                    sub_w = min(kw - sx, decomp_x)
                    elems = -(-sub_w * sub_h // rnd) * rnd
                    outer = ib_size if part else 1
                    inner = 1 if part else ib_size
                    for io in range(0, outer, ifm_ublock):
                        for ou in range(0, ob_size, ofm_ublock):
                            for e in range(elems):
                                kx, ky = e % sub_w, e // sub_w
                                for ii in range(0, inner, ifm_ublock):
                                    for oz in range(ofm_ublock):
                                        for iz in range(1 if depthwise else ifm_ublock):
                                            i = ib + io + ii + iz
                                            o = ob + ou + oz
                                            ok = i < ifm_limit and o < ofm_depth and ky < sub_h
                                            slots.append((o, sy + ky, sx + kx, i) if ok else None)
    return slots


def uncompressed_weight_stream(values):
    """Slices of up to 32768 9-bit direct values: ZDIV=6 (no zero runs), WDIV=7 (uncompressed),
    a palette header with no entries and PALBITS=9; then end of stream and 0xFF padding."""
    bits = []

    def put(v, n):
        for i in range(n):
            bits.append((v >> i) & 1)

    for start in range(0, len(values), 32768):
        chunk = values[start:start + 32768]
        put(6, 3)
        put(len(chunk) - 1, 15)
        put(7, 3)
        put(0, 1)
        put(1, 1)
        put(0, 5)  # direct offset
        put(0, 5)  # no palette
        put(7, 3)  # 9 bits
        for w in chunk:
            code = (abs(int(w)) << 1) | (1 if w < 0 else 0)
            put(code, 9)
    put(7, 3)
    while len(bits) % 8:
        bits.append(1)
    out = bytearray()
    for i in range(0, len(bits), 8):
        out.append(sum(b << k for k, b in enumerate(bits[i:i + 8])))
    while len(out) % 16:
        out.append(0xFF)
    return bytes(out)


def encode_weights(weights_ohwi, dilation, ofm_block_depth, ifm_bits, traversal, ofm_ublock=8):
    o, kh, kw, i = weights_ohwi.shape
    slots = weight_order(o, i, kh, kw, dilation, ofm_block_depth, ifm_bits, traversal,
                         ofm_ublock=ofm_ublock)
    values = [0 if slot is None else int(weights_ohwi[slot]) for slot in slots]
    return uncompressed_weight_stream(values)
