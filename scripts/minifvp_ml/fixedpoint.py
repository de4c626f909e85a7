"""Fixed-point primitives of TFLite's reference int8 kernels, vectorised with numpy int64.

TFLite requantises an int32 accumulator with MultiplyByQuantizedMultiplier (TFLite
kernels/internal/common.h), built on gemmlowp's SaturatingRoundingDoublingHighMul and
RoundingDivideByPOT: the "double rounding" rule, used when TFLITE_SINGLE_ROUNDING is not defined
(the default). Ethos-U's OFM rounding mode DBL (OFM_PRECISION round_mode 0, the only mode Vela emits
for int8 convolutions) is documented by Vela as bit-exact against these kernels (ethos-u.md §4.1),
so the same functions define both our golden model and what the NPU must produce.

Scale convention: a real multiplier m is stored as (M, shift) with m ~= M * 2^(shift - 31),
0.5 <= M / 2^31 < 1 (TFLite QuantizeMultiplier). The Ethos-U scale/bias entry stores the same M
with the right-shift count 31 - shift (Vela scaling.quantise_scale).
"""

from __future__ import annotations

import math

import numpy as np

INT32_MIN = -(1 << 31)
INT32_MAX = (1 << 31) - 1


def quantize_multiplier(real: float) -> tuple[int, int]:
    """Returns (M, shift) for a positive real multiplier, as TFLite's QuantizeMultiplier:
    frexp, round half away from zero of the significand times 2^31, renormalise if it rounds up to
    2^31, and flush multipliers too small to represent (shift < -31) to zero."""
    if real == 0.0:
        return 0, 0
    if real < 0:
        raise ValueError(f"negative multiplier {real}")
    significand, shift = math.frexp(real)
    q = int(math.floor(abs(significand) * (1 << 31) + 0.5))
    if q == (1 << 31):
        q //= 2
        shift += 1
    if shift < -31:
        return 0, 0
    if shift > 30:
        raise ValueError(f"multiplier {real} too large for int32 fixed point")
    return q, shift


def saturating_rounding_doubling_high_mul(a, b):
    """gemmlowp SaturatingRoundingDoublingHighMul on int32 values held in int64 arrays:
    (a*b + nudge) / 2^31 with truncating division, nudge = 2^30 (or 1 - 2^30 for a negative
    product); the single overflow case a == b == INT32_MIN saturates to INT32_MAX."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    ab = a * b
    nudge = np.where(ab >= 0, np.int64(1 << 30), np.int64(1 - (1 << 30)))
    total = ab + nudge
    result = np.sign(total) * (np.abs(total) >> 31)
    overflow = (a == INT32_MIN) & (b == INT32_MIN)
    return np.where(overflow, np.int64(INT32_MAX), result)


def rounding_divide_by_pot(x, exponent):
    """gemmlowp RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties away from zero."""
    x = np.asarray(x, dtype=np.int64)
    exponent = np.asarray(exponent, dtype=np.int64)
    mask = (np.int64(1) << exponent) - 1
    remainder = x & mask
    threshold = (mask >> 1) + (x < 0).astype(np.int64)
    return (x >> exponent) + (remainder > threshold).astype(np.int64)


def multiply_by_quantized_multiplier(x, multiplier, shift):
    """TFLite MultiplyByQuantizedMultiplier (double rounding). x, multiplier and shift broadcast.
    A positive shift is a left shift applied before the high multiply; the int32 product of that
    left shift saturates here, where TFLite would overflow (never reached by our models)."""
    x = np.asarray(x, dtype=np.int64)
    shift = np.asarray(shift, dtype=np.int64)
    left = np.maximum(shift, 0)
    right = np.maximum(-shift, 0)
    shifted = np.clip(x * (np.int64(1) << left), INT32_MIN, INT32_MAX)
    return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, multiplier), right)


def npu_scale_entry(multiplier: int, shift: int) -> tuple[int, int]:
    """(M, TFLite shift) -> (scale, right shift) as the Ethos-U scale/bias entry holds them."""
    npu_shift = 31 - shift
    if not 0 <= npu_shift < 64:
        raise ValueError(f"shift {shift} outside the Ethos-U 6-bit shift range")
    return multiplier, npu_shift
