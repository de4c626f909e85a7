// MVE floating-point arithmetic executed from its encodings (arm-none-eabi-as
// -march=armv8.1-m.main+mve.fp): row names, the standard FPSCR controls (round to nearest, flush
// to zero, default NaN whatever FPSCR says), cumulative flags, F16 and F32 lanes, predication.
// Expected bit patterns are worked out by hand from the Armv8.1-M pseudocode.
#include "mve_float_test_fixture.h"

namespace minifvp::test {
namespace {

namespace mve = cpu::exec::mve;
namespace fpscr = cpu::fp::fpscr;

struct RowCase {
  uint32_t raw;
  const char* name;
};

TEST_F(MveFloatTest, ArithmeticRowsDecode) {
  const RowCase cases[] = {
      {0xef020d44, "T32_VADD_fp_T1"},
      {0xef120d44, "T32_VADD_fp_T1"},
      {0xef220d44, "T32_VSUB_fp_T1"},
      {0xff020d54, "T32_VMUL_fp_T1"},
      {0xff120d54, "T32_VMUL_fp_T1"},
      {0xff220d44, "T32_VABD_fp_T1"},
      {0xff320d44, "T32_VABD_fp_T1"},
      {0xef020c54, "T32_VFMA_vec_T1"},
      {0xef120c54, "T32_VFMA_vec_T1"},
      {0xef220c54, "T32_VFMS_T1"},
      {0xef320c54, "T32_VFMS_T1"},
      {0xff020f54, "T32_VMAXNM_T1"},
      {0xff120f54, "T32_VMAXNM_T1"},
      {0xff220f54, "T32_VMINNM_T1"},
      {0xff320f54, "T32_VMINNM_T1"},
      {0xee3f0e85, "T32_VMAXNMA_T1_F32"},
      {0xfe3f0e85, "T32_VMAXNMA_T1_F16"},
      {0xee3f1e85, "T32_VMINNMA_T1_F32"},
      {0xfe3f1e85, "T32_VMINNMA_T1_F16"},
      {0xffb90744, "T32_VABS_fp_T2"},
      {0xffb50744, "T32_VABS_fp_T2"},
      {0xffb907c4, "T32_VNEG_fp_T2"},
      {0xffb507c4, "T32_VNEG_fp_T2"},
      {0xee320f42, "T32_VADD_fp_scalar_T2_F32"},
      {0xfe320f42, "T32_VADD_fp_scalar_T2_F16"},
      {0xee321f42, "T32_VSUB_fp_scalar_T2_F32"},
      {0xfe321f42, "T32_VSUB_fp_scalar_T2_F16"},
      {0xee330e62, "T32_VMUL_fp_scalar_T2_F32"},
      {0xfe330e62, "T32_VMUL_fp_scalar_T2_F16"},
      {0xee330e42, "T32_VFMA_scalar_T1_F32"},
      {0xfe330e42, "T32_VFMA_scalar_T1_F16"},
      {0xee331e42, "T32_VFMAS_scalar_T1_F32"},
      {0xfe331e42, "T32_VFMAS_scalar_T1_F16"},
  };
  for (const RowCase& c : cases) EXPECT_EQ(row_name(c.raw), c.name) << std::hex << c.raw;
}

TEST_F(MveFloatTest, UndefinedFieldValuesGiveNocpFirst) {
  const uint32_t undefined[] = {
      0xef420d44,  // vadd.f32 with D = 1 (Q8)
      0xef020dc4,  // vadd.f32 with N = 1
      0xffbd0744,  // vabs with size '11'
      0xffb10744,  // vabs with size '00'
      0xee320f4d,  // vadd.f32 q0, q1, sp
      0xee320f4f,  // vadd.f32 q0, q1, pc
  };
  for (uint32_t raw : undefined) {
    h.core().set_fp_enabled(false);
    EXPECT_EQ(exec_until_stop(raw), cpu::StopReason::Fault) << std::hex << raw;
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor) << std::hex << raw;
    h.core().set_fp_enabled(true);
    EXPECT_EQ(exec_until_stop(raw), cpu::StopReason::Fault) << std::hex << raw;
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction) << std::hex << raw;
  }
}

TEST_F(MveFloatTest, AddF32IgnoresFpscrRoundingFlushAndNaNControls) {
  // RMode = RM would make +0 + -0 = -0; DN and FZ clear would keep the denormal and a NaN payload.
  s().fpscr = (s().fpscr & ~fpscr::kExceptionFlags) | (2u << fpscr::kRModeShift);
  set_q32(1, {f32::kOne, f32::kZero, f32::kInf, f32::kDenormal});
  set_q32(2, {f32::kTwo, f32::kNegZero, f32::kNegInf, f32::kZero});
  exec(0xef020d44);  // vadd.f32 q0, q1, q2
  EXPECT_EQ(q32(0),
            (std::array<uint32_t, 4>{f32::kThree, f32::kZero, f32::kDefaultNaN, f32::kZero}));
  EXPECT_EQ(flags(), flag::kIOC | flag::kIDC);
  EXPECT_EQ(s().fpscr >> fpscr::kRModeShift & 3, 2u);  // FPSCR controls unchanged
}

TEST_F(MveFloatTest, AddF32NaNsBecomeTheDefaultNaN) {
  set_q32(1, {f32::kSNaN, f32::kQNaN, f32::kOne, f32::kOne});
  set_q32(2, {f32::kOne, f32::kOne, f32::kQNaN, f32::kOne});
  exec(0xef020d44);
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{f32::kDefaultNaN, f32::kDefaultNaN, f32::kDefaultNaN,
                                             f32::kTwo}));
  EXPECT_EQ(flags(), flag::kIOC);
  clear_flags();
  set_q32(1, {f32::kQNaN, f32::kQNaN, f32::kOne, f32::kOne});
  exec(0xef020d44);
  EXPECT_EQ(flags(), 0u);  // quiet NaNs raise nothing
}

TEST_F(MveFloatTest, AddF16OverflowSignedZerosAndNaN) {
  set_q16(1, {f16::kOne, f16::kDenormal, f16::kMax, f16::kInf, 0xbc00, f16::kNegZero, f16::kSNaN,
              f16::kOne});
  set_q16(2, {f16::kOne, f16::kDenormal, f16::kMax, f16::kOne, f16::kOne, f16::kNegZero, f16::kOne,
              f16::kZero});
  exec(0xef120d44);  // vadd.f16 q0, q1, q2
  EXPECT_EQ(q16(0), (std::array<uint16_t, 8>{f16::kTwo, 0x0002, f16::kInf, f16::kInf, f16::kZero,
                                             f16::kNegZero, f16::kDefaultNaN, f16::kOne}));
  EXPECT_EQ(flags(), flag::kOFC | flag::kIXC | flag::kIOC);
}

TEST_F(MveFloatTest, HalfPrecisionFlushFollowsFz16WithoutIdc) {
  set_q16(1, {f16::kDenormal, f16::kDenormal, 0x8001, 0x8001, 0x03ff, 0x03ff, 0x0200, 0x0200});
  set_q16(2, {f16::kDenormal, f16::kZero, f16::kZero, 0x8001, f16::kZero, f16::kDenormal, 0x0200,
              f16::kZero});
  exec(0xef120d44);
  EXPECT_EQ(q16(0), (std::array<uint16_t, 8>{0x0002, 0x0001, 0x8001, 0x8002, 0x03ff, 0x0400, 0x0400,
                                             0x0200}));
  EXPECT_EQ(flags(), 0u);
  s().fpscr |= fpscr::kFZ16;
  exec(0xef120d44);
  // -0 + +0 = +0 and -0 + -0 = -0 once the inputs are flushed.
  EXPECT_EQ(q16(0), (std::array<uint16_t, 8>{f16::kZero, f16::kZero, f16::kZero, f16::kNegZero,
                                             f16::kZero, f16::kZero, f16::kZero, f16::kZero}));
  EXPECT_EQ(flags(), 0u);  // flushing a half-precision input sets no IDC
}

TEST_F(MveFloatTest, MulF32UnderflowFlushesInexactAndInvalid) {
  set_q32(1, {f32::kMinNormal, 0x3f800001, f32::kInf, f32::kThree});
  set_q32(2, {f32::kHalf, 0x3f800001, f32::kZero, f32::kThree});
  exec(0xff020d54);  // vmul.f32 q0, q1, q2
  // 2^-127 flushes to +0 (UFC, no IXC); (1 + 2^-23)^2 = 1 + 2^-22 + 2^-46 rounds to 1 + 2^-22.
  EXPECT_EQ(q32(0),
            (std::array<uint32_t, 4>{f32::kZero, 0x3f800002, f32::kDefaultNaN, 0x41100000}));
  EXPECT_EQ(flags(), flag::kUFC | flag::kIXC | flag::kIOC);
}

TEST_F(MveFloatTest, SubAndAbsoluteDifference) {
  set_q32(1, {f32::kOne, f32::kInf, f32::kNegZero, f32::kTwo});
  set_q32(2, {f32::kThree, f32::kInf, f32::kNegZero, f32::kHalf});
  exec(0xef220d44);  // vsub.f32 q0, q1, q2
  EXPECT_EQ(q32(0),
            (std::array<uint32_t, 4>{0xc0000000, f32::kDefaultNaN, f32::kZero, 0x3fc00000}));
  EXPECT_EQ(flags(), flag::kIOC);
  clear_flags();
  exec(0xff220d44);  // vabd.f32 q0, q1, q2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{f32::kTwo, f32::kDefaultNaN, f32::kZero, 0x3fc00000}));
  set_q16(1, {f16::kOne, 0xc000, f16::kZero, f16::kZero, f16::kZero, f16::kZero, f16::kZero,
              f16::kZero});
  set_q16(2, {f16::kThree, f16::kOne, f16::kZero, f16::kZero, f16::kZero, f16::kZero, f16::kZero,
              f16::kZero});
  exec(0xff320d44);  // vabd.f16 q0, q1, q2: |1 - 3| = 2, |-2 - 1| = 3
  EXPECT_EQ(q16(0)[0], f16::kTwo);
  EXPECT_EQ(q16(0)[1], f16::kThree);
}

TEST_F(MveFloatTest, FusedMultiplyAddRoundsOnce) {
  constexpr uint32_t kOnePlus2m12 = 0x3f800800;  // 1 + 2^-12
  set_q32(0, {f32::kOne, 0xbf800000, f32::kInf, f32::kOne});
  set_q32(1, {f32::kTwo, kOnePlus2m12, f32::kZero, f32::kOne});
  set_q32(2, {f32::kThree, kOnePlus2m12, f32::kOne, f32::kOne});
  exec(0xef020c54);  // vfma.f32 q0, q1, q2: -1 + (1 + 2^-12)^2 = 2^-11 + 2^-24, exact
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{0x40e00000, 0x3a000400, f32::kInf, f32::kTwo}));
  EXPECT_EQ(flags(), 0u);
  set_q32(0, {f32::kOne, 0xbf800000, f32::kInf, f32::kOne});
  exec(0xef220c54);  // vfms.f32: -1 - (1 + 2^-11 + 2^-24) rounds to -(2 + 2^-11)
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{0xc0a00000, 0xc0000800, f32::kInf, f32::kZero}));
  EXPECT_EQ(flags(), flag::kIXC);
}

TEST_F(MveFloatTest, FusedMultiplyAddWithScalar) {
  set_q16(0, {f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, 0x7c00});
  set_q16(1, {f16::kThree, f16::kThree, f16::kThree, f16::kThree, f16::kThree, f16::kThree,
              f16::kThree, f16::kZero});
  r(2) = 0xdead4000;  // the scalar is the low half: 2.0
  exec(0xfe330e42);   // vfma.f16 q0, q1, r2: 1 + 3 * 2 = 7; inf + 0 * 2 = inf
  EXPECT_EQ(q16(0), (std::array<uint16_t, 8>{0x4700, 0x4700, 0x4700, 0x4700, 0x4700, 0x4700, 0x4700,
                                             f16::kInf}));
  set_q16(0, {f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, 0x7c00});
  exec(0xfe331e42);  // vfmas.f16 q0, q1, r2: 1 * 3 + 2 = 5; inf * 0 + 2 = default NaN
  EXPECT_EQ(q16(0), (std::array<uint16_t, 8>{0x4500, 0x4500, 0x4500, 0x4500, 0x4500, 0x4500, 0x4500,
                                             f16::kDefaultNaN}));
  EXPECT_EQ(flags(), flag::kIOC);
  set_q32(0, {f32::kOne, f32::kTwo, f32::kZero, f32::kNegZero});
  set_q32(1, {f32::kThree, f32::kThree, f32::kOne, f32::kOne});
  r(2) = f32::kTwo;
  exec(0xee331e42);  // vfmas.f32 q0, q1, r2: d * n + 2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{0x40a00000, 0x41000000, f32::kTwo, f32::kTwo}));
  set_q32(0, {f32::kOne, f32::kTwo, f32::kZero, f32::kNegZero});
  exec(0xee330e42);  // vfma.f32 q0, q1, r2: d + n * 2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{0x40e00000, 0x41000000, f32::kTwo, f32::kTwo}));
}

TEST_F(MveFloatTest, ScalarAddSubMul) {
  set_q32(1, {f32::kOne, f32::kTwo, f32::kThree, f32::kInf});
  r(2) = f32::kOne;
  exec(0xee320f42);  // vadd.f32 q0, q1, r2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{f32::kTwo, f32::kThree, 0x40800000, f32::kInf}));
  exec(0xee321f42);  // vsub.f32 q0, q1, r2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{f32::kZero, f32::kOne, f32::kTwo, f32::kInf}));
  r(2) = f32::kTwo;
  exec(0xee330e62);  // vmul.f32 q0, q1, r2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{f32::kTwo, 0x40800000, 0x40c00000, f32::kInf}));
  set_q16(1, {f16::kOne, f16::kTwo, f16::kThree, f16::kInf, f16::kMax, f16::kZero, f16::kNegZero,
              0xbc00});
  r(2) = 0x00014000;  // 2.0 in the low half
  exec(0xfe330e62);   // vmul.f16 q0, q1, r2
  EXPECT_EQ(q16(0), (std::array<uint16_t, 8>{f16::kTwo, 0x4400, 0x4600, f16::kInf, f16::kInf,
                                             f16::kZero, f16::kNegZero, 0xc000}));
  EXPECT_EQ(flags(), flag::kOFC | flag::kIXC);
}

TEST_F(MveFloatTest, MaxMinNumberAndMagnitude) {
  set_q32(1, {f32::kQNaN, f32::kZero, f32::kNegZero, f32::kSNaN});
  set_q32(2, {f32::kOne, f32::kNegZero, f32::kZero, f32::kOne});
  exec(0xff020f54);  // vmaxnm.f32 q0, q1, q2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{f32::kOne, f32::kZero, f32::kZero, f32::kDefaultNaN}));
  EXPECT_EQ(flags(), flag::kIOC);
  clear_flags();
  exec(0xff220f54);  // vminnm.f32 q0, q1, q2
  EXPECT_EQ(q32(0),
            (std::array<uint32_t, 4>{f32::kOne, f32::kNegZero, f32::kNegZero, f32::kDefaultNaN}));
  set_q32(0, {0xc0400000, f32::kTwo, f32::kNegZero, f32::kQNaN});
  set_q32(2, {f32::kTwo, 0xc0400000, f32::kNegZero, 0xbf800000});
  exec(0xee3f0e85);  // vmaxnma.f32 q0, q2: max(|q0|, |q2|)
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{f32::kThree, f32::kThree, f32::kZero, f32::kOne}));
  set_q32(0, {0xc0400000, f32::kTwo, f32::kNegZero, f32::kQNaN});
  exec(0xee3f1e85);  // vminnma.f32 q0, q2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{f32::kTwo, f32::kTwo, f32::kZero, f32::kOne}));
  set_q16(0, {0xc200, f16::kTwo, 0, 0, 0, 0, 0, 0});
  set_q16(2, {f16::kTwo, 0xc200, 0, 0, 0, 0, 0, 0});
  exec(0xfe3f1e85);  // vminnma.f16 q0, q2
  EXPECT_EQ(q16(0)[0], f16::kTwo);
  EXPECT_EQ(q16(0)[1], f16::kTwo);
}

TEST_F(MveFloatTest, AbsNegAreSignBitOperations) {
  set_q32(2, {0x80000001, 0xff800001, f32::kNegInf, f32::kOne});
  exec(0xffb90744);  // vabs.f32 q0, q2: no flush, NaNs kept, no flags
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{0x00000001, 0x7f800001, f32::kInf, f32::kOne}));
  exec(0xffb907c4);  // vneg.f32 q0, q2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{0x00000001, 0x7f800001, f32::kInf, 0xbf800000}));
  EXPECT_EQ(flags(), 0u);
  set_q16(2, {f16::kOne, 0x8001, f16::kSNaN, f16::kZero, 0, 0, 0, 0});
  exec(0xffb507c4);  // vneg.f16 q0, q2
  EXPECT_EQ(q16(0), (std::array<uint16_t, 8>{0xbc00, 0x0001, 0xfc01, 0x8000, 0x8000, 0x8000, 0x8000,
                                             0x8000}));
  exec(0xffb50744);  // vabs.f16 q0, q2
  EXPECT_EQ(q16(0), (std::array<uint16_t, 8>{f16::kOne, 0x0001, f16::kSNaN, 0, 0, 0, 0, 0}));
  EXPECT_EQ(flags(), 0u);
}

TEST_F(MveFloatTest, PredicatedLanesAreUntouchedAndRaiseNothing) {
  set_q32(0, {0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa});
  set_q32(1, {f32::kOne, f32::kOne, f32::kInf, f32::kSNaN});
  set_q32(2, {f32::kOne, f32::kOne, f32::kNegInf, f32::kOne});
  // A VPT block of one instruction: P0 enables the bytes of lanes 0 and 1 only.
  s().vpr = (0b1000u << mve::kVprMask01Shift) | (0b1000u << mve::kVprMask23Shift) | 0x00ff;
  exec(0xef020d44);  // vadd.f32 q0, q1, q2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{f32::kTwo, f32::kTwo, 0xaaaaaaaa, 0xaaaaaaaa}));
  EXPECT_EQ(flags(), 0u);
  // Only byte 1 of lane 0 enabled: that byte of the default NaN is written, no IOC.
  set_q32(0, {0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa});
  set_q32(1, {f32::kInf, f32::kOne, f32::kOne, f32::kOne});
  set_q32(2, {f32::kNegInf, f32::kOne, f32::kOne, f32::kOne});
  s().vpr = (0b1000u << mve::kVprMask01Shift) | (0b1000u << mve::kVprMask23Shift) | 0x0002;
  exec(0xef020d44);
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{0xaaaa00aa, 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa}));
  EXPECT_EQ(flags(), 0u);
  // The same lane with byte 0 enabled raises Invalid Operation.
  s().vpr = (0b1000u << mve::kVprMask01Shift) | (0b1000u << mve::kVprMask23Shift) | 0x0001;
  exec(0xef020d44);
  EXPECT_EQ(q32(0)[0], 0xaaaa0000u);
  EXPECT_EQ(flags(), flag::kIOC);
}

TEST_F(MveFloatTest, TailPredicationLimitsLanes) {
  set_q16(0, {0x1111, 0x1111, 0x1111, 0x1111, 0x1111, 0x1111, 0x1111, 0x1111});
  set_q16(1,
          {f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne});
  set_q16(2,
          {f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne});
  mve::set_ltpsize(s(), 1);  // 16-bit elements
  r(14) = 3;                 // three left in the last iteration
  exec(0xef120d44);          // vadd.f16 q0, q1, q2
  EXPECT_EQ(q16(0), (std::array<uint16_t, 8>{f16::kTwo, f16::kTwo, f16::kTwo, 0x1111, 0x1111,
                                             0x1111, 0x1111, 0x1111}));
}

TEST_F(MveFloatTest, BeatsAlreadyExecutedUnderEciAreSkipped) {
  // EPSR.ECI = A0A1: beats 0 and 1 (lanes 0 and 1) ran before an exception; only lanes 2 and 3
  // execute now, and lane 0's invalid operation is not raised again.
  set_q32(0, {0x11111111, 0x22222222, 0x33333333, 0x44444444});
  set_q32(1, {f32::kInf, f32::kOne, f32::kOne, f32::kTwo});
  set_q32(2, {f32::kNegInf, f32::kOne, f32::kOne, f32::kOne});
  s().it.bits = static_cast<uint8_t>(mve::Eci::A0A1) << 4;
  exec(0xef020d44);  // vadd.f32 q0, q1, q2
  EXPECT_EQ(q32(0), (std::array<uint32_t, 4>{0x11111111, 0x22222222, f32::kTwo, f32::kThree}));
  EXPECT_EQ(flags(), 0u);
  EXPECT_EQ(s().it.bits, 0);
}

}  // namespace
}  // namespace minifvp::test
