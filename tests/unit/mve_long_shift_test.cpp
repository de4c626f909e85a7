// MVE scalar long shifts on general-purpose registers (cpu/exec/mve_long_shift.cpp): decoding of
// every instruction (including the rows that exist only to keep the data-processing overlaps
// strict), shift extremes and negative register amounts, rounding, saturation setting APSR.Q
// (sticky) with the #64/#48 choice, no other flag changes, no coprocessor check, conditional
// execution, and the UNPREDICTABLE register choices. Encodings from GNU as (armv8.1-m.main+mve)
// or built by hand where noted; expected values worked out by hand.
#include <gtest/gtest.h>

#include <utility>

#include "exec_test_fixture.h"

namespace minifvp::test {
namespace {

class MveLongShift : public ExecTest {
 protected:
  void run32(uint32_t raw) { run({static_cast<uint16_t>(raw >> 16), static_cast<uint16_t>(raw)}); }
  void pair(unsigned lo, unsigned hi, uint64_t value) {
    r(lo) = static_cast<uint32_t>(value);
    r(hi) = static_cast<uint32_t>(value >> 32);
  }
  uint64_t pair(unsigned lo, unsigned hi) { return (uint64_t{r(hi)} << 32) | r(lo); }
};

TEST_F(MveLongShift, EveryInstructionDecodesToItsRow) {
  const std::pair<uint32_t, const char*> cases[] = {
      {0xea50114f, "T32_LSLL_imm_T1"},
      {0xea52031f, "T32_LSRL_imm_T1"},
      {0xea54056f, "T32_ASRL_imm_T1"},
      {0xea50210d, "T32_LSLL_reg_T1"},
      {0xea54852d, "T32_ASRL_reg_T1_Rm_r8"},
      {0xea5101cf, "T32_UQSHLL_T1"},
      {0xea53031f, "T32_URSHRL_T1"},
      {0xea5919ef, "T32_SRSHRL_T1_RdaLo_r8_r10"},
      {0xea5d0b7f, "T32_SQSHLL_T1_RdaLo_r12"},
      {0xea5f018f, "T32_UQSHLL_T1_RdaLo_lr"},  // uqshll lr, r1, #2 (by hand)
      {0xea51210d, "T32_UQRSHLL_64_T1"},
      {0xea51218d, "T32_UQRSHLL_48_T1"},
      {0xea5f972d, "T32_SQRSHRL_64_T1_Rm_r9"},
      {0xea51c1ad, "T32_SQRSHRL_48_T1_Rm_r12_r14"},
      {0xea500f4f, "T32_UQSHL_T1"},
      {0xea530f1f, "T32_URSHR_T1_Rda_r1_r7"},
      {0xea542f6f, "T32_SRSHR_T1"},
      {0xea5b7fff, "T32_SQSHL_T1_Rda_r9_r11"},
      {0xea50af0d, "T32_UQRSHL_T1_Rm_r10"},
      {0xea55cf2d, "T32_SQRSHR_T1_Rm_r12_r14_Rda_odd"},
  };
  for (const auto& [raw, name] : cases) EXPECT_EQ(row_name(raw), name) << std::hex << raw;
}

TEST_F(MveLongShift, ImmediateLogicalAndArithmeticShifts) {
  set_nzcv(true, false, true, false);
  pair(0, 1, 0x00000001'80000001);
  run32(0xea50114f);  // lsll r0, r1, #5
  EXPECT_EQ(pair(0, 1), 0x00000030'00000020u);

  pair(2, 3, 0x12345678'9abcdef0);
  run32(0xea52031f);  // lsrl r2, r3, #32
  EXPECT_EQ(pair(2, 3), 0x00000000'12345678u);

  pair(4, 5, 0x80000000'00000003);
  run32(0xea54056f);  // asrl r4, r5, #1
  EXPECT_EQ(pair(4, 5), 0xc0000000'00000001u);
  EXPECT_TRUE(s().n && !s().z && s().c && !s().v && !s().q);  // flags untouched
}

TEST_F(MveLongShift, RegisterShiftsTakeTheSignedLowByte) {
  pair(0, 1, 0xffffffff'ffffffff);
  r(2) = 0xffffffc0;  // -64: logical right by 64
  run32(0xea50210d);  // lsll r0, r1, r2
  EXPECT_EQ(pair(0, 1), 0u);

  pair(0, 1, 0x00000000'87654321);
  r(2) = 0x00000120;  // 32
  run32(0xea50210d);
  EXPECT_EQ(pair(0, 1), 0x87654321'00000000u);

  pair(0, 1, 0x80000000'00000002);
  r(2) = 0xff;  // -1
  run32(0xea50210d);
  EXPECT_EQ(pair(0, 1), 0x40000000'00000001u);

  pair(4, 5, 0x80000000'00000000);
  r(8) = 0x40;        // arithmetic right by 64
  run32(0xea54852d);  // asrl r4, r5, r8
  EXPECT_EQ(pair(4, 5), 0xffffffff'ffffffffu);

  pair(4, 5, 0x40000000'00000001);
  r(8) = 0xff;  // -1: left by 1, no saturation
  run32(0xea54852d);
  EXPECT_EQ(pair(4, 5), 0x80000000'00000002u);

  r(8) = 0xc0;  // -64: left by 64
  run32(0xea54852d);
  EXPECT_EQ(pair(4, 5), 0u);
  EXPECT_FALSE(s().q);
}

TEST_F(MveLongShift, SaturatingLeftShiftsSetQ) {
  pair(0, 1, 0x1fffffff'ffffffff);
  run32(0xea5101cf);  // uqshll r0, r1, #3
  EXPECT_EQ(pair(0, 1), 0xffffffff'fffffff8u);
  EXPECT_FALSE(s().q);
  pair(0, 1, 0x20000000'00000001);
  run32(0xea5101cf);
  EXPECT_EQ(pair(0, 1), 0xffffffff'ffffffffu);
  EXPECT_TRUE(s().q);

  s().q = false;
  pair(12, 11, 0x40000000'00000000);
  run32(0xea5d0b7f);  // sqshll r12, r11, #1
  EXPECT_EQ(pair(12, 11), 0x7fffffff'ffffffffu);
  EXPECT_TRUE(s().q);
  pair(12, 11, 0xc0000000'00000000);
  run32(0xea5d0b7f);  // -2^62 << 1 = -2^63 fits
  EXPECT_EQ(pair(12, 11), 0x80000000'00000000u);
  EXPECT_TRUE(s().q);  // sticky
}

TEST_F(MveLongShift, RoundingRightShifts) {
  pair(2, 3, 0x00000001'80000000);
  run32(0xea53031f);  // urshrl r2, r3, #32
  EXPECT_EQ(pair(2, 3), 2u);

  pair(8, 9, static_cast<uint64_t>(-64));
  run32(0xea5919ef);  // srshrl r8, r9, #7
  EXPECT_EQ(pair(8, 9), 0u);
  pair(8, 9, static_cast<uint64_t>(-65));
  run32(0xea5919ef);
  EXPECT_EQ(pair(8, 9), 0xffffffff'ffffffffu);
}

TEST_F(MveLongShift, RoundingSaturatingByRegisterWith64And48BitResults) {
  pair(0, 1, 3);
  r(2) = 0xff;        // -1: rounding right by 1
  run32(0xea51210d);  // uqrshll r0, r1, #64, r2
  EXPECT_EQ(pair(0, 1), 2u);
  pair(0, 1, 0x80000000'00000000);
  r(2) = 1;
  run32(0xea51210d);
  EXPECT_EQ(pair(0, 1), 0xffffffff'ffffffffu);
  EXPECT_TRUE(s().q);

  s().q = false;
  pair(0, 1, 0x00007fff'ffffffff);
  run32(0xea51218d);  // uqrshll r0, r1, #48, r2
  EXPECT_EQ(pair(0, 1), 0x0000ffff'fffffffeu);
  EXPECT_FALSE(s().q);
  r(2) = 2;
  pair(0, 1, 0x00007fff'ffffffff);
  run32(0xea51218d);
  EXPECT_EQ(pair(0, 1), 0x0000ffff'ffffffffu);
  EXPECT_TRUE(s().q);

  s().q = false;
  pair(14, 7, static_cast<uint64_t>(-3));
  r(9) = 1;           // rounding right by 1
  run32(0xea5f972d);  // sqrshrl lr, r7, #64, r9
  EXPECT_EQ(pair(14, 7), 0xffffffff'ffffffffu);
  pair(14, 7, 0x7fffffff'ffffffff);
  r(9) = 0xff;  // left by 1
  run32(0xea5f972d);
  EXPECT_EQ(pair(14, 7), 0x7fffffff'ffffffffu);
  EXPECT_TRUE(s().q);

  s().q = false;
  pair(0, 1, 0x00000800'00000000);  // 2^43
  r(12) = 0xfc;                     // left by 4: 2^47 does not fit 48 signed bits
  run32(0xea51c1ad);                // sqrshrl r0, r1, #48, r12
  EXPECT_EQ(pair(0, 1), 0x00007fff'ffffffffu);
  EXPECT_TRUE(s().q);
  s().q = false;
  pair(0, 1, 0xffff8000'00000000);  // -2^47
  r(12) = 4;
  run32(0xea51c1ad);
  EXPECT_EQ(pair(0, 1), 0xfffff800'00000000u);
  EXPECT_FALSE(s().q);
}

TEST_F(MveLongShift, SingleRegisterForms) {
  r(0) = 0x7fffffff;
  run32(0xea500f4f);  // uqshl r0, #1
  EXPECT_EQ(r(0), 0xfffffffeu);
  EXPECT_FALSE(s().q);
  r(0) = 0x80000000;
  run32(0xea500f4f);
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_TRUE(s().q);

  r(3) = 0x80000000;
  run32(0xea530f1f);  // urshr r3, #32
  EXPECT_EQ(r(3), 1u);
  r(3) = 0x7fffffff;
  run32(0xea530f1f);
  EXPECT_EQ(r(3), 0u);

  r(4) = static_cast<uint32_t>(-256);
  run32(0xea542f6f);  // srshr r4, #9
  EXPECT_EQ(r(4), 0u);
  r(4) = static_cast<uint32_t>(-257);
  run32(0xea542f6f);
  EXPECT_EQ(r(4), 0xffffffffu);

  s().q = false;
  r(11) = 0xffffffff;
  run32(0xea5b7fff);  // sqshl r11, #31
  EXPECT_EQ(r(11), 0x80000000u);
  EXPECT_FALSE(s().q);
  r(11) = 1;
  run32(0xea5b7fff);
  EXPECT_EQ(r(11), 0x7fffffffu);
  EXPECT_TRUE(s().q);

  s().q = false;
  r(0) = 0xffffffff;
  r(10) = 0x80;       // -128: rounding right by 128
  run32(0xea50af0d);  // uqrshl r0, r10
  EXPECT_EQ(r(0), 0u);
  r(0) = 0;
  r(10) = 0x7f;  // left by 127: zero stays zero
  run32(0xea50af0d);
  EXPECT_EQ(r(0), 0u);
  EXPECT_FALSE(s().q);
  r(0) = 2;
  run32(0xea50af0d);
  EXPECT_EQ(r(0), 0xffffffffu);
  EXPECT_TRUE(s().q);

  s().q = false;
  r(5) = 0x7fffffff;
  r(12) = 0x20;       // rounding right by 32
  run32(0xea55cf2d);  // sqrshr r5, r12
  EXPECT_EQ(r(5), 0u);
  r(5) = 1;
  r(12) = 0xe0;  // left by 32
  run32(0xea55cf2d);
  EXPECT_EQ(r(5), 0x7fffffffu);
  EXPECT_TRUE(s().q);
}

TEST_F(MveLongShift, NeedsNoCoprocessorAccessAndIsConditional) {
  h.core().set_fp_enabled(false);
  pair(0, 1, 1);
  run32(0xea50114f);  // lsll r0, r1, #5
  EXPECT_EQ(pair(0, 1), 32u);

  set_nzcv(false, false, false, false);
  run({0xbf08, 0xea50, 0x114f});  // it eq; lsll r0, r1, #5 (not executed)
  EXPECT_EQ(pair(0, 1), 32u);
  s().z = true;
  run({0xbf08, 0xea50, 0x114f});
  EXPECT_EQ(pair(0, 1), 1024u);
}

TEST_F(MveLongShift, UnpredictableRegisterChoicesAreUndefined) {
  const uint32_t cases[] = {
      0xea500d4f,  // lsll r0, sp, #1 (RdaHi = SP)
      0xea500f0d,  // uqrshl r0, r0 (Rm = Rda)
      0xea5d0f4f,  // uqshl sp, #1
      0xea5f0f4f,  // uqshl pc, #1 (reaches the LR row of UQSHLL)
      0xea51010d,  // uqrshll r0, r1, #64, r0 (Rm = RdaLo)
      0xea51f10d,  // uqrshll r0, r1, #64, pc
  };
  for (uint32_t raw : cases) {
    EXPECT_EQ(run_until_stop({static_cast<uint16_t>(raw >> 16), static_cast<uint16_t>(raw)}),
              cpu::StopReason::Fault)
        << std::hex << raw;
    EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction) << std::hex << raw;
  }
}

}  // namespace
}  // namespace minifvp::test
