// MVE floating-point conversions, round-to-integral and complex arithmetic executed from their
// encodings (arm-none-eabi-as -march=armv8.1-m.main+mve.fp; VCVTB/VCVTT built by hand from the
// Armv8.1-M encoding, as GAS 2.40 mis-encodes their Q registers). Expected bit patterns are worked
// out by hand from the pseudocode (FPToFixed, FixedToFP, FPConvert, FPRoundInt, FPMulAdd).
#include "mve_float_test_fixture.h"

namespace minifvp::test {
namespace {

namespace mve = cpu::exec::mve;
namespace fpscr = cpu::fp::fpscr;
using Q32 = std::array<uint32_t, 4>;
using Q16 = std::array<uint16_t, 8>;

struct RowCase {
  uint32_t raw;
  const char* name;
};

TEST_F(MveFloatTest, ConversionAndComplexRowsDecode) {
  const RowCase cases[] = {
      {0xffbb0744, "T32_VCVT_fp_int_T1"},
      {0xffbb07c4, "T32_VCVT_fp_int_T1"},
      {0xffb707c4, "T32_VCVT_fp_int_T1"},
      {0xffb706c4, "T32_VCVT_fp_int_T1"},
      {0xffbb0644, "T32_VCVT_fp_int_T1"},
      {0xefb00f54, "T32_VCVT_fp_fixed_T1_S"},
      {0xefb00e54, "T32_VCVT_fp_fixed_T1_S"},
      {0xefb80d54, "T32_VCVT_fp_fixed_T1_S"},
      {0xefb00c54, "T32_VCVT_fp_fixed_T1_S"},
      {0xffac0e50, "T32_VCVT_fp_fixed_T1_U"},
      {0xffbb0044, "T32_VCVT_vec_directed_T1"},
      {0xffbb0344, "T32_VCVT_vec_directed_T1"},
      {0xffb703c4, "T32_VCVT_vec_directed_T1"},
      {0xee3f0e05, "T32_VCVTB_vec_T1_F32_to_F16"},
      {0xee3f1e05, "T32_VCVTT_vec_T1_F32_to_F16"},
      {0xfe3f0e05, "T32_VCVTB_vec_T1_F16_to_F32"},
      {0xfe3f1e05, "T32_VCVTT_vec_T1_F16_to_F32"},
      {0xffba0444, "T32_VRINT_T1"},
      {0xffba04c4, "T32_VRINT_T1"},
      {0xffb607c4, "T32_VRINT_T1"},
      {0xfc920844, "T32_VCADD_fp_T1"},
      {0xfd920844, "T32_VCADD_fp_T1"},
      {0xfc820844, "T32_VCADD_fp_T1"},
      {0xfc320844, "T32_VCMLA_T1"},
      {0xfdb20844, "T32_VCMLA_T1"},
      {0xfca20844, "T32_VCMLA_T1"},
      {0xfe320e04, "T32_VCMUL_T1_F32_rot0_180"},
      {0xfe321e05, "T32_VCMUL_T1_F32_rot90_270"},
      {0xee320e05, "T32_VCMUL_T1_F16_rot90_270"},
  };
  for (const RowCase& c : cases) EXPECT_EQ(row_name(c.raw), c.name) << std::hex << c.raw;
}

TEST_F(MveFloatTest, ReservedConversionFieldsAreUndefined) {
  const uint32_t undefined[] = {
      0xffba0644,  // vrint op '100'
      0xffba0744,  // vrint op '110'
      0xefa80d54,  // vcvt.s16.f16 with imm6 = '101000' (more than 16 fraction bits)
      0xffbf0744,  // vcvt with size '11'
      0xee3f0e25,  // vcvtb with M = 1
      0xfc920864,  // vcadd with M = 1
  };
  for (uint32_t raw : undefined) {
    EXPECT_EQ(exec_until_stop(raw), cpu::StopReason::Fault) << std::hex << raw;
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction) << std::hex << raw;
  }
}

TEST_F(MveFloatTest, FloatToIntegerTruncatesAndSaturates) {
  set_q32(2, {0x40200000, 0xc0200000, 0x4f32d05e, f32::kQNaN});  // 2.5, -2.5, 3e9, NaN
  exec(0xffbb0744);                                              // vcvt.s32.f32 q0, q2
  EXPECT_EQ(q32(0), (Q32{2, 0xfffffffe, 0x7fffffff, 0}));
  EXPECT_EQ(flags(), flag::kIOC | flag::kIXC);
  clear_flags();
  set_q32(2, {0xbf800000, 0x3fc00000, 0x4f7fffff, f32::kDenormal});  // -1, 1.5, 2^32 - 256, tiny
  exec(0xffbb07c4);                                                  // vcvt.u32.f32 q0, q2
  EXPECT_EQ(q32(0), (Q32{0, 1, 0xffffff00, 0}));
  EXPECT_EQ(flags(), flag::kIOC | flag::kIXC | flag::kIDC);
  clear_flags();
  set_q16(2,
          {f16::kMax, f16::kInf, 0x3e00, 0xbc00, f16::kDefaultNaN, f16::kDenormal, f16::kTwo, 0});
  exec(0xffb707c4);  // vcvt.u16.f16 q0, q2
  EXPECT_EQ(q16(0), (Q16{0xffe0, 0xffff, 1, 0, 0, 0, 2, 0}));
  EXPECT_EQ(flags(), flag::kIOC | flag::kIXC);
}

TEST_F(MveFloatTest, IntegerToFloatRoundsToNearestEven) {
  s().fpscr |= 3u << fpscr::kRModeShift;  // RZ in FPSCR is ignored
  set_q16(2, {0xffff, 1, 0x0801, 0, 0, 0, 0, 0});
  exec(0xffb706c4);  // vcvt.f16.u16 q0, q2: 65535 overflows, 2049 ties to 2048
  EXPECT_EQ(q16(0), (Q16{f16::kInf, f16::kOne, 0x6800, 0, 0, 0, 0, 0}));
  EXPECT_EQ(flags(), flag::kOFC | flag::kIXC);
  clear_flags();
  set_q32(2, {0xffffffff, 1, 0x01000001, 0});
  exec(0xffbb06c4);  // vcvt.f32.u32 q0, q2
  EXPECT_EQ(q32(0), (Q32{0x4f800000, f32::kOne, 0x4b800000, 0}));
  EXPECT_EQ(flags(), flag::kIXC);
  clear_flags();
  exec(0xffbb0644);  // vcvt.f32.s32 q0, q2: -1, 1, 2^24 + 1, 0
  EXPECT_EQ(q32(0), (Q32{0xbf800000, f32::kOne, 0x4b800000, 0}));
}

TEST_F(MveFloatTest, FixedPointConversions) {
  set_q32(2, {0x3fc00000, 0xbfc00000, 0x47800000, 0x37000000});  // 1.5, -1.5, 65536, 2^-17
  exec(0xefb00f54);                                              // vcvt.s32.f32 q0, q2, #16
  EXPECT_EQ(q32(0), (Q32{0x00018000, 0xfffe8000, 0x7fffffff, 0}));
  EXPECT_EQ(flags(), flag::kIOC | flag::kIXC);
  clear_flags();
  set_q32(2, {0x00018000, 0xfffe8000, 1, 0x7fffffff});
  exec(0xefb00e54);  // vcvt.f32.s32 q0, q2, #16
  EXPECT_EQ(q32(0), (Q32{0x3fc00000, 0xbfc00000, 0x37800000, 0x47000000}));
  EXPECT_EQ(flags(), flag::kIXC);
  clear_flags();
  set_q16(2, {0x3e00, 0x5bf0, 0xbe00, 0x1800, 0, 0, 0, 0});  // 1.5, 254, -1.5, 2^-9
  exec(0xefb80d54);                                          // vcvt.s16.f16 q0, q2, #8
  EXPECT_EQ(q16(0), (Q16{0x0180, 0x7fff, 0xfe80, 0, 0, 0, 0, 0}));
  EXPECT_EQ(flags(), flag::kIOC | flag::kIXC);
  clear_flags();
  set_q16(2, {1, 0x4000, 0xffff, 0x8000, 0, 0, 0, 0});
  exec(0xefb00c54);  // vcvt.f16.s16 q0, q2, #16: 2^-16 is a half-precision denormal
  EXPECT_EQ(q16(0), (Q16{0x0100, 0x3400, 0x8100, 0xb800, 0, 0, 0, 0}));
  EXPECT_EQ(flags(), 0u);
  s().fpscr |= fpscr::kFZ16;
  exec(0xefb00c54);
  EXPECT_EQ(q16(0), (Q16{0, 0x3400, 0x8000, 0xb800, 0, 0, 0, 0}));
  EXPECT_EQ(flags(), flag::kUFC);
}

TEST_F(MveFloatTest, DirectedRoundingToInteger) {
  set_q32(2, {0x40200000, 0xc0200000, f32::kHalf, 0xbf000000});  // 2.5, -2.5, 0.5, -0.5
  exec(0xffbb0044);                                              // vcvta.s32.f32
  EXPECT_EQ(q32(0), (Q32{3, 0xfffffffd, 1, 0xffffffff}));
  exec(0xffbb0144);  // vcvtn.s32.f32
  EXPECT_EQ(q32(0), (Q32{2, 0xfffffffe, 0, 0}));
  exec(0xffbb0244);  // vcvtp.s32.f32
  EXPECT_EQ(q32(0), (Q32{3, 0xfffffffe, 1, 0}));
  exec(0xffbb0344);  // vcvtm.s32.f32
  EXPECT_EQ(q32(0), (Q32{2, 0xfffffffd, 0, 0xffffffff}));
  EXPECT_EQ(flags(), flag::kIXC);
  set_q16(2, {0x4100, 0xbc00, 0x3800, 0xb800, 0, 0, 0, 0});  // 2.5, -1, 0.5, -0.5
  exec(0xffb703c4);                                          // vcvtm.u16.f16
  EXPECT_EQ(q16(0), (Q16{2, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(flags(), flag::kIOC | flag::kIXC);
}

TEST_F(MveFloatTest, RoundToIntegral) {
  set_q32(2, {0x40200000, 0xbf000000, 0x3fc00000, 0xc0200000});  // 2.5, -0.5, 1.5, -2.5
  exec(0xffba0444);                                              // vrintn.f32
  EXPECT_EQ(q32(0), (Q32{f32::kTwo, f32::kNegZero, f32::kTwo, 0xc0000000}));
  EXPECT_EQ(flags(), 0u);  // only VRINTX reports Inexact
  exec(0xffba0544);        // vrinta.f32
  EXPECT_EQ(q32(0), (Q32{f32::kThree, 0xbf800000, f32::kTwo, 0xc0400000}));
  exec(0xffba05c4);  // vrintz.f32
  EXPECT_EQ(q32(0), (Q32{f32::kTwo, f32::kNegZero, f32::kOne, 0xc0000000}));
  exec(0xffba06c4);  // vrintm.f32
  EXPECT_EQ(q32(0), (Q32{f32::kTwo, 0xbf800000, f32::kOne, 0xc0400000}));
  exec(0xffba07c4);  // vrintp.f32
  EXPECT_EQ(q32(0), (Q32{f32::kThree, f32::kNegZero, f32::kTwo, 0xc0000000}));
  EXPECT_EQ(flags(), 0u);
  s().fpscr |= 1u << fpscr::kRModeShift;  // RP in FPSCR: VRINTX still rounds to nearest
  exec(0xffba04c4);                       // vrintx.f32
  EXPECT_EQ(q32(0), (Q32{f32::kTwo, f32::kNegZero, f32::kTwo, 0xc0000000}));
  EXPECT_EQ(flags(), flag::kIXC);
  clear_flags();
  set_q16(2, {0x4100, 0x3e00, f16::kSNaN, f16::kInf, 0, 0, 0, 0});
  exec(0xffb60444);  // vrintn.f16
  EXPECT_EQ(q16(0), (Q16{f16::kTwo, f16::kTwo, f16::kDefaultNaN, f16::kInf, 0, 0, 0, 0}));
  EXPECT_EQ(flags(), flag::kIOC);
  exec(0xffb607c4);  // vrintp.f16
  EXPECT_EQ(q16(0), (Q16{f16::kThree, f16::kTwo, f16::kDefaultNaN, f16::kInf, 0, 0, 0, 0}));
}

TEST_F(MveFloatTest, SingleToHalfWritesOneHalfOfEachLane) {
  set_q32(0, {0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa, 0xaaaaaaaa});
  set_q32(2, {f32::kOne, 0x501502f9, f32::kQNaN, f32::kDenormal});  // 1, 1e10, NaN, denormal
  exec(0xee3f0e05);                                                 // vcvtb.f16.f32 q0, q2
  EXPECT_EQ(q32(0), (Q32{0xaaaa3c00, 0xaaaa7c00, 0xaaaa7e00, 0xaaaa0000}));
  EXPECT_EQ(flags(), flag::kOFC | flag::kIXC | flag::kIDC);
  exec(0xee3f1e05);  // vcvtt.f16.f32 q0, q2
  EXPECT_EQ(q32(0), (Q32{0x3c003c00, 0x7c007c00, 0x7e007e00, 0x00000000}));
}

TEST_F(MveFloatTest, AlternativeHalfPrecisionConversions) {
  s().fpscr |= fpscr::kAHP;
  set_q32(2, {f32::kQNaN, f32::kInf, 0x47800000, 0x48000000});  // NaN, inf, 2^16, 2^17
  exec(0xee3f0e05);                                             // vcvtb.f16.f32 q0, q2
  EXPECT_EQ(q16(0)[0], 0x0000);
  EXPECT_EQ(q16(0)[2], 0x7fff);
  EXPECT_EQ(q16(0)[4], 0x7c00);
  EXPECT_EQ(q16(0)[6], 0x7fff);
  EXPECT_EQ(flags(), flag::kIOC);
  set_q16(2, {0x7c01, 0, 0, 0, 0, 0, 0, 0});
  exec(0xfe3f0e05);  // vcvtb.f32.f16: 0x7c01 is 65600 in the alternative format
  EXPECT_EQ(q32(0)[0], 0x47802000u);
}

TEST_F(MveFloatTest, HalfToSingleReadsOneHalfOfEachLane) {
  s().fpscr |= fpscr::kFZ16;  // ignored by the conversion
  set_q16(2, {f16::kOne, f16::kTwo, 0x0001, 0x8001, f16::kSNaN, f16::kDefaultNaN, 0xfc00, 0x3800});
  exec(0xfe3f0e05);  // vcvtb.f32.f16 q0, q2
  EXPECT_EQ(q32(0), (Q32{f32::kOne, 0x33800000, f32::kDefaultNaN, f32::kNegInf}));
  EXPECT_EQ(flags(), flag::kIOC);
  clear_flags();
  exec(0xfe3f1e05);  // vcvtt.f32.f16 q0, q2
  EXPECT_EQ(q32(0), (Q32{f32::kTwo, 0xb3800000, f32::kDefaultNaN, f32::kHalf}));
  EXPECT_EQ(flags(), 0u);
}

TEST_F(MveFloatTest, HalfSingleFlagsFollowTheFirstByteOfTheContainer) {
  // QEMU's rule: VCVTT.F16.F32 writes bytes 2-3 of each lane but counts a lane's flags only when
  // its byte 0 is active.
  set_q32(0, {0, 0, 0, 0});
  set_q32(2, {f32::kSNaN, f32::kSNaN, f32::kSNaN, f32::kSNaN});
  s().vpr = (0b1000u << mve::kVprMask01Shift) | (0b1000u << mve::kVprMask23Shift) | 0x000c;
  exec(0xee3f1e05);
  EXPECT_EQ(q32(0), (Q32{0x7e000000, 0, 0, 0}));
  EXPECT_EQ(flags(), 0u);
}

Q32 complex_pair(uint32_t re, uint32_t im) {
  return {re, im, re, im};
}

TEST_F(MveFloatTest, ComplexAddRotations) {
  set_q32(1, {f32::kOne, f32::kTwo, f32::kThree, 0x40800000});   // 1, 2, 3, 4
  set_q32(2, {0x41200000, 0x41a00000, 0x41f00000, 0x42200000});  // 10, 20, 30, 40
  exec(0xfc920844);  // vcadd.f32 q0, q1, q2, #90: (1 - 20, 2 + 10), (3 - 40, 4 + 30)
  EXPECT_EQ(q32(0), (Q32{0xc1980000, 0x41400000, 0xc2140000, 0x42080000}));
  exec(0xfd920844);  // #270: (1 + 20, 2 - 10), (3 + 40, 4 - 30)
  EXPECT_EQ(q32(0), (Q32{0x41a80000, 0xc1000000, 0x422c0000, 0xc1d00000}));
  exec(0xfc924844);  // vcadd.f32 q2, q1, q2, #90: sources read before the result is written
  EXPECT_EQ(q32(2), (Q32{0xc1980000, 0x41400000, 0xc2140000, 0x42080000}));
  set_q16(1,
          {f16::kOne, f16::kTwo, f16::kOne, f16::kTwo, f16::kOne, f16::kTwo, f16::kOne, f16::kTwo});
  set_q16(2, {f16::kThree, f16::kOne, f16::kThree, f16::kOne, f16::kThree, f16::kOne, f16::kThree,
              f16::kOne});
  exec(0xfc820844);  // vcadd.f16 q0, q1, q2, #90: (1 - 1, 2 + 3)
  EXPECT_EQ(q16(0), (Q16{0, 0x4500, 0, 0x4500, 0, 0x4500, 0, 0x4500}));
}

TEST_F(MveFloatTest, ComplexMultiplyRotations) {
  set_q32(1, complex_pair(f32::kOne, f32::kTwo));     // 1 + 2i
  set_q32(2, complex_pair(f32::kThree, 0x40800000));  // 3 + 4i
  exec(0xfe320e04);                                   // vcmul.f32 q0, q1, q2, #0
  EXPECT_EQ(q32(0), complex_pair(f32::kThree, 0x40800000));
  exec(0xfe320e05);  // #90: (2 * -4, 2 * 3)
  EXPECT_EQ(q32(0), complex_pair(0xc1000000, 0x40c00000));
  exec(0xfe321e04);  // #180: (1 * -3, 1 * -4)
  EXPECT_EQ(q32(0), complex_pair(0xc0400000, 0xc0800000));
  exec(0xfe321e05);  // #270: (2 * 4, 2 * -3)
  EXPECT_EQ(q32(0), complex_pair(0x41000000, 0xc0c00000));
  // VCMLA #0 then #90 accumulates the full product (1 + 2i)(3 + 4i) = -5 + 10i.
  set_q32(0, {0, 0, 0, 0});
  exec(0xfc320844);
  exec(0xfcb20844);
  EXPECT_EQ(q32(0), complex_pair(0xc0a00000, 0x41200000));
  exec(0xfd320844);  // #180: (-5 - 3, 10 - 4)
  EXPECT_EQ(q32(0), complex_pair(0xc1000000, 0x40c00000));
  exec(0xfdb20844);  // #270: (-8 + 8, 6 - 6)
  EXPECT_EQ(q32(0), complex_pair(0, 0));
  EXPECT_EQ(flags(), 0u);
  set_q16(1,
          {f16::kOne, f16::kTwo, f16::kOne, f16::kTwo, f16::kOne, f16::kTwo, f16::kOne, f16::kTwo});
  set_q16(2, {f16::kThree, 0x4400, f16::kThree, 0x4400, f16::kThree, 0x4400, f16::kThree, 0x4400});
  exec(0xee320e05);  // vcmul.f16 q0, q1, q2, #90: (-8, 6)
  EXPECT_EQ(q16(0), (Q16{0xc800, 0x4600, 0xc800, 0x4600, 0xc800, 0x4600, 0xc800, 0x4600}));
  set_q16(0,
          {f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne, f16::kOne});
  exec(0xfca20844);  // vcmla.f16 q0, q1, q2, #90: (1 - 8, 1 + 6)
  EXPECT_EQ(q16(0), (Q16{0xc700, 0x4700, 0xc700, 0x4700, 0xc700, 0x4700, 0xc700, 0x4700}));
}

TEST_F(MveFloatTest, ComplexMultiplyAccumulateReadsSourcesBeforeWriting) {
  // vcmla.f32 q1, q1, q2, #0 (Qda = Qn, CONSTRAINED UNPREDICTABLE; QEMU's choice): the imaginary
  // part uses the old real part of Qn, 2 + 1 * 4, not the new one.
  set_q32(1, complex_pair(f32::kOne, f32::kTwo));
  set_q32(2, complex_pair(f32::kThree, 0x40800000));
  exec(0xfc322844);
  EXPECT_EQ(q32(1), complex_pair(0x40800000, 0x40c00000));
}

TEST_F(MveFloatTest, ComplexAddInTheCoprocessorSpaceGivesNocpWhenDisabled) {
  h.core().set_fp_enabled(false);
  EXPECT_EQ(exec_until_stop(0xfc920844), cpu::StopReason::Fault);  // vcadd.f32 q0, q1, q2, #90
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
}

}  // namespace
}  // namespace minifvp::test
