"""Independent numpy transcription of the TensorFlow Lite int8/uint8/int16 reference kernels the
NPU model must match (tensorflow/lite/kernels/internal/reference/integer_ops/*.h and common.h).

Only integer arithmetic is used for the kernels themselves; the float -> (multiplier, shift)
conversion follows TFLite's QuantizeMultiplier.
"""
import math

import numpy as np

INT32_MIN = -(1 << 31)
INT32_MAX = (1 << 31) - 1


def quantize_multiplier(real):
    """TFLite QuantizeMultiplier: real = m * 2^(shift - 31), m in [2^30, 2^31)."""
    if real == 0.0:
        return 0, 0
    sig, exp = math.frexp(real)
    q = int(round_half_away(sig * (1 << 31)))
    if q == (1 << 31):
        q //= 2
        exp += 1
    if exp < -31:
        return 0, 0
    return q, exp


def round_half_away(x):
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def _trunc_div(num, den):
    return np.where(num >= 0, num // den, -((-num) // den))


def saturating_rounding_doubling_high_mul(a, b):
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    ab = a * b
    nudge = np.where(ab >= 0, 1 << 30, 1 - (1 << 30))
    high = _trunc_div(ab + nudge, 1 << 31)
    overflow = (a == b) & (a == INT32_MIN)
    return np.where(overflow, INT32_MAX, high)


def rounding_divide_by_pot(x, exponent):
    x = np.asarray(x, dtype=np.int64)
    exponent = np.asarray(exponent, dtype=np.int64)
    mask = (np.int64(1) << exponent) - 1
    remainder = x & mask
    threshold = (mask >> 1) + (x < 0)
    return (x >> exponent) + (remainder > threshold)


def multiply_by_quantized_multiplier(x, multiplier, shift):
    """MultiplyByQuantizedMultiplier with TFLite's shift (positive = left)."""
    x = np.asarray(x, dtype=np.int64)
    multiplier = np.asarray(multiplier, dtype=np.int64)
    shift = np.asarray(shift, dtype=np.int64)
    left = np.maximum(shift, 0)
    right = np.maximum(-shift, 0)
    shifted = x * (np.int64(1) << left)
    assert np.all((shifted >= INT32_MIN) & (shifted <= INT32_MAX)), "TFLite needs int32 here"
    return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, multiplier), right)


def reduce_multiplier_int16(multiplier, shift):
    """The 16x8 kernels' reduced multiplier and total right shift (MultiplyByQuantizedMultiplier
    for an int64 input in common.h): single rounding, half up."""
    reduced = (multiplier + (1 << 15)) >> 16 if multiplier < 0x7FFF0000 else 0x7FFF
    return reduced, 15 - shift


def multiply_by_quantized_multiplier_int64(x, reduced, total_shift):
    x = np.asarray(x, dtype=np.int64)
    return (x * reduced + (np.int64(1) << (total_shift - 1))) >> total_shift


def conv2d_out(inp, weights, bias, in_zp, out_zp, mults, shifts, stride, dilation, pad, out_hw,
               act_min, act_max, w_zp=0, depthwise=False, int16=False):
    """ConvPerChannel / DepthwiseConvPerChannel (depth multiplier 1) and the uint8 Conv: inp HWC,
    weights OHWI (depthwise: C,H,W,1), pad = (top, left), out_hw the output height and width."""
    ih, iw, ic = inp.shape
    oh, ow = out_hw
    oc = weights.shape[0]
    kh, kw = weights.shape[1], weights.shape[2]
    x = inp.astype(np.int64) - in_zp
    w = weights.astype(np.int64) - w_zp
    acc = np.zeros((oh, ow, oc), dtype=np.int64)
    for oy in range(oh):
        for ox in range(ow):
            for ky in range(kh):
                iy = oy * stride[0] - pad[0] + ky * dilation[0]
                if iy < 0 or iy >= ih:
                    continue
                for kx in range(kw):
                    ix = ox * stride[1] - pad[1] + kx * dilation[1]
                    if ix < 0 or ix >= iw:
                        continue
                    if depthwise:
                        acc[oy, ox, :] += w[:, ky, kx, 0] * x[iy, ix, :]
                    else:
                        acc[oy, ox, :] += w[:, ky, kx, :] @ x[iy, ix, :]
    acc += np.asarray(bias, dtype=np.int64)
    out = np.empty_like(acc)
    for c in range(oc):
        if int16:
            reduced, total = reduce_multiplier_int16(mults[c], shifts[c])
            out[:, :, c] = multiply_by_quantized_multiplier_int64(acc[:, :, c], reduced, total)
        else:
            out[:, :, c] = multiply_by_quantized_multiplier(acc[:, :, c], mults[c], shifts[c])
    out += out_zp
    return np.clip(out, act_min, act_max)


def average_pool(inp, kernel, stride, pad, out_hw, act_min, act_max):
    """reference_integer_ops::AveragePool: raw values, padding excluded, rounded half away."""
    ih, iw, c = inp.shape
    oh, ow = out_hw
    out = np.zeros((oh, ow, c), dtype=np.int64)
    for oy in range(oh):
        for ox in range(ow):
            y0, x0 = oy * stride[0] - pad[0], ox * stride[1] - pad[1]
            ys = range(max(0, y0), min(ih, y0 + kernel[0]))
            xs = range(max(0, x0), min(iw, x0 + kernel[1]))
            window = inp[ys.start:ys.stop, xs.start:xs.stop, :].astype(np.int64)
            count = window.shape[0] * window.shape[1]
            acc = window.sum(axis=(0, 1))
            avg = np.where(acc > 0, (acc + count // 2) // count, -((-acc + count // 2) // count))
            out[oy, ox, :] = avg
    return np.clip(out, act_min, act_max)


def max_pool(inp, kernel, stride, pad, out_hw, act_min, act_max):
    ih, iw, c = inp.shape
    oh, ow = out_hw
    out = np.zeros((oh, ow, c), dtype=np.int64)
    for oy in range(oh):
        for ox in range(ow):
            y0, x0 = oy * stride[0] - pad[0], ox * stride[1] - pad[1]
            ys = slice(max(0, y0), min(ih, y0 + kernel[0]))
            xs = slice(max(0, x0), min(iw, x0 + kernel[1]))
            out[oy, ox, :] = inp[ys, xs, :].astype(np.int64).max(axis=(0, 1))
    return np.clip(out, act_min, act_max)


def add_sub(a, b, s1, z1, s2, z2, so, zo, act_min, act_max, left_shift, subtract=False):
    """reference_integer_ops::Add / Sub general path (left shift 20 for 8-bit, 15 for int16)."""
    twice_max = 2 * max(float(s1), float(s2))
    m1, sh1 = quantize_multiplier(float(s1) / twice_max)
    m2, sh2 = quantize_multiplier(float(s2) / twice_max)
    mo, sho = quantize_multiplier(twice_max / ((1 << left_shift) * float(so)))
    x1 = (a.astype(np.int64) - z1) * (1 << left_shift)
    x2 = (b.astype(np.int64) - z2) * (1 << left_shift)
    v1 = multiply_by_quantized_multiplier(x1, m1, sh1)
    v2 = multiply_by_quantized_multiplier(x2, m2, sh2)
    raw = v1 - v2 if subtract else v1 + v2
    out = multiply_by_quantized_multiplier(raw, mo, sho) + zo
    return np.clip(out, act_min, act_max), (m1, sh1), (m2, sh2), (mo, sho)


def mul(a, b, s1, z1, s2, z2, so, zo, act_min, act_max):
    m, sh = quantize_multiplier(float(s1) * float(s2) / float(so))
    p = (a.astype(np.int64) - z1) * (b.astype(np.int64) - z2)
    out = multiply_by_quantized_multiplier(p, m, sh) + zo
    return np.clip(out, act_min, act_max), (m, sh)
