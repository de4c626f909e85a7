// The output-scaling rounding rules against a transcription of TensorFlow Lite's functions.
#include "npu/scaling.h"

#include <gtest/gtest.h>

#include <random>

namespace minifvp::test {
namespace {

using npu::RoundMode;

TEST(Scaling, DblEqualsTfliteMultiplyByQuantizedMultiplier) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int32_t> mult(1 << 30, INT32_MAX);
  std::uniform_int_distribution<int> shift(-31, 6);
  for (int i = 0; i < 200000; ++i) {
    const int s = shift(rng);
    // Keep x << left within int32 as TFLite requires.
    const int32_t limit = s > 0 ? (INT32_MAX >> s) : INT32_MAX;
    const int32_t x = std::uniform_int_distribution<int32_t>(-limit, limit)(rng);
    const int32_t m = mult(rng);
    const int64_t ours =
        npu::rescale(x, static_cast<uint32_t>(m), static_cast<unsigned>(31 - s), RoundMode::Dbl);
    ASSERT_EQ(ours, npu::tflite_multiply_by_quantized_multiplier(x, m, s))
        << "x=" << x << " m=" << m << " shift=" << s;
  }
}

TEST(Scaling, DblTiesFollowTflite) {
  // Exact halves at both rounding points: SRDHM rounds half up, RDBPOT half away from zero.
  const int32_t m = 1 << 30;  // 0.5
  for (int32_t x : {-7, -5, -3, -1, 1, 3, 5, 7, -6, 6, -2, 2}) {
    for (int s : {0, -1, -2, -3}) {
      EXPECT_EQ(npu::rescale(x, m, static_cast<unsigned>(31 - s), RoundMode::Dbl),
                npu::tflite_multiply_by_quantized_multiplier(x, m, s))
          << x << " " << s;
    }
  }
}

TEST(Scaling, NaturalRoundsHalfUp) {
  EXPECT_EQ(npu::rescale(5, 1, 1, RoundMode::Natural), 3);    // 2.5 -> 3
  EXPECT_EQ(npu::rescale(-5, 1, 1, RoundMode::Natural), -2);  // -2.5 -> -2
  EXPECT_EQ(npu::rescale(-7, 1, 2, RoundMode::Natural), -2);  // -1.75 -> -2
  EXPECT_EQ(npu::shift_right_rounded(4095, 12, RoundMode::Natural), 1);
  EXPECT_EQ(npu::shift_right_rounded(2047, 12, RoundMode::Natural), 0);
}

TEST(Scaling, TruncateRoundsTowardZero) {
  EXPECT_EQ(npu::rescale(7, 1, 1, RoundMode::Truncate), 3);
  EXPECT_EQ(npu::rescale(-7, 1, 1, RoundMode::Truncate), -3);
  EXPECT_EQ(npu::rescale(-8, 1, 2, RoundMode::Truncate), -2);
}

TEST(Scaling, UnsignedScalesAbove2To31AreHonoured) {
  // Vela's average-pool scale for a 3x3 kernel: ((1<<35) + 16) / 9 with shift 35 (> 2^31).
  const uint32_t scale = 3817748709u;
  for (int64_t sum = -9 * 128; sum <= 9 * 127; ++sum) {
    const int64_t tflite = sum > 0 ? (sum + 4) / 9 : (sum - 4) / 9;
    EXPECT_EQ(npu::rescale(sum, scale, 35, RoundMode::Dbl), tflite) << sum;
  }
}

TEST(Scaling, DoubleRoundPositionMovesTheFirstRounding) {
  // TFLite int8 ADD: SRDHM(x << 20, m) then RDBPOT(-shift); the NPU sees scale m with the shift
  // reduced by 20 and a double-round position of 20.
  std::mt19937 rng(7);
  for (int i = 0; i < 50000; ++i) {
    const int32_t x = std::uniform_int_distribution<int32_t>(-510, 510)(rng);
    const int32_t m = std::uniform_int_distribution<int32_t>(1 << 30, INT32_MAX)(rng);
    const int s = std::uniform_int_distribution<int>(-12, -1)(rng);
    const int32_t tflite = npu::tflite_multiply_by_quantized_multiplier(x * (1 << 20), m, s);
    const int64_t ours = npu::rescale(x, static_cast<uint32_t>(m),
                                      static_cast<unsigned>(31 - s - 20), RoundMode::Dbl, 20);
    ASSERT_EQ(ours, tflite) << x << " " << m << " " << s;
  }
}

}  // namespace
}  // namespace minifvp::test
