#!/usr/bin/python3
"""Generates the per-operation NPU test vectors in tests/npu/data/.

Each case is a small command stream with its register values computed the way Vela computes them
(scale quantisation, bias/scale stream, weight order, add/sub operand scaling), inputs drawn from
a seeded generator, and the expected output computed by the numpy transcription of the TFLite
reference kernels (tflite_reference.py). Files per case (tests/npu/data/<case>/):
  cmd.bin              command stream (little-endian words, ends with NPU_OP_STOP)
  region0.bin          BASEP[0]: weights, bias/scale streams, LUTs
  region1.bin          BASEP[1] before the run: inputs, zeroed output area
  region1_expected.bin BASEP[1] after the run
  case.txt             "macs N" (the MAC configuration the stream is for)

Run: /usr/bin/python3 scripts/npu_reference/gen_vectors.py [output_dir]
"""
import os
import shutil
import sys

import numpy as np

import npu_encoding as enc
import tflite_reference as ref

RANGES = {"int8": (-128, 127), "uint8": (0, 255), "int16": (-32768, 32767)}
LUT_OFFSET_U55_128 = 24 * 1024 - 2048


class Case:
    def __init__(self, name, seed, macs=128):
        self.name = name
        self.macs = macs
        self.rng = np.random.default_rng(seed)
        self.r0 = enc.Region(1 << 16)
        self.r1 = enc.Region(1 << 16)
        self.stream = enc.Stream()
        self.expected_writes = []  # (FeatureMap, values)

    def random(self, dtype, shape, lo=None, hi=None):
        a, b = RANGES[dtype]
        lo = a if lo is None else lo
        hi = b if hi is None else hi
        return self.rng.integers(lo, hi + 1, size=shape, dtype=np.int64)

    def write(self, out_dir):
        self.stream.cmd0(enc.OP_STOP, 0xFFFF)
        d = os.path.join(out_dir, self.name)
        os.makedirs(d, exist_ok=True)
        r0 = bytes(self.r0.data[:max(16, (self.r0.top + 15) // 16 * 16)])
        size1 = max(16, (self.r1.top + 15) // 16 * 16)
        r1 = bytes(self.r1.data[:size1])
        for fm, values in self.expected_writes:
            fm.store(values)
        r1_expected = bytes(self.r1.data[:size1])
        with open(os.path.join(d, "cmd.bin"), "wb") as f:
            f.write(self.stream.to_bytes())
        with open(os.path.join(d, "region0.bin"), "wb") as f:
            f.write(r0)
        with open(os.path.join(d, "region1.bin"), "wb") as f:
            f.write(r1)
        with open(os.path.join(d, "region1_expected.bin"), "wb") as f:
            f.write(r1_expected)
        with open(os.path.join(d, "case.txt"), "w") as f:
            f.write(f"macs {self.macs}\n")


def implied_padding(size, out, k, stride, dilation, before):
    after = (out - 1) * stride + dilation * (k - 1) + 1 - before - size
    assert after >= 0, "output too large for the input"
    return after


def conv_case(out_dir, name, seed, ifm_shape, oc, k, stride=(1, 1), dilation=(1, 1),
              pad_tl=(0, 0), out_hw=None, dtype="int8", fmt_in="NHWC", fmt_out="NHWC",
              traversal="depth", tiles_in=None, tiles_out=None, depthwise=False, blk=16,
              big_scales=False, act=None, row_padding=0, zero_upscale=False, macs=128):
    """zero_upscale: IFM_UPSCALE ZEROS, the reference convolves the zero-inserted IFM (2H x 2W,
    inputs at even positions, the zero point elsewhere), as a transposed convolution does.
    macs: the U55 configuration (32 MACs use OFM micro-blocks of depth 4, which changes the weight
    order)."""
    c = Case(name, seed, macs)
    ih, iw, ic = ifm_shape
    if zero_upscale:
        ih, iw = 2 * ih, 2 * iw
    kh, kw = k
    if depthwise:
        oc = ic
    if out_hw is None:
        out_hw = (-(-ih // stride[0]), -(-iw // stride[1]))
    pad_b = implied_padding(ih, out_hw[0], kh, stride[0], dilation[0], pad_tl[0])
    pad_r = implied_padding(iw, out_hw[1], kw, stride[1], dilation[1], pad_tl[1])
    lo, hi = RANGES[dtype]
    in_zp = int(c.rng.integers(lo, hi + 1)) if dtype != "int16" else 0
    out_zp = int(c.rng.integers(lo, hi + 1)) if dtype != "int16" else 0
    w_zp = int(c.rng.integers(100, 156)) if dtype == "uint8" else 0
    ifm = c.random(dtype, ifm_shape)
    ifm_ref = ifm
    if zero_upscale:
        ifm_ref = np.full((ih, iw, ic), in_zp, dtype=np.int64)
        ifm_ref[0::2, 0::2, :] = ifm
    wshape = (oc, kh, kw, 1 if depthwise else ic)
    if dtype == "uint8":
        weights = c.rng.integers(0, 256, size=wshape)
    else:
        weights = c.rng.integers(-127, 128, size=wshape)
    bias = c.rng.integers(-20000, 20000, size=oc)
    in_s = float(np.float32(c.rng.uniform(0.01, 0.1)))
    out_s = float(np.float32(c.rng.uniform(0.05, 0.5)))
    if dtype == "uint8":
        w_s = [float(np.float32(c.rng.uniform(0.002, 0.02)))] * oc
    else:
        w_s = [float(np.float32(c.rng.uniform(0.002, 0.02))) for _ in range(oc)]
    if big_scales:
        # Effective scales above 1 (TFLite left shifts, single rounding on the NPU) and tiny ones.
        w_s = [w * (3000.0 if ch % 3 == 0 else 0.01 if ch % 3 == 1 else 1.0)
               for ch, w in enumerate(w_s)]
    quant = [ref.quantize_multiplier((in_s * ws) / out_s) for ws in w_s]
    mults = [q[0] for q in quant]
    shifts = [q[1] for q in quant]
    act_min, act_max = act if act else (lo, hi)
    int16 = dtype == "int16"
    expected = ref.conv2d_out(ifm_ref, weights, bias, in_zp, out_zp, mults, shifts, stride, dilation,
                              pad_tl, out_hw, act_min, act_max, w_zp=w_zp, depthwise=depthwise,
                              int16=int16)
    ifm_fm = enc.FeatureMap(1, c.r1, ifm_shape, dtype, fmt_in, in_zp, tiles_in)
    ifm_fm.store(ifm)
    ofm_fm = enc.FeatureMap(1, c.r1, (out_hw[0], out_hw[1], oc), dtype, fmt_out, out_zp,
                            tiles_out, row_padding=row_padding)
    corrected = (weights - w_zp).astype(np.int64)
    wstream = enc.encode_weights(corrected, dilation, blk, enc.DTYPES[dtype][0],
                                 "depthwise" if depthwise else traversal,
                                 ofm_ublock=4 if macs == 32 else 8)
    woff = c.r0.alloc(len(wstream))
    c.r0.put(woff, wstream)
    if int16:
        # Vela's reduced_quantise_scale for 16-bit IFMs with 64-bit bias: the register holds the
        # 16-bit multiplier and shift = TFLite's total right shift.
        reduced = [ref.reduce_multiplier_int16(m, sh) for m, sh in zip(mults, shifts)]
        sstream = enc.bias_scale_stream(bias, [r[0] for r in reduced], [31 - r[1] for r in reduced])
    else:
        sstream = enc.bias_scale_stream(bias, mults, shifts)
    soff = c.r0.alloc(len(sstream))
    c.r0.put(soff, sstream)
    s = c.stream
    enc.emit_ifm(s, ifm_fm)
    s.cmd0(enc.IFM_UPSCALE, 2 if zero_upscale else 0)
    enc.emit_ofm(s, ofm_fm, global_scale=False)
    enc.emit_kernel(s, kh, kw, stride, dilation, (pad_tl[0], pad_tl[1], pad_b, pad_r),
                    part_kernel=traversal == "part")
    s.cmd0(enc.WEIGHT_REGION, 0)
    s.cmd1(enc.WEIGHT_BASE, woff)
    s.cmd1(enc.WEIGHT_LENGTH, len(wstream))
    s.cmd0(enc.SCALE_REGION, 0)
    s.cmd1(enc.SCALE_BASE, soff)
    s.cmd1(enc.SCALE_LENGTH, len(sstream))
    s.cmd0(enc.OFM_BLK_DEPTH_M1, blk - 1)
    enc.emit_activation(s, act_min, act_max)
    s.cmd0(enc.OP_DEPTHWISE if depthwise else enc.OP_CONV)
    c.expected_writes.append((ofm_fm, expected))
    c.write(out_dir)


def pool_case(out_dir, name, seed, ifm_shape, k, stride, pad_tl, out_hw, mode, act=None,
              nearest_upscale=False):
    """nearest_upscale: IFM_UPSCALE NEAREST (2x nearest-neighbour resize, as
    RESIZE_NEAREST_NEIGHBOR with scale 2 computes) before the pooling."""
    c = Case(name, seed)
    ih, iw, ch = ifm_shape
    if nearest_upscale:
        ih, iw = 2 * ih, 2 * iw
    pad_b = implied_padding(ih, out_hw[0], k[0], stride[0], 1, pad_tl[0])
    pad_r = implied_padding(iw, out_hw[1], k[1], stride[1], 1, pad_tl[1])
    ifm = c.random("int8", ifm_shape)
    ifm_ref = np.repeat(np.repeat(ifm, 2, axis=0), 2, axis=1) if nearest_upscale else ifm
    act_min, act_max = act if act else (-128, 127)
    padded = pad_tl[0] or pad_tl[1] or pad_b or pad_r
    if mode == "avg":
        expected = ref.average_pool(ifm_ref, k, stride, pad_tl, out_hw, act_min, act_max)
        zp = 0  # Vela uses zero points 0 so the NPU averages the raw values as TFLite does
        if padded:
            scale, shift = 1, 0  # the NPU divides by the number of valid elements
        else:
            n = k[0] * k[1]
            kbits = int(np.frexp(float(n - 1))[1])
            scale = ((1 << (31 + kbits)) + (1 << kbits)) // n
            shift = 31 + kbits
    else:
        expected = ref.max_pool(ifm_ref, k, stride, pad_tl, out_hw, act_min, act_max)
        zp = int(c.rng.integers(-128, 128))
        scale, shift = 1, 0
    ifm_fm = enc.FeatureMap(1, c.r1, ifm_shape, "int8", "NHWC", zp)
    ifm_fm.store(ifm)
    ofm_fm = enc.FeatureMap(1, c.r1, (out_hw[0], out_hw[1], ch), "int8", "NHCWB16", zp)
    s = c.stream
    enc.emit_ifm(s, ifm_fm)
    s.cmd0(enc.IFM_UPSCALE, 1 if nearest_upscale else 0)
    enc.emit_ofm(s, ofm_fm, global_scale=True)
    enc.emit_kernel(s, k[0], k[1], stride, (1, 1), (pad_tl[0], pad_tl[1], pad_b, pad_r))
    s.cmd1(enc.OFM_SCALE, scale, shift)
    enc.emit_activation(s, act_min, act_max)
    s.cmd0(enc.OP_POOL, 1 if mode == "avg" else 0)
    c.expected_writes.append((ofm_fm, expected))
    c.write(out_dir)


def elementwise_case(out_dir, name, seed, shape, op, dtype="int8", ifm2_shape=None,
                     scalar=False, reversed_operands=False, equal_scales=False, lut=False,
                     scales=None, fmt="NHWC"):
    """TFLite's first input is operand A. Normally it is the IFM and the second input (possibly
    broadcast, or a scalar) the IFM2; with reversed operands the first input is the broadcast one,
    so it moves to IFM2 and IFM2_BROADCAST.operand_order says IFM2 comes first (as Vela does)."""
    c = Case(name, seed)
    lo, hi = RANGES[dtype]
    small_shape = (1, 1, 1) if scalar else (ifm2_shape or shape)
    shape1, shape2 = (small_shape, shape) if reversed_operands else (shape, small_shape)
    in1 = c.random(dtype, shape1)
    in2 = c.random(dtype, shape2)
    zp_range = (lo, hi) if dtype != "int16" else (0, 0)
    z1, z2, zo = (int(c.rng.integers(zp_range[0], zp_range[1] + 1)) for _ in range(3))
    if scales:
        s1, s2, so = scales
    else:
        s1, s2, so = (float(np.float32(c.rng.uniform(0.01, 0.2))) for _ in range(3))
    if equal_scales:
        s2 = s1
    a = np.broadcast_to(in1, shape)
    b = np.broadcast_to(in2, shape)
    ew_mode = {"add": 1, "sub": 2, "mul": 0, "min": 3, "max": 4}[op]
    scale_mode = 0
    if op in ("add", "sub"):
        left = 20 if dtype != "int16" else 15
        expected, q1, q2, qo = ref.add_sub(a, b, s1, z1, s2, z2, so, zo, lo, hi, left,
                                           subtract=op == "sub")
        # The smaller-scale operand is rescaled (32-bit scale, shift reduced by the left shift);
        # the other is used as is (Vela advanced add/sub scaling, regor ElementwiseAddSubScale).
        scaled_first = float(s1) <= float(s2)
        mq, msh = q1 if scaled_first else q2
        opa = (mq, 31 - msh - left)
        ofm_scale = (qo[0], 31 - qo[1])
        scale_mode = 1 if scaled_first else 2  # OPA_32 / OPB_32
    elif op == "mul":
        expected, (m, sh) = ref.mul(a, b, s1, z1, s2, z2, so, zo, lo, hi)
        ofm_scale = (m, 31 - sh)
    else:
        z2 = z1
        zo = z1
        expected = np.clip(np.maximum(a, b) if op == "max" else np.minimum(a, b), lo, hi)
        ofm_scale = (1, 0)
    if lut:
        table = c.rng.integers(-128, 128, size=256)
        expected = table[np.clip(expected, -128, 127) + 128]
        lut_off = c.r0.alloc(256)
        c.r0.put(lut_off, table.astype(np.int8).tobytes())
    fm1 = enc.FeatureMap(1, c.r1, shape1, dtype, fmt, z1)
    fm1.store(in1)
    fm2 = enc.FeatureMap(1, c.r1, shape2, dtype, fmt, z2)
    fm2.store(in2)
    ofm_fm = enc.FeatureMap(1, c.r1, shape, dtype, fmt, zo)
    ifm_fm, ifm2_fm = (fm2, fm1) if reversed_operands else (fm1, fm2)
    s = c.stream
    if lut:
        s.cmd0(enc.DMA0_SRC_REGION, 0)
        s.cmd1(enc.DMA0_SRC, lut_off)
        s.cmd0(enc.DMA0_DST_REGION, 0x100 | 3)
        s.cmd1(enc.DMA0_DST, LUT_OFFSET_U55_128 + 256 * 2)
        s.cmd1(enc.DMA0_LEN, 256)
        s.cmd0(enc.OP_DMA_START)
    enc.emit_ifm(s, ifm_fm, scale_mode=scale_mode)
    enc.emit_ofm(s, ofm_fm, global_scale=True)
    s.cmd1(enc.OFM_SCALE, ofm_scale[0], ofm_scale[1])
    if op in ("add", "sub"):
        s.cmd1(enc.OPA_SCALE, opa[0], opa[1])
        s.cmd1(enc.OPB_SCALE, 0)
    enc.emit_ifm(s, ifm2_fm, second=True)
    if scalar:
        scalar_value = (in1 if reversed_operands else in2).reshape(-1)[0]
        s.cmd0(enc.IFM2_SCALAR, int(scalar_value) & 0xFFFF)
        s.cmd0(enc.IFM2_BROADCAST, 0x80 | 0x7)
    else:
        small = ifm2_fm.shape
        bh = int(small[0] == 1 and shape[0] > 1)
        bw = int(small[1] == 1 and shape[1] > 1)
        bc = int(small[2] == 1 and shape[2] > 1)
        s.cmd0(enc.IFM2_BROADCAST, bh | (bw << 1) | (bc << 2) | (int(reversed_operands) << 6))
    enc.emit_activation(s, lo, hi, function=16 + 2 if lut else 0)
    s.cmd0(enc.OP_ELEMENTWISE, ew_mode)
    c.expected_writes.append((ofm_fm, expected))
    c.write(out_dir)


def unary_case(out_dir, name, seed, shape, op, alpha=0.2):
    """ABS (elementwise.cc AbsEval) and LEAKY_RELU (reference_ops::QuantizeLeakyRelu, with equal
    input and output scales so the identity branch is exact, as Vela requires for the NPU op)."""
    c = Case(name, seed)
    x = c.random("int8", shape)
    zi, zo = (int(c.rng.integers(-128, 128)) for _ in range(2))
    s_in = float(np.float32(c.rng.uniform(0.01, 0.2)))
    if op == "abs":
        s_out = float(np.float32(c.rng.uniform(0.01, 0.2)))
        m, sh = ref.quantize_multiplier(s_in / s_out)
        expected = np.clip(ref.multiply_by_quantized_multiplier(np.abs(x - zi), m, sh) + zo,
                           -128, 127)
        mode = 6
    else:
        m, sh = ref.quantize_multiplier(alpha * s_in / s_in)
        v = x - zi
        neg = ref.multiply_by_quantized_multiplier(v, m, sh)
        expected = np.clip(np.where(v >= 0, v, neg) + zo, -128, 127)
        mode = 5
    ifm = enc.FeatureMap(1, c.r1, shape, "int8", "NHWC", zi)
    ifm.store(x)
    ofm = enc.FeatureMap(1, c.r1, shape, "int8", "NHWC", zo)
    s = c.stream
    enc.emit_ifm(s, ifm)
    enc.emit_ofm(s, ofm, global_scale=True)
    s.cmd1(enc.OFM_SCALE, m, 31 - sh)
    enc.emit_activation(s, -128, 127)
    s.cmd0(enc.OP_ELEMENTWISE, mode)
    c.expected_writes.append((ofm, expected))
    c.write(out_dir)


def int32_case(out_dir, name, seed, shape, op):
    """32-bit SHR (rounded half up with the NATURAL round mode), SHL and CLZ as Vela's softmax
    decomposition uses them (regor softmax.cpp: ASR with round=true, SHL by headroom, CLZ)."""
    c = Case(name, seed)
    a = c.rng.integers(-(1 << 31), 1 << 31, size=shape, dtype=np.int64)
    if op == "shr":
        b = c.rng.integers(0, 32, size=shape, dtype=np.int64)
        rounding = np.where(b > 0, np.left_shift(np.int64(1), np.maximum(b - 1, 0)), 0)
        expected = (a + rounding) >> b
        mode = 8
    elif op == "shl":
        b = c.rng.integers(0, 31, size=shape, dtype=np.int64)
        a = a >> (32 - (31 - b).clip(1, 31))  # keep a << b within int32
        expected = a << b
        mode = 9
    else:
        b = None
        a[0, 0, :4] = [0, -1, 1, 0x40000000]
        u = a & 0xFFFFFFFF
        expected = np.array([32 - int(v).bit_length() for v in u.reshape(-1)]).reshape(shape)
        mode = 7
    ifm = enc.FeatureMap(1, c.r1, shape, "int32", "NHWC", 0)
    ifm.store(a)
    ofm = enc.FeatureMap(1, c.r1, shape, "int32", "NHWC", 0)
    s = c.stream
    enc.emit_ifm(s, ifm)
    if b is not None:
        ifm2 = enc.FeatureMap(1, c.r1, shape, "int32", "NHWC", 0)
        ifm2.store(b)
        enc.emit_ifm(s, ifm2, second=True)
        s.cmd0(enc.IFM2_BROADCAST, 0)
    enc.emit_ofm(s, ofm, global_scale=True, round_mode=2 if op == "shr" else 0)
    s.cmd1(enc.OFM_SCALE, 1, 0)
    enc.emit_activation(s, -32768, 32767)  # not applied to 32-bit results
    s.cmd0(enc.OP_ELEMENTWISE, mode)
    c.expected_writes.append((ofm, expected))
    c.write(out_dir)


def reduce_sum_case(out_dir, name, seed, ifm_shape):
    """POOL REDUCE_SUM with a 1x1 kernel: per position, the sum over the IFM channels (zero point
    removed) into one 32-bit OFM channel, as Vela's softmax sums exponentials across channels."""
    c = Case(name, seed)
    ifm = c.random("int8", ifm_shape)
    zp = int(c.rng.integers(-128, 128))
    expected = (ifm - zp).sum(axis=2, keepdims=True)
    ifm_fm = enc.FeatureMap(1, c.r1, ifm_shape, "int8", "NHWC", zp)
    ifm_fm.store(ifm)
    ofm_fm = enc.FeatureMap(1, c.r1, (ifm_shape[0], ifm_shape[1], 1), "int32", "NHWC", 0)
    s = c.stream
    enc.emit_ifm(s, ifm_fm)
    s.cmd0(enc.IFM_UPSCALE, 0)
    enc.emit_ofm(s, ofm_fm, global_scale=True)
    enc.emit_kernel(s, 1, 1, (1, 1), (1, 1), (0, 0, 0, 0))
    s.cmd1(enc.OFM_SCALE, 1, 0)
    enc.emit_activation(s, -32768, 32767)  # not applied to 32-bit results
    s.cmd0(enc.OP_POOL, 2)
    c.expected_writes.append((ofm_fm, expected))
    c.write(out_dir)


def dma_case(out_dir, name, seed, length):
    """NPU_OP_DMA_START between two external regions (region 0 to region 1, as Vela prefetches
    weights into fast scratch) followed by NPU_OP_DMA_WAIT."""
    c = Case(name, seed)
    data = c.rng.integers(0, 256, size=(1, 1, length), dtype=np.int64)
    src = c.r0.alloc(length)
    c.r0.put(src, data.astype(np.uint8).tobytes())
    dst_fm = enc.FeatureMap(1, c.r1, (1, 1, length), "uint8", "NHWC", 0)
    s = c.stream
    s.cmd0(enc.DMA0_SRC_REGION, 0)
    s.cmd1(enc.DMA0_SRC, src)
    s.cmd0(enc.DMA0_DST_REGION, 1)
    s.cmd1(enc.DMA0_DST, dst_fm.bases[0])
    s.cmd1(enc.DMA0_LEN, length)
    s.cmd0(enc.OP_DMA_START)
    s.cmd0(enc.OP_DMA_WAIT, 0)
    c.expected_writes.append((dst_fm, data))
    c.write(out_dir)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "tests", "npu", "data")
    out_dir = os.path.abspath(out_dir)
    if os.path.isdir(out_dir):
        for entry in os.listdir(out_dir):
            path = os.path.join(out_dir, entry)
            # Only this generator's cases (they hold case.txt): the pipeline's bundles
            # (tinyrps/, sine_mlp/) live in the same folder.
            if os.path.isfile(os.path.join(path, "case.txt")):
                shutil.rmtree(path)
    os.makedirs(out_dir, exist_ok=True)

    # Convolutions: padding/stride/dilation, traversal orders, layouts, tiles, uint8.
    conv_case(out_dir, "conv3x3_same_nhwc", 1, (5, 6, 3), 4, (3, 3), pad_tl=(1, 1))
    conv_case(out_dir, "conv3x3_stride2_asym_partkernel", 2, (7, 8, 5), 6, (3, 3), stride=(2, 2),
              pad_tl=(0, 1), traversal="part")
    conv_case(out_dir, "conv3x3_dilation2", 3, (9, 9, 4), 8, (3, 3), dilation=(2, 2),
              pad_tl=(2, 2))
    conv_case(out_dir, "conv_nhcwb16_depth40", 4, (4, 5, 40), 20, (2, 2), pad_tl=(0, 0),
              fmt_in="NHCWB16", fmt_out="NHCWB16", blk=16)
    conv_case(out_dir, "conv_tiles_and_row_padding", 5, (6, 7, 3), 5, (3, 3), pad_tl=(1, 1),
              tiles_in=(4, 3, 2), tiles_out=(3, 2, 4))
    conv_case(out_dir, "conv_out_row_padding_blk8", 6, (4, 4, 9), 19, (1, 1), row_padding=12,
              blk=8)
    conv_case(out_dir, "fully_connected_64x10", 7, (1, 1, 64), 10, (1, 1))
    conv_case(out_dir, "conv_kernel9x9_decomposition", 8, (10, 10, 2), 3, (9, 9), pad_tl=(4, 4))
    conv_case(out_dir, "conv_uint8_weight_zero_point", 9, (5, 5, 3), 4, (3, 3), pad_tl=(1, 1),
              dtype="uint8")
    conv_case(out_dir, "conv_scales_above_one_and_relu", 10, (4, 4, 6), 9, (1, 1),
              big_scales=True, act=(-20, 90))
    conv_case(out_dir, "conv_int16", 11, (4, 5, 3), 4, (3, 3), pad_tl=(1, 1), dtype="int16")
    conv_case(out_dir, "conv_stride3", 12, (10, 11, 3), 4, (3, 3), stride=(3, 3), pad_tl=(1, 0))
    conv_case(out_dir, "conv3x3_zero_upscale", 13, (3, 4, 4), 5, (3, 3), pad_tl=(1, 1),
              zero_upscale=True)
    conv_case(out_dir, "conv3x3_u55_32", 14, (5, 5, 12), 10, (3, 3), pad_tl=(1, 1), blk=8,
              macs=32)
    conv_case(out_dir, "conv_partkernel_u55_256", 15, (6, 6, 5), 12, (3, 3), pad_tl=(1, 1),
              traversal="part", macs=256)
    # Depthwise.
    conv_case(out_dir, "depthwise3x3_same", 20, (6, 6, 10), 0, (3, 3), pad_tl=(1, 1),
              depthwise=True, blk=8)
    conv_case(out_dir, "depthwise3x3_stride2_nhcwb16", 21, (9, 8, 20), 0, (3, 3), stride=(2, 2),
              pad_tl=(0, 0), depthwise=True, fmt_in="NHCWB16", fmt_out="NHCWB16", blk=16)
    conv_case(out_dir, "depthwise5x5_dilation2", 22, (9, 9, 8), 0, (5, 5), dilation=(2, 2),
              pad_tl=(4, 4), depthwise=True, blk=8)
    conv_case(out_dir, "depthwise3x3_u55_32", 23, (5, 5, 10), 0, (3, 3), pad_tl=(1, 1),
              depthwise=True, blk=8, macs=32)
    # Pooling.
    pool_case(out_dir, "maxpool3x3_stride2_pad", 30, (7, 7, 5), (3, 3), (2, 2), (1, 1), (4, 4),
              "max")
    pool_case(out_dir, "avgpool2x2_nopad", 31, (6, 8, 7), (2, 2), (2, 2), (0, 0), (3, 4), "avg")
    pool_case(out_dir, "avgpool3x3_global", 32, (3, 3, 33), (3, 3), (1, 1), (0, 0), (1, 1), "avg")
    pool_case(out_dir, "avgpool3x3_same_padding", 33, (5, 5, 4), (3, 3), (1, 1), (1, 1), (5, 5),
              "avg", act=(-100, 100))
    pool_case(out_dir, "resize_nearest2x_maxpool1x1", 34, (3, 4, 5), (1, 1), (1, 1), (0, 0),
              (6, 8), "max", nearest_upscale=True)
    pool_case(out_dir, "avgpool2x2_on_nearest_upscale", 35, (3, 3, 6), (2, 2), (1, 1), (0, 0),
              (5, 5), "avg", nearest_upscale=True)
    # Elementwise.
    elementwise_case(out_dir, "add_different_scales", 40, (3, 4, 5), "add")
    elementwise_case(out_dir, "add_equal_scales", 41, (3, 4, 5), "add", equal_scales=True)
    elementwise_case(out_dir, "add_broadcast_c_reversed", 42, (3, 4, 6), "add",
                     ifm2_shape=(3, 4, 1), reversed_operands=True)
    elementwise_case(out_dir, "mul_scalar_reversed", 55, (2, 5, 3), "mul", scalar=True,
                     reversed_operands=True)
    elementwise_case(out_dir, "sub_broadcast_hw", 43, (3, 4, 6), "sub", ifm2_shape=(1, 1, 6))
    elementwise_case(out_dir, "sub_nhcwb16_ifm2_scaled", 44, (2, 3, 20), "sub",
                     scales=(0.2, 0.03, 0.1), fmt="NHCWB16")
    elementwise_case(out_dir, "mul_scalar", 45, (3, 4, 5), "mul", scalar=True)
    elementwise_case(out_dir, "mul_ties_half", 46, (4, 4, 8), "mul", scales=(1.0, 0.5, 1.0))
    elementwise_case(out_dir, "mul_ties_quarter", 47, (4, 4, 8), "mul", scales=(0.5, 0.5, 1.0))
    elementwise_case(out_dir, "mul_saturating", 48, (4, 4, 8), "mul", scales=(0.5, 0.5, 0.01))
    elementwise_case(out_dir, "max_broadcast", 49, (3, 4, 5), "max", ifm2_shape=(3, 4, 1))
    elementwise_case(out_dir, "min", 50, (3, 4, 5), "min")
    elementwise_case(out_dir, "add_int16", 51, (3, 4, 5), "add", dtype="int16")
    elementwise_case(out_dir, "sub_int16_broadcast_reversed", 52, (2, 3, 4), "sub",
                     dtype="int16", ifm2_shape=(1, 1, 4), reversed_operands=True)
    elementwise_case(out_dir, "add_then_lut", 53, (3, 4, 5), "add", lut=True)
    elementwise_case(out_dir, "max_then_lut", 54, (2, 2, 16), "max", lut=True)
    unary_case(out_dir, "abs", 60, (3, 4, 5), "abs")
    unary_case(out_dir, "leaky_relu", 61, (3, 4, 5), "lrelu")
    int32_case(out_dir, "shr_int32_natural", 62, (2, 3, 8), "shr")
    int32_case(out_dir, "shl_int32", 63, (2, 3, 8), "shl")
    int32_case(out_dir, "clz_int32", 64, (2, 3, 8), "clz")
    # Reduction and memory-to-memory DMA.
    reduce_sum_case(out_dir, "reduce_sum_channels", 70, (3, 4, 24))
    dma_case(out_dir, "dma_region0_to_region1", 71, 200)


if __name__ == "__main__":
    main()
