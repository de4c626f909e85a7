// Cross-check of the soft-float arithmetic against the host's IEEE 754 arithmetic, where the two
// must agree: round to nearest even, no flushing, results that are not NaN (the host's NaN
// selection is not Arm's). Host float and double operations (+, -, *, /, sqrt, fma, conversion)
// are correctly rounded on every IEEE 754 host (x86-64 SSE, AArch64), so any difference in the
// result bits is a soft-float bug. The operands are pseudo-random with a fixed seed, biased towards
// subnormals, values near 1 and values near the overflow threshold. The hand-derived edge cases
// are in fp_softfloat_test.cpp.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <random>

#include "cpu/exec/softfloat.h"

namespace minifvp::cpu::fp {
namespace {

class OperandSource {
 public:
  uint32_t single() {
    const uint32_t bits = static_cast<uint32_t>(rng_());
    switch (rng_() % 4) {
      case 0:
        return bits & 0x807fffffu;  // subnormal
      case 1:
        return (bits & 0x807fffffu) | ((124u + rng_() % 6) << 23);  // near 1
      case 2:
        return (bits & 0x807fffffu) | ((240u + rng_() % 14) << 23);  // huge
      default:
        return bits;
    }
  }
  uint64_t dbl() {
    const uint64_t bits = rng_();
    switch (rng_() % 4) {
      case 0:
        return bits & 0x800fffffffffffffu;
      case 1:
        return (bits & 0x800fffffffffffffu) | ((1020u + rng_() % 6) << 52);
      case 2:
        return (bits & 0x800fffffffffffffu) | ((2030u + rng_() % 16) << 52);
      default:
        return bits;
    }
  }

 private:
  std::mt19937_64 rng_{20261121};
};

constexpr int kIterations = 20000;

TEST(SoftFloatHost, SinglePrecisionMatchesHostRoundToNearest) {
  OperandSource src;
  for (int i = 0; i < kIterations; ++i) {
    const uint32_t a = src.single(), b = src.single(), c = src.single();
    const float fa = std::bit_cast<float>(a), fb = std::bit_cast<float>(b),
                fc = std::bit_cast<float>(c);
    FpEnv env;
    const float expected[] = {fa + fb, fa - fb,       fa * fb,
                              fa / fb, std::sqrt(fa), std::fma(fb, fc, fa)};
    const uint64_t actual[] = {add(Format::F32, a, b, env), sub(Format::F32, a, b, env),
                               mul(Format::F32, a, b, env), div(Format::F32, a, b, env),
                               sqrt(Format::F32, a, env),   mul_add(Format::F32, a, b, c, env)};
    for (int op = 0; op < 6; ++op) {
      if (std::isnan(expected[op])) {
        EXPECT_TRUE(is_nan(Format::F32, actual[op])) << "op " << op << " " << a << " " << b;
        continue;
      }
      ASSERT_EQ(actual[op], std::bit_cast<uint32_t>(expected[op]))
          << "op " << op << std::hex << " a=" << a << " b=" << b << " c=" << c;
    }
  }
}

TEST(SoftFloatHost, DoublePrecisionMatchesHostRoundToNearest) {
  OperandSource src;
  for (int i = 0; i < kIterations; ++i) {
    const uint64_t a = src.dbl(), b = src.dbl(), c = src.dbl();
    const double da = std::bit_cast<double>(a), db = std::bit_cast<double>(b),
                 dc = std::bit_cast<double>(c);
    FpEnv env;
    const double expected[] = {da + db, da - db,       da * db,
                               da / db, std::sqrt(da), std::fma(db, dc, da)};
    const uint64_t actual[] = {add(Format::F64, a, b, env), sub(Format::F64, a, b, env),
                               mul(Format::F64, a, b, env), div(Format::F64, a, b, env),
                               sqrt(Format::F64, a, env),   mul_add(Format::F64, a, b, c, env)};
    for (int op = 0; op < 6; ++op) {
      if (std::isnan(expected[op])) {
        EXPECT_TRUE(is_nan(Format::F64, actual[op])) << "op " << op;
        continue;
      }
      ASSERT_EQ(actual[op], std::bit_cast<uint64_t>(expected[op]))
          << "op " << op << std::hex << " a=" << a << " b=" << b << " c=" << c;
    }
    // Double to single conversion.
    const float narrowed = static_cast<float>(da);
    if (!std::isnan(narrowed)) {
      ASSERT_EQ(convert(Format::F32, Format::F64, a, env), std::bit_cast<uint32_t>(narrowed))
          << std::hex << a;
    }
  }
}

}  // namespace
}  // namespace minifvp::cpu::fp
