// TFLite's int8 requantisation (kernels/internal/common.h MultiplyByQuantizedMultiplier, the
// default "double rounding" form) built on gemmlowp's SaturatingRoundingDoublingHighMul and
// RoundingDivideByPOT. The numpy golden model (scripts/minifvp_ml/fixedpoint.py) and Ethos-U's DBL
// rounding mode use the same rule, so the C kernels match them bit for bit.
#ifndef MINIFVP_RPS_REQUANTIZE_H
#define MINIFVP_RPS_REQUANTIZE_H

#include <stdint.h>

// (a * b + 2^30, or + 1 - 2^30 for a negative product) / 2^31 truncated toward zero; saturates the
// single overflow case a == b == INT32_MIN.
static inline int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  int64_t product = (int64_t)a * (int64_t)b;
  int64_t nudge = product >= 0 ? (1ll << 30) : (1ll - (1ll << 30));
  return (int32_t)((product + nudge) / (1ll << 31));
}

// x / 2^exponent rounded to nearest, ties away from zero (exponent in 0..31).
static inline int32_t rounding_divide_by_pot(int32_t x, int exponent) {
  int32_t mask = (int32_t)((1ll << exponent) - 1);
  int32_t remainder = x & mask;
  int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

// shift > 0 is a left shift before the high multiply (saturated to int32 like the golden model),
// shift < 0 a rounding right shift after it.
static inline int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
  int left = shift > 0 ? shift : 0;
  int right = shift > 0 ? 0 : -shift;
  int64_t shifted = (int64_t)x * ((int64_t)1 << left);
  if (shifted > INT32_MAX) shifted = INT32_MAX;
  if (shifted < INT32_MIN) shifted = INT32_MIN;
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul((int32_t)shifted, multiplier),
                                right);
}

static inline int8_t clamp_int8(int32_t value, int32_t low, int32_t high) {
  return (int8_t)(value < low ? low : (value > high ? high : value));
}

#endif
