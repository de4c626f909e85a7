#include "npu/scaling.h"

#include <algorithm>
#include <limits>

namespace minifvp::npu {
namespace {

// floor(num / 2^shift) for a 128-bit numerator.
__int128 floor_shift(__int128 num, unsigned shift) {
  if (shift >= 127) return num < 0 ? -1 : 0;
  return num >> shift;  // arithmetic shift floors
}

}  // namespace

int64_t saturate(int64_t v, int64_t lo, int64_t hi) {
  return std::clamp(v, lo, hi);
}

int64_t rescale(int64_t value, uint32_t scale, unsigned shift, RoundMode mode,
                unsigned double_round_position) {
  const __int128 product = static_cast<__int128>(value) * scale;
  if (shift == 0) {
    return static_cast<int64_t>(std::clamp<__int128>(product, std::numeric_limits<int64_t>::min(),
                                                     std::numeric_limits<int64_t>::max()));
  }
  __int128 round = 0;
  switch (mode) {
    case RoundMode::Natural:
      round = static_cast<__int128>(1) << (shift - 1);
      break;
    case RoundMode::Truncate:
      round = product >= 0 ? 0 : (static_cast<__int128>(1) << shift) - 1;
      break;
    case RoundMode::Dbl: {
      round = static_cast<__int128>(1) << (shift - 1);
      const unsigned first_point = 31 - std::min(double_round_position, 30u);
      if (shift > first_point) {
        const __int128 d = static_cast<__int128>(1) << (first_point - 1);
        round += value >= 0 ? d : -d;
      }
      break;
    }
  }
  const __int128 result = floor_shift(product + round, shift);
  return static_cast<int64_t>(std::clamp<__int128>(result, std::numeric_limits<int64_t>::min(),
                                                   std::numeric_limits<int64_t>::max()));
}

int64_t shift_right_rounded(int64_t value, unsigned shift, RoundMode mode) {
  return rescale(value, 1, shift, mode);
}

int32_t tflite_saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  const bool overflow = a == b && a == std::numeric_limits<int32_t>::min();
  const int64_t ab = static_cast<int64_t>(a) * b;
  const int32_t nudge = ab >= 0 ? (1 << 30) : (1 - (1 << 30));
  const int32_t high = static_cast<int32_t>((ab + nudge) / (int64_t{1} << 31));
  return overflow ? std::numeric_limits<int32_t>::max() : high;
}

int32_t tflite_rounding_divide_by_pot(int32_t x, int exponent) {
  const int32_t mask = static_cast<int32_t>((int64_t{1} << exponent) - 1);
  const int32_t remainder = x & mask;
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

int32_t tflite_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
  const int left = shift > 0 ? shift : 0;
  const int right = shift > 0 ? 0 : -shift;
  return tflite_rounding_divide_by_pot(
      tflite_saturating_rounding_doubling_high_mul(
          static_cast<int32_t>(static_cast<int64_t>(x) * (int64_t{1} << left)), multiplier),
      right);
}

}  // namespace minifvp::npu
