// The soft-float library (cpu/exec/softfloat.h) against values worked out by hand from IEEE 754
// and the Armv8-M ARM pseudocode: signed zeros, subnormals, flush-to-zero, default NaN, NaN
// selection and quieting, rounding modes at overflow, the cumulative exception flags, fused
// multiply-add, conversions and half precision (with and without FPSCR.AHP).
#include <gtest/gtest.h>

#include "cpu/exec/softfloat.h"

namespace minifvp::cpu::fp {
namespace {

constexpr uint32_t kIOC = fpscr::kIOC, kDZC = fpscr::kDZC, kOFC = fpscr::kOFC, kUFC = fpscr::kUFC,
                   kIXC = fpscr::kIXC, kIDC = fpscr::kIDC;

// Single-precision constants.
constexpr uint32_t kOne = 0x3f800000, kTwo = 0x40000000, kThree = 0x40400000;
constexpr uint32_t kMinusOne = 0xbf800000, kHalf = 0x3f000000;
constexpr uint32_t kPosZero = 0x00000000, kNegZero = 0x80000000;
constexpr uint32_t kPosInf = 0x7f800000, kNegInf = 0xff800000;
constexpr uint32_t kMaxNormal = 0x7f7fffff, kMinNormal = 0x00800000;
constexpr uint32_t kMinSubnormal = 0x00000001;
constexpr uint32_t kDefaultNaN = 0x7fc00000;
constexpr uint32_t kQNaN1 = 0x7fc00001, kQNaN2 = 0xffc00002;
constexpr uint32_t kSNaN1 = 0x7f800011, kSNaN2 = 0xff800022;

FpEnv env_with(Rounding rounding = Rounding::TieEven) {
  FpEnv env;
  env.rounding = rounding;
  return env;
}

TEST(SoftFloat, AddBasicsAndSignedZeros) {
  FpEnv env = env_with();
  EXPECT_EQ(add(Format::F32, kOne, kTwo, env), kThree);
  EXPECT_EQ(env.flags, 0u);
  // x + (-x) is +0 in every mode but round towards minus infinity, where it is -0.
  EXPECT_EQ(add(Format::F32, kOne, kMinusOne, env), kPosZero);
  FpEnv down = env_with(Rounding::NegInf);
  EXPECT_EQ(add(Format::F32, kOne, kMinusOne, down), kNegZero);
  // (-0) + (-0) = -0, (+0) + (-0) = +0 (RN), -0 (RM).
  EXPECT_EQ(add(Format::F32, kNegZero, kNegZero, env), kNegZero);
  EXPECT_EQ(add(Format::F32, kPosZero, kNegZero, env), kPosZero);
  EXPECT_EQ(add(Format::F32, kPosZero, kNegZero, down), kNegZero);
  // 0 - 0 = +0; -0 - +0 = -0.
  EXPECT_EQ(sub(Format::F32, kPosZero, kPosZero, env), kPosZero);
  EXPECT_EQ(sub(Format::F32, kNegZero, kPosZero, env), kNegZero);
  EXPECT_EQ(env.flags, 0u);
}

TEST(SoftFloat, InexactAndTiesToEven) {
  // 1 + 2^-24 is exactly half way between 1 and 1 + 2^-23: ties to even gives 1.
  FpEnv env = env_with();
  EXPECT_EQ(add(Format::F32, kOne, 0x33800000, env), kOne);
  EXPECT_EQ(env.flags, kIXC);
  // (1 + 2^-23) + 2^-24 ties to the even neighbour 1 + 2^-22.
  env.flags = 0;
  EXPECT_EQ(add(Format::F32, 0x3f800001, 0x33800000, env), 0x3f800002u);
  // Round towards plus infinity moves 1 + 2^-24 up, towards zero keeps 1.
  FpEnv up = env_with(Rounding::PosInf);
  EXPECT_EQ(add(Format::F32, kOne, 0x33800000, up), 0x3f800001u);
  FpEnv rz = env_with(Rounding::Zero);
  EXPECT_EQ(add(Format::F32, kOne, 0x33800000, rz), kOne);
  // 1/3 = 0x3eaaaaab in RN (the dropped bits are 0101...: above half), 0x3eaaaaaa towards zero.
  env.flags = 0;
  EXPECT_EQ(div(Format::F32, kOne, kThree, env), 0x3eaaaaabu);
  EXPECT_EQ(env.flags, kIXC);
  EXPECT_EQ(div(Format::F32, kOne, kThree, rz), 0x3eaaaaaau);
}

TEST(SoftFloat, OverflowToInfinityOrMaxNormalByRoundingMode) {
  struct Case {
    Rounding rounding;
    uint32_t positive, negative;
  };
  // MaxNormal * 2 overflows. RN: +/-inf; RP: +inf / -max; RM: +max / -inf; RZ: +/-max.
  const Case cases[] = {{Rounding::TieEven, kPosInf, kNegInf},
                        {Rounding::PosInf, kPosInf, 0xff7fffff},
                        {Rounding::NegInf, kMaxNormal, kNegInf},
                        {Rounding::Zero, kMaxNormal, 0xff7fffff}};
  for (const Case& c : cases) {
    FpEnv env = env_with(c.rounding);
    EXPECT_EQ(mul(Format::F32, kMaxNormal, kTwo, env), c.positive);
    EXPECT_EQ(env.flags, kOFC | kIXC);
    EXPECT_EQ(mul(Format::F32, kMaxNormal | 0x80000000u, kTwo, env), c.negative);
  }
}

TEST(SoftFloat, SubnormalResultsAndUnderflowBeforeRounding) {
  FpEnv env = env_with();
  // MinNormal / 2 is an exact subnormal: no flags (Underflow needs inexactness).
  EXPECT_EQ(div(Format::F32, kMinNormal, kTwo, env), 0x00400000u);
  EXPECT_EQ(env.flags, 0u);
  // MinSubnormal / 2 is exactly half of the smallest subnormal: ties to even gives +0, inexact
  // and tiny, so Underflow and Inexact.
  EXPECT_EQ(div(Format::F32, kMinSubnormal, kTwo, env), kPosZero);
  EXPECT_EQ(env.flags, kUFC | kIXC);
  // (1 - 2^-24) * MinNormal = 2^-126 - 2^-150 is 0x007fffff and a half subnormal ulp: the tie
  // rounds to the even 0x00800000 = MinNormal. Arm detects tininess before rounding, so
  // Underflow is raised although the rounded result is normal.
  env.flags = 0;
  EXPECT_EQ(mul(Format::F32, 0x3f7fffff, kMinNormal, env), kMinNormal);
  EXPECT_EQ(env.flags, kUFC | kIXC);
  // Subnormal inputs without FZ are used as they are: 2 * MinSubnormal.
  env.flags = 0;
  EXPECT_EQ(add(Format::F32, kMinSubnormal, kMinSubnormal, env), 0x00000002u);
  EXPECT_EQ(env.flags, 0u);
}

TEST(SoftFloat, FlushToZeroInputsAndOutputs) {
  FpEnv env = env_with();
  env.fz = true;
  // A subnormal input is a zero of the same sign and raises Input Denormal.
  EXPECT_EQ(add(Format::F32, 0x80000005u, kNegZero, env), kNegZero);
  EXPECT_EQ(env.flags, kIDC);
  env.flags = 0;
  EXPECT_EQ(add(Format::F32, kOne, 0x00000005u, env), kOne);
  EXPECT_EQ(env.flags, kIDC);
  // A tiny result is flushed to a signed zero with Underflow only (no Inexact), even when it
  // would have rounded up to MinNormal.
  env.flags = 0;
  EXPECT_EQ(div(Format::F32, kMinNormal | 0x80000000u, kTwo, env), kNegZero);
  EXPECT_EQ(env.flags, kUFC);
  env.flags = 0;
  EXPECT_EQ(mul(Format::F32, 0x3f7fffff, kMinNormal, env), kPosZero);
  EXPECT_EQ(env.flags, kUFC);
  // FZ covers double precision too.
  env.flags = 0;
  EXPECT_EQ(add(Format::F64, 1, 0, env), 0u);
  EXPECT_EQ(env.flags, kIDC);
}

TEST(SoftFloat, HalfPrecisionFlushUsesFz16WithoutIdc) {
  FpEnv env = env_with();
  env.fz = true;  // FZ does not apply to half precision
  EXPECT_EQ(add(Format::F16, 0x0001, 0x0001, env), 0x0002u);
  EXPECT_EQ(env.flags, 0u);
  env.fz = false;
  env.fz16 = true;
  EXPECT_EQ(add(Format::F16, 0x0001, 0x3c00, env), 0x3c00u);  // flushed input: no IDC
  EXPECT_EQ(env.flags, 0u);
  // 2^-14 (min normal) / 2 flushed on output: Underflow.
  EXPECT_EQ(div(Format::F16, 0x0400, 0x4000, env), 0x0000u);
  EXPECT_EQ(env.flags, kUFC);
}

TEST(SoftFloat, InvalidOperations) {
  FpEnv env = env_with();
  EXPECT_EQ(add(Format::F32, kPosInf, kNegInf, env), kDefaultNaN);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(sub(Format::F32, kPosInf, kPosInf, env), kDefaultNaN);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(mul(Format::F32, kPosZero, kNegInf, env), kDefaultNaN);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(div(Format::F32, kPosZero, kNegZero, env), kDefaultNaN);
  EXPECT_EQ(div(Format::F32, kPosInf, kNegInf, env), kDefaultNaN);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(sqrt(Format::F32, kMinusOne, env), kDefaultNaN);
  EXPECT_EQ(env.flags, kIOC);
  // sqrt(-0) = -0 without any flag; sqrt(+inf) = +inf.
  env.flags = 0;
  EXPECT_EQ(sqrt(Format::F32, kNegZero, env), kNegZero);
  EXPECT_EQ(sqrt(Format::F32, kPosInf, env), kPosInf);
  EXPECT_EQ(env.flags, 0u);
  // Infinity arithmetic that is valid.
  EXPECT_EQ(add(Format::F32, kPosInf, kPosInf, env), kPosInf);
  EXPECT_EQ(mul(Format::F32, kNegInf, kTwo, env), kNegInf);
  EXPECT_EQ(div(Format::F32, kOne, kNegInf, env), kNegZero);
  EXPECT_EQ(env.flags, 0u);
}

TEST(SoftFloat, DivideByZero) {
  FpEnv env = env_with();
  EXPECT_EQ(div(Format::F32, kMinusOne, kPosZero, env), kNegInf);
  EXPECT_EQ(env.flags, kDZC);
  env.flags = 0;
  EXPECT_EQ(div(Format::F32, kPosInf, kPosZero, env), kPosInf);  // infinity / 0: no DZC
  EXPECT_EQ(env.flags, 0u);
  EXPECT_EQ(div(Format::F64, 0x3ff0000000000000u, 0x8000000000000000u, env), 0xfff0000000000000u);
  EXPECT_EQ(env.flags, kDZC);
}

TEST(SoftFloat, NaNPropagationOrderAndQuieting) {
  FpEnv env = env_with();
  // A quiet NaN operand is returned unchanged; the first one wins.
  EXPECT_EQ(add(Format::F32, kQNaN1, kOne, env), kQNaN1);
  EXPECT_EQ(add(Format::F32, kOne, kQNaN2, env), kQNaN2);
  EXPECT_EQ(add(Format::F32, kQNaN2, kQNaN1, env), kQNaN2);
  EXPECT_EQ(env.flags, 0u);
  // A signalling NaN wins over a quiet one even as the second operand, and is quieted.
  EXPECT_EQ(mul(Format::F32, kQNaN1, kSNaN2, env), 0xffc00022u);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(sub(Format::F32, kSNaN1, kSNaN2, env), 0x7fc00011u);
  EXPECT_EQ(env.flags, kIOC);
  // Subtraction does not change the NaN operand's sign.
  env.flags = 0;
  EXPECT_EQ(sub(Format::F32, kOne, kQNaN1, env), kQNaN1);
  // Default NaN mode replaces any NaN result.
  env.dn = true;
  EXPECT_EQ(add(Format::F32, kQNaN2, kOne, env), kDefaultNaN);
  EXPECT_EQ(sqrt(Format::F32, kSNaN2, env), kDefaultNaN);
  EXPECT_EQ(env.flags, kIOC);
  // Double and half precision payloads.
  FpEnv d = env_with();
  EXPECT_EQ(div(Format::F64, 0x7ff0000000000001u, 0x3ff0000000000000u, d), 0x7ff8000000000001u);
  EXPECT_EQ(d.flags, kIOC);
  EXPECT_EQ(add(Format::F16, 0x3c00, 0xfd01, d), 0xff01u);
  EXPECT_EQ(default_nan(Format::F16), 0x7e00u);
  EXPECT_EQ(default_nan(Format::F64), 0x7ff8000000000000u);
}

TEST(SoftFloat, FusedMultiplyAddRoundsOnce) {
  FpEnv env = env_with();
  // a = 1 + 2^-12, a*a = 1 + 2^-11 + 2^-24. Fused: (1 + 2^-11 + 2^-24) - (1 + 2^-11) = 2^-24
  // exactly. The chained VMLA form rounds a*a to 1 + 2^-11 (tie to even) and gives 0.
  const uint32_t a = 0x3f800800;                                     // 1 + 2^-12
  const uint32_t minus_c = 0xbf801000;                               // -(1 + 2^-11)
  EXPECT_EQ(mul_add(Format::F32, minus_c, a, a, env), 0x33800000u);  // 2^-24
  EXPECT_EQ(env.flags, 0u);
  const uint32_t product = mul(Format::F32, a, a, env);
  EXPECT_EQ(product, 0x3f801000u);
  EXPECT_EQ(add(Format::F32, minus_c, product, env), kPosZero);
  // Exact zero sum: +0, or -0 when rounding towards minus infinity.
  FpEnv down = env_with(Rounding::NegInf);
  EXPECT_EQ(mul_add(Format::F32, kMinusOne, kOne, kOne, down), kNegZero);
  // Zero addend and zero product with equal signs keep the sign.
  EXPECT_EQ(mul_add(Format::F32, kNegZero, kNegZero, kOne, env), kNegZero);
}

TEST(SoftFloat, FusedMultiplyAddSpecialCases) {
  FpEnv env = env_with();
  // 0 * inf + qNaN: the NaN is the addend but the product is invalid: default NaN, IOC.
  EXPECT_EQ(mul_add(Format::F32, kQNaN1, kPosZero, kPosInf, env), kDefaultNaN);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  // NaN order: addend first, then op1, then op2; signalling before quiet.
  EXPECT_EQ(mul_add(Format::F32, kQNaN1, kQNaN2, kOne, env), kQNaN1);
  EXPECT_EQ(mul_add(Format::F32, kQNaN1, kOne, kSNaN2, env), 0xffc00022u);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  // inf + (-inf * 1) is invalid; inf + finite product is inf.
  EXPECT_EQ(mul_add(Format::F32, kPosInf, kNegInf, kOne, env), kDefaultNaN);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(mul_add(Format::F32, kNegInf, kTwo, kThree, env), kNegInf);
  EXPECT_EQ(env.flags, 0u);
  // Overflowing product with a finite addend.
  EXPECT_EQ(mul_add(Format::F32, kOne, kMaxNormal, kTwo, env), kPosInf);
  EXPECT_EQ(env.flags, kOFC | kIXC);
}

TEST(SoftFloat, SquareRootIsCorrectlyRounded) {
  FpEnv env = env_with();
  EXPECT_EQ(sqrt(Format::F32, 0x40800000, env), kTwo);  // sqrt(4) exact
  EXPECT_EQ(env.flags, 0u);
  // sqrt(2) = 1.41421353816986083984375 (0x3fb504f3) in single precision, inexact.
  EXPECT_EQ(sqrt(Format::F32, kTwo, env), 0x3fb504f3u);
  EXPECT_EQ(env.flags, kIXC);
  // sqrt(2) in double: 0x3ff6a09e667f3bcd.
  EXPECT_EQ(sqrt(Format::F64, 0x4000000000000000u, env), 0x3ff6a09e667f3bcdu);
  // Smallest subnormal 2^-149: sqrt = 2^-74.5 = 0x1.6a09e6...p-75 -> 0x1a3504f3.
  EXPECT_EQ(sqrt(Format::F32, kMinSubnormal, env), 0x1a3504f3u);
}

TEST(SoftFloat, CompareFlags) {
  FpEnv env = env_with();
  EXPECT_EQ(compare(Format::F32, kOne, kTwo, false, env), 0x80000000u);  // less: N
  EXPECT_EQ(compare(Format::F32, kTwo, kOne, false, env), 0x20000000u);  // greater: C
  EXPECT_EQ(compare(Format::F32, kOne, kOne, false, env), 0x60000000u);  // equal: Z C
  EXPECT_EQ(compare(Format::F32, kPosZero, kNegZero, false, env), 0x60000000u);
  EXPECT_EQ(compare(Format::F32, kNegInf, kMinusOne, false, env), 0x80000000u);
  EXPECT_EQ(env.flags, 0u);
  // Unordered: C V. A quiet NaN signals only for VCMPE, a signalling NaN always.
  EXPECT_EQ(compare(Format::F32, kQNaN1, kOne, false, env), 0x30000000u);
  EXPECT_EQ(env.flags, 0u);
  EXPECT_EQ(compare(Format::F32, kOne, kQNaN1, true, env), 0x30000000u);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(compare(Format::F32, kSNaN1, kOne, false, env), 0x30000000u);
  EXPECT_EQ(env.flags, kIOC);
  // With FZ a subnormal equals zero (and raises IDC).
  FpEnv fz = env_with();
  fz.fz = true;
  EXPECT_EQ(compare(Format::F32, 0x00000003, kNegZero, false, fz), 0x60000000u);
  EXPECT_EQ(fz.flags, kIDC);
}

TEST(SoftFloat, MaxNumMinNum) {
  FpEnv env = env_with();
  EXPECT_EQ(max_num(Format::F32, kOne, kTwo, env), kTwo);
  EXPECT_EQ(min_num(Format::F32, kOne, kTwo, env), kOne);
  // Zeros: max prefers +0, min prefers -0, in either order.
  EXPECT_EQ(max_num(Format::F32, kNegZero, kPosZero, env), kPosZero);
  EXPECT_EQ(max_num(Format::F32, kPosZero, kNegZero, env), kPosZero);
  EXPECT_EQ(min_num(Format::F32, kPosZero, kNegZero, env), kNegZero);
  // A quiet NaN loses against a number, with no exception.
  EXPECT_EQ(max_num(Format::F32, kQNaN1, kMinusOne, env), kMinusOne);
  EXPECT_EQ(min_num(Format::F32, kTwo, kQNaN2, env), kTwo);
  EXPECT_EQ(max_num(Format::F32, kQNaN1, kNegInf, env), kNegInf);
  EXPECT_EQ(env.flags, 0u);
  // Two quiet NaNs: the first; a signalling NaN: quieted, Invalid Operation.
  EXPECT_EQ(max_num(Format::F32, kQNaN2, kQNaN1, env), kQNaN2);
  EXPECT_EQ(max_num(Format::F32, kOne, kSNaN1, env), 0x7fc00011u);
  EXPECT_EQ(env.flags, kIOC);
}

TEST(SoftFloat, RoundToIntegral) {
  FpEnv env = env_with();
  const uint32_t two_and_half = 0x40200000, minus_two_and_half = 0xc0200000;
  EXPECT_EQ(round_to_integral(Format::F32, two_and_half, Rounding::TieEven, false, env), kTwo);
  EXPECT_EQ(round_to_integral(Format::F32, two_and_half, Rounding::TieAway, false, env), kThree);
  EXPECT_EQ(round_to_integral(Format::F32, minus_two_and_half, Rounding::TieAway, false, env),
            0xc0400000u);
  EXPECT_EQ(round_to_integral(Format::F32, minus_two_and_half, Rounding::PosInf, false, env),
            0xc0000000u);
  EXPECT_EQ(round_to_integral(Format::F32, minus_two_and_half, Rounding::NegInf, false, env),
            0xc0400000u);
  EXPECT_EQ(env.flags, 0u);  // not exact: no Inexact
  // -0.25 rounds to -0 (sign kept); VRINTX (exact) raises Inexact.
  EXPECT_EQ(round_to_integral(Format::F32, 0xbe800000, Rounding::TieEven, true, env), kNegZero);
  EXPECT_EQ(env.flags, kIXC);
  env.flags = 0;
  EXPECT_EQ(round_to_integral(Format::F32, kThree, Rounding::Zero, true, env), kThree);
  EXPECT_EQ(round_to_integral(Format::F32, kNegInf, Rounding::Zero, true, env), kNegInf);
  EXPECT_EQ(env.flags, 0u);
  EXPECT_EQ(round_to_integral(Format::F32, kSNaN1, Rounding::Zero, false, env), 0x7fc00011u);
  EXPECT_EQ(env.flags, kIOC);
  // 0.5 up: 1.0 in RP.
  EXPECT_EQ(round_to_integral(Format::F32, kHalf, Rounding::PosInf, false, env), kOne);
}

TEST(SoftFloat, FloatToIntegerSaturatesWithInvalid) {
  FpEnv env = env_with();
  // 2^31 does not fit a signed 32-bit integer: 0x7fffffff, IOC (not IXC).
  EXPECT_EQ(to_fixed(Format::F32, 0x4f000000, 0, false, 32, Rounding::Zero, env), 0x7fffffffu);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(to_fixed(Format::F32, 0xcf000000, 0, false, 32, Rounding::Zero, env), 0x80000000u);
  EXPECT_EQ(env.flags, 0u);  // -2^31 fits exactly
  EXPECT_EQ(to_fixed(Format::F32, kNegInf, 0, false, 32, Rounding::Zero, env), 0x80000000u);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  // Unsigned: negative values saturate to 0 with IOC unless they round to 0.
  EXPECT_EQ(to_fixed(Format::F32, kMinusOne, 0, true, 32, Rounding::Zero, env), 0u);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(to_fixed(Format::F32, 0xbf000000, 0, true, 32, Rounding::Zero, env), 0u);  // -0.5
  EXPECT_EQ(env.flags, kIXC);
  env.flags = 0;
  EXPECT_EQ(to_fixed(Format::F32, kPosInf, 0, true, 32, Rounding::Zero, env), 0xffffffffu);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  // NaN: 0 and IOC.
  EXPECT_EQ(to_fixed(Format::F32, kQNaN1, 0, false, 32, Rounding::Zero, env), 0u);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  // Rounding modes on -2.5.
  EXPECT_EQ(to_fixed(Format::F32, 0xc0200000, 0, false, 32, Rounding::TieEven, env), 0xfffffffeu);
  EXPECT_EQ(to_fixed(Format::F32, 0xc0200000, 0, false, 32, Rounding::TieAway, env), 0xfffffffdu);
  EXPECT_EQ(to_fixed(Format::F32, 0xc0200000, 0, false, 32, Rounding::PosInf, env), 0xfffffffeu);
  EXPECT_EQ(to_fixed(Format::F32, 0xc0200000, 0, false, 32, Rounding::NegInf, env), 0xfffffffdu);
  EXPECT_EQ(env.flags, kIXC);
}

TEST(SoftFloat, FixedPointConversions) {
  FpEnv env = env_with();
  // 1.75 with 4 fraction bits is 28; as a 16-bit fixed-point value.
  EXPECT_EQ(to_fixed(Format::F32, 0x3fe00000, 4, false, 16, Rounding::Zero, env), 28u);
  // 4096.0 with 4 fraction bits is 65536: saturates to 0x7fff in 16 bits.
  EXPECT_EQ(to_fixed(Format::F32, 0x45800000, 4, false, 16, Rounding::Zero, env), 0x7fffu);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  // From fixed: 0xfff0 as signed 16-bit with 4 fraction bits is -1.0.
  EXPECT_EQ(from_fixed(Format::F32, 0x1234fff0, 4, false, 16, Rounding::TieEven, env), kMinusOne);
  // Unsigned 32-bit 0xffffffff with 0 fraction bits rounds to 2^32 (RN), inexact.
  EXPECT_EQ(from_fixed(Format::F32, 0xffffffff, 0, true, 32, Rounding::TieEven, env), 0x4f800000u);
  EXPECT_EQ(env.flags, kIXC);
  env.flags = 0;
  // Zero converts to +0; the most negative 32-bit value to -2^31.
  EXPECT_EQ(from_fixed(Format::F32, 0, 0, false, 32, Rounding::NegInf, env), kPosZero);
  EXPECT_EQ(from_fixed(Format::F64, 0x80000000, 0, false, 32, Rounding::TieEven, env),
            0xc1e0000000000000u);
  EXPECT_EQ(env.flags, 0u);
}

TEST(SoftFloat, SingleDoubleConversions) {
  FpEnv env = env_with();
  EXPECT_EQ(convert(Format::F64, Format::F32, kOne, env), 0x3ff0000000000000u);
  // Signalling NaN: quieted, top payload bits kept, IOC.
  EXPECT_EQ(convert(Format::F64, Format::F32, 0x7f800011, env), 0x7ff8000220000000u);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(convert(Format::F32, Format::F64, 0xfff8000220000001u, env), 0xffc00011u);
  EXPECT_EQ(env.flags, 0u);
  // Double too large for single: overflow; too small: underflow to a subnormal or zero.
  EXPECT_EQ(convert(Format::F32, Format::F64, 0x47f0000000000000u, env), kPosInf);  // 2^128
  EXPECT_EQ(env.flags, kOFC | kIXC);
  env.flags = 0;
  // 2^-150 is exactly half the smallest subnormal: the tie goes to the even +0.
  EXPECT_EQ(convert(Format::F32, Format::F64, 0x3690000000000000u, env), kPosZero);
  EXPECT_EQ(env.flags, kUFC | kIXC);
  env.flags = 0;
  // 2^-150 + 2^-170 is above the half: the smallest subnormal.
  EXPECT_EQ(convert(Format::F32, Format::F64, 0x3690000010000000u, env), kMinSubnormal);
  EXPECT_EQ(env.flags, kUFC | kIXC);
}

TEST(SoftFloat, HalfPrecisionConversionsAndAlternativeFormat) {
  FpEnv env = env_with();
  EXPECT_EQ(convert(Format::F16, Format::F32, kOne, env), 0x3c00u);
  EXPECT_EQ(convert(Format::F16, Format::F32, 0x47800000, env), 0x7c00u);  // 65536: +inf
  EXPECT_EQ(env.flags, kOFC | kIXC);
  env.flags = 0;
  EXPECT_EQ(convert(Format::F32, Format::F16, 0x7c00, env), kPosInf);
  EXPECT_EQ(convert(Format::F32, Format::F16, 0x0001, env), 0x33800000u);  // 2^-24, exact
  EXPECT_EQ(env.flags, 0u);
  // AHP: exponent 31 is a normal number (65536 = 0x7c00 in AHP), no infinities or NaNs.
  env.ahp = true;
  EXPECT_EQ(convert(Format::F32, Format::F16, 0x7c00, env), 0x47800000u);
  EXPECT_EQ(convert(Format::F16, Format::F32, 0x47800000, env), 0x7c00u);
  EXPECT_EQ(env.flags, 0u);
  // Infinity or a too-large value gives the largest magnitude with IOC; NaN gives zero with IOC.
  EXPECT_EQ(convert(Format::F16, Format::F32, kNegInf, env), 0xffffu);
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(convert(Format::F16, Format::F32, 0x48000000, env), 0x7fffu);  // 131072
  EXPECT_EQ(env.flags, kIOC);
  env.flags = 0;
  EXPECT_EQ(convert(Format::F16, Format::F32, kQNaN2, env), 0x8000u);
  EXPECT_EQ(env.flags, kIOC);
  // AHP does not change half-precision arithmetic: 0x7c00 is still infinity there.
  env.flags = 0;
  EXPECT_EQ(add(Format::F16, 0x7c00, 0x3c00, env), 0x7c00u);
  EXPECT_EQ(env.flags, 0u);
  // FZ16 is ignored by conversions, FZ is not.
  FpEnv fz = env_with();
  fz.fz16 = true;
  EXPECT_EQ(convert(Format::F32, Format::F16, 0x0001, fz), 0x33800000u);
  fz.fz = true;
  EXPECT_EQ(convert(Format::F16, Format::F32, 0x00000001, fz), 0x0000u);
  EXPECT_EQ(fz.flags, kIDC);
}

}  // namespace
}  // namespace minifvp::cpu::fp
