// MVE vector shifts (cpu/exec/mve_shift.cpp): decoding of every row, and execution at the shift
// extremes (0, the element size, negative and out-of-range amounts from registers), rounding,
// saturation with FPSCR.QC, every element size, predicated lanes, VSHLL/narrowing halves, VSHLC.
// Encodings come from GNU as (armv8.1-m.main+mve), except VQSHRN and VQSHRUN, which GAS 2.40
// assembles as VQRSHRN / VQRSHRUN: theirs follow QEMU's mve.decode (bit 0 resp. bit 28 clear).
// Expected values are worked out by hand.
#include <gtest/gtest.h>

#include <utility>

#include "mve_shift_test_fixture.h"

namespace minifvp::test {
namespace {

using MveShift = MveShiftFixture;

TEST_F(MveShift, EveryRowDecodesToItsName) {
  const std::pair<uint32_t, const char*> cases[] = {
      {0xef040442, "T32_VSHL_vec_T1_S"},     {0xff2ae44c, "T32_VSHL_vec_T1_U"},
      {0xef162454, "T32_VQSHL_vec_T1_S"},    {0xff062544, "T32_VRSHL_vec_T1_U"},
      {0xef262554, "T32_VQRSHL_vec_T1_S"},   {0xee357e64, "T32_VSHL_reg_T1_S"},
      {0xfe3b7e64, "T32_VRSHL_reg_T1_U"},    {0xee317ee4, "T32_VQSHL_reg_T1_S"},
      {0xfe377ee4, "T32_VQRSHL_reg_T1_U"},   {0xef8b2554, "T32_VSHL_imm_T1_8"},
      {0xef9f2554, "T32_VSHL_imm_T1_16"},    {0xefa02554, "T32_VSHL_imm_T1_32"},
      {0xef8f2754, "T32_VQSHL_imm_T1_8_S"},  {0xff912754, "T32_VQSHL_imm_T1_16_U"},
      {0xefbf2754, "T32_VQSHL_imm_T1_32_S"}, {0xff8a2654, "T32_VQSHLU_T1_8"},
      {0xef882054, "T32_VSHR_T1_8_S"},       {0xff9f2054, "T32_VSHR_T1_16_U"},
      {0xefa02054, "T32_VSHR_T1_32_S"},      {0xff882254, "T32_VRSHR_T1_8_U"},
      {0xefbb2254, "T32_VRSHR_T1_32_S"},     {0xff882454, "T32_VSRI_T1_8"},
      {0xffbf2454, "T32_VSRI_T1_32"},        {0xff902554, "T32_VSLI_T1_16"},
      {0xffbf2554, "T32_VSLI_T1_32"},        {0xeeab2f44, "T32_VSHLL_T1_8_S"},
      {0xfebf3f44, "T32_VSHLL_T1_16_U"},     {0xfe312e05, "T32_VSHLLB_T2_U"},
      {0xee353e05, "T32_VSHLLT_T2_S"},       {0xee882fc5, "T32_VSHRN_T1_8"},
      {0xee9f3fc5, "T32_VSHRN_T1_16"},       {0xfe8d2fc5, "T32_VRSHRN_T1_8"},
      {0xee882f44, "T32_VQSHRN_T1_8_S"},     {0xfe903f44, "T32_VQSHRN_T1_16_U"},
      {0xfe8f2f45, "T32_VQRSHRN_T1_8_U"},    {0xee8c2fc4, "T32_VQSHRUN_T1_8"},
      {0xfe993fc4, "T32_VQRSHRUN_T1_16"},    {0xeea02fc3, "T32_VSHLC_T1"},
      {0xeea12fc3, "T32_VSHLC_T1"},
  };
  for (const auto& [raw, name] : cases) EXPECT_EQ(row_name(raw), name) << std::hex << raw;
}

TEST_F(MveShift, VshlByVectorSigned8UsesTheLowByteAndTruncates) {
  set_q<int8_t>(1, {1, -1, 0x40, -128, 5, 127, -2, 3, 1, -100, 100, 7, -7, 64, 1, -1});
  set_q<int8_t>(2, {0, 1, 1, 1, -1, -7, -8, 8, 7, -9, 127, -128, 2, -2, 100, -100});
  run32(0xef040442);  // vshl.s8 q0, q1, q2
  const int8_t expected[16] = {1, -2, -128, 0, 2, 0, -1, 0, -128, -1, 0, 0, -28, 16, 0, -1};
  for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(lane<int8_t>(0, i), expected[i]) << i;
  EXPECT_FALSE(qc());
}

TEST_F(MveShift, VshlByVectorUnsigned32ShiftsLogically) {
  set_q<uint32_t>(6, {0x80000001, 0xffffffff, 1, 0x12345678});
  set_q<uint32_t>(5, {0x7f000101, 0x000000ff, 31, 0xfffffff0});  // 1, -1, 31, -16
  run32(0xff2ae44c);                                             // vshl.u32 q7, q6, q5
  EXPECT_EQ(lane<uint32_t>(7, 0), 0x00000002u);
  EXPECT_EQ(lane<uint32_t>(7, 1), 0x7fffffffu);
  EXPECT_EQ(lane<uint32_t>(7, 2), 0x80000000u);
  EXPECT_EQ(lane<uint32_t>(7, 3), 0x00001234u);
}

TEST_F(MveShift, VqshlByVectorSaturatesAndSetsQc) {
  set_q<int16_t>(2, {1, 0x4000, -0x4000, -0x4001, 0x7fff, -1, 3, 0});
  set_q<int16_t>(3, {15, 1, 1, 1, -15, 16, -2, 100});
  run32(0xef162454);  // vqshl.s16 q1, q2, q3
  const int16_t expected[8] = {0x7fff, 0x7fff, -0x8000, -0x8000, 0, -0x8000, 0, 0};
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(lane<int16_t>(1, i), expected[i]) << i;
  EXPECT_TRUE(qc());
}

TEST_F(MveShift, VrshlUnsignedRoundsIncludingAShiftByTheWholeElement) {
  set_q<uint8_t>(2, {0x80, 0x80, 0xff, 0x7f, 0x01, 0x03, 0xff, 0x10, 9, 0, 0, 0, 0, 0, 0, 0});
  set_q<int8_t>(3, {-8, -9, -8, -8, -1, -1, 1, -4, 0, 0, 0, 0, 0, 0, 0, 0});
  run32(0xff062544);  // vrshl.u8 q1, q2, q3
  const uint8_t expected[9] = {1, 0, 1, 0, 1, 2, 0xfe, 1, 9};
  for (unsigned i = 0; i < 9; ++i) EXPECT_EQ(lane<uint8_t>(1, i), expected[i]) << i;
  EXPECT_FALSE(qc());
}

TEST_F(MveShift, VqrshlSigned32RoundsAndSaturates) {
  set_q<int32_t>(2, {0x7fffffff, INT32_MIN, 0x40000000, -3});
  set_q<int32_t>(3, {-1, -32, 1, -1});
  run32(0xef262554);  // vqrshl.s32 q1, q2, q3
  EXPECT_EQ(lane<int32_t>(1, 0), 0x40000000);
  EXPECT_EQ(lane<int32_t>(1, 1), 0);
  EXPECT_EQ(lane<int32_t>(1, 2), 0x7fffffff);
  EXPECT_EQ(lane<int32_t>(1, 3), -1);
  EXPECT_TRUE(qc());
}

TEST_F(MveShift, ShiftByRegisterUsesOnlyTheLowByteOfRm) {
  set_q<int16_t>(3, {1, -1, 0x100, 0x7fff, 0, 0, 0, 0});
  r(4) = 0x12345603;
  run32(0xee357e64);  // vshl.s16 q3, r4
  EXPECT_EQ(lane<int16_t>(3, 0), 8);
  EXPECT_EQ(lane<int16_t>(3, 1), -8);
  EXPECT_EQ(lane<int16_t>(3, 2), 0x800);
  EXPECT_EQ(lane<int16_t>(3, 3), -8);  // 0x7fff << 3 = 0x3fff8, low half 0xfff8
}

TEST_F(MveShift, ShiftByRegisterRoundingAndSaturatingForms) {
  set_q<uint32_t>(3, {0x80000000, 0x7fffffff, 0xffffffff, 0});
  r(4) = 0xe0;        // -32
  run32(0xfe3b7e64);  // vrshl.u32 q3, r4
  EXPECT_EQ(lane<uint32_t>(3, 0), 1u);
  EXPECT_EQ(lane<uint32_t>(3, 1), 0u);
  EXPECT_EQ(lane<uint32_t>(3, 2), 1u);
  EXPECT_EQ(lane<uint32_t>(3, 3), 0u);

  set_q<uint16_t>(3, {0xffff, 1, 2, 3, 0, 0, 0, 0});
  r(4) = 0xff;        // -1
  run32(0xfe377ee4);  // vqrshl.u16 q3, r4
  EXPECT_EQ(lane<uint16_t>(3, 0), 0x8000);
  EXPECT_EQ(lane<uint16_t>(3, 1), 1);
  EXPECT_EQ(lane<uint16_t>(3, 2), 1);
  EXPECT_EQ(lane<uint16_t>(3, 3), 2);
  EXPECT_FALSE(qc());

  set_q<int8_t>(3, {1, 0, -1, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  r(4) = 7;
  run32(0xee317ee4);  // vqshl.s8 q3, r4
  EXPECT_EQ(lane<int8_t>(3, 0), 127);
  EXPECT_EQ(lane<int8_t>(3, 1), 0);
  EXPECT_EQ(lane<int8_t>(3, 2), -128);
  EXPECT_EQ(lane<int8_t>(3, 3), -128);
  EXPECT_TRUE(qc());
}

TEST_F(MveShift, ImmediateLeftShifts) {
  set_q<uint8_t>(2, {0x1f, 0x20, 0xff, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  run32(0xef8b2554);  // vshl.i8 q1, q2, #3
  EXPECT_EQ(lane<uint8_t>(1, 0), 0xf8);
  EXPECT_EQ(lane<uint8_t>(1, 1), 0x00);
  EXPECT_EQ(lane<uint8_t>(1, 2), 0xf8);
  EXPECT_EQ(lane<uint8_t>(1, 3), 0x08);

  set_q<uint16_t>(2, {1, 3, 0x8000, 0, 0, 0, 0, 0});
  run32(0xef9f2554);  // vshl.i16 q1, q2, #15
  EXPECT_EQ(lane<uint16_t>(1, 0), 0x8000);
  EXPECT_EQ(lane<uint16_t>(1, 1), 0x8000);
  EXPECT_EQ(lane<uint16_t>(1, 2), 0);

  set_q<uint32_t>(2, {0xdeadbeef, 1, 2, 3});
  run32(0xefa02554);  // vshl.i32 q1, q2, #0
  EXPECT_EQ(lane<uint32_t>(1, 0), 0xdeadbeefu);
  EXPECT_EQ(lane<uint32_t>(1, 3), 3u);
}

TEST_F(MveShift, ImmediateSaturatingLeftShifts) {
  set_q<int32_t>(2, {0, -1, 0, 0});
  run32(0xefbf2754);  // vqshl.s32 q1, q2, #31: -1 << 31 fits
  EXPECT_EQ(lane<int32_t>(1, 1), INT32_MIN);
  EXPECT_FALSE(qc());

  set_q<int8_t>(2, {1, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  run32(0xef8f2754);  // vqshl.s8 q1, q2, #7
  EXPECT_EQ(lane<int8_t>(1, 0), 127);
  EXPECT_EQ(lane<int8_t>(1, 2), -128);
  EXPECT_TRUE(qc());

  clear_qc();
  set_q<uint16_t>(2, {0x8000, 0x7fff, 0, 0, 0, 0, 0, 0});
  run32(0xff912754);  // vqshl.u16 q1, q2, #1
  EXPECT_EQ(lane<uint16_t>(1, 0), 0xffff);
  EXPECT_EQ(lane<uint16_t>(1, 1), 0xfffe);
  EXPECT_TRUE(qc());

  clear_qc();
  set_q<int8_t>(2, {-1, 0x3f, 0x40, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  run32(0xff8a2654);  // vqshlu.s8 q1, q2, #2
  EXPECT_EQ(lane<uint8_t>(1, 0), 0);
  EXPECT_EQ(lane<uint8_t>(1, 1), 0xfc);
  EXPECT_EQ(lane<uint8_t>(1, 2), 0xff);
  EXPECT_EQ(lane<uint8_t>(1, 3), 0x80);
  EXPECT_TRUE(qc());
}

TEST_F(MveShift, ImmediateRightShiftsUpToTheElementSize) {
  set_q<int8_t>(2, {-128, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  run32(0xef882054);  // vshr.s8 q1, q2, #8
  EXPECT_EQ(lane<int8_t>(1, 0), -1);
  EXPECT_EQ(lane<int8_t>(1, 1), 0);

  set_q<uint16_t>(2, {0x8001, 0, 0, 0, 0, 0, 0, 0});
  run32(0xff9f2054);  // vshr.u16 q1, q2, #1
  EXPECT_EQ(lane<uint16_t>(1, 0), 0x4000);

  set_q<int32_t>(2, {-5, 5, 0, 0});
  run32(0xefa02054);  // vshr.s32 q1, q2, #32
  EXPECT_EQ(lane<int32_t>(1, 0), -1);
  EXPECT_EQ(lane<int32_t>(1, 1), 0);

  set_q<uint8_t>(2, {0x80, 0x7f, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  run32(0xff882254);  // vrshr.u8 q1, q2, #8
  EXPECT_EQ(lane<uint8_t>(1, 0), 1);
  EXPECT_EQ(lane<uint8_t>(1, 1), 0);
  EXPECT_EQ(lane<uint8_t>(1, 2), 1);

  set_q<int32_t>(2, {-16, -17, 48, 47});
  run32(0xefbb2254);  // vrshr.s32 q1, q2, #5
  EXPECT_EQ(lane<int32_t>(1, 0), 0);
  EXPECT_EQ(lane<int32_t>(1, 1), -1);
  EXPECT_EQ(lane<int32_t>(1, 2), 2);
  EXPECT_EQ(lane<int32_t>(1, 3), 1);
  EXPECT_FALSE(qc());
}

TEST_F(MveShift, ShiftAndInsert) {
  set_q<uint8_t>(1, {0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a,
                     0x5a, 0x5a, 0x5a});
  set_q<uint8_t>(2, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                     0xff, 0xff, 0xff});
  run32(0xff882454);  // vsri.8 q1, q2, #8: nothing inserted
  EXPECT_EQ(lane<uint8_t>(1, 7), 0x5a);

  set_q<uint32_t>(1, {0xffffffff, 0, 0, 0});
  set_q<uint32_t>(2, {0x00000002, 0xffffffff, 0, 0});
  run32(0xffbf2454);  // vsri.32 q1, q2, #1
  EXPECT_EQ(lane<uint32_t>(1, 0), 0x80000001u);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0x7fffffffu);

  set_q<uint16_t>(1, {0x1111, 0x2222, 0, 0, 0, 0, 0, 0});
  set_q<uint16_t>(2, {0xabcd, 0x1234, 0, 0, 0, 0, 0, 0});
  run32(0xff902554);  // vsli.16 q1, q2, #0: Qm replaces Qd
  EXPECT_EQ(lane<uint16_t>(1, 0), 0xabcd);
  EXPECT_EQ(lane<uint16_t>(1, 1), 0x1234);

  set_q<uint32_t>(1, {0x12345678, 0xffffffff, 0, 0});
  set_q<uint32_t>(2, {0x00000003, 0x00000002, 0, 0});
  run32(0xffbf2554);  // vsli.32 q1, q2, #31
  EXPECT_EQ(lane<uint32_t>(1, 0), 0x92345678u);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0x7fffffffu);
}

TEST_F(MveShift, VshllTakesTheBottomOrTopHalves) {
  set_q<uint8_t>(2, {0x81, 0x55, 0x10, 0x66, 0xff, 0, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0, 0x80});
  run32(0xeeab2f44);  // vshllb.s8 q1, q2, #3
  EXPECT_EQ(lane<int16_t>(1, 0), -127 * 8);
  EXPECT_EQ(lane<int16_t>(1, 1), 0x80);
  EXPECT_EQ(lane<int16_t>(1, 2), -8);
  EXPECT_EQ(lane<int16_t>(1, 3), 0x7f * 8);

  set_q<uint16_t>(2, {0x1111, 0xffff, 0x2222, 0x0001, 0, 0x8000, 0, 0});
  run32(0xfebf3f44);  // vshllt.u16 q1, q2, #15
  EXPECT_EQ(lane<uint32_t>(1, 0), 0x7fff8000u);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0x00008000u);
  EXPECT_EQ(lane<uint32_t>(1, 2), 0x40000000u);

  set_q<uint8_t>(2, {0xff, 0x11, 0x01, 0x22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  run32(0xfe312e05);  // vshllb.u8 q1, q2, #8
  EXPECT_EQ(lane<uint16_t>(1, 0), 0xff00);
  EXPECT_EQ(lane<uint16_t>(1, 1), 0x0100);

  set_q<int16_t>(2, {0x1234, -1, 0x1234, 0x7fff, 0, 0, 0, 0});
  run32(0xee353e05);  // vshllt.s16 q1, q2, #16
  EXPECT_EQ(lane<uint32_t>(1, 0), 0xffff0000u);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0x7fff0000u);
}

TEST_F(MveShift, NarrowingShiftsWriteOnlyTheirHalf) {
  set_q<uint8_t>(1, {0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55,
                     0x55, 0x55, 0x55});
  set_q<uint16_t>(2, {0x1234, 0xabcd, 0, 0, 0, 0, 0, 0xffff});
  run32(0xee882fc5);  // vshrnb.i16 q1, q2, #8
  EXPECT_EQ(lane<uint8_t>(1, 0), 0x12);
  EXPECT_EQ(lane<uint8_t>(1, 1), 0x55);
  EXPECT_EQ(lane<uint8_t>(1, 2), 0xab);
  EXPECT_EQ(lane<uint8_t>(1, 3), 0x55);
  EXPECT_EQ(lane<uint8_t>(1, 14), 0xff);

  set_q<uint32_t>(2, {0x00030002, 0, 0, 0});
  run32(0xee9f3fc5);  // vshrnt.i32 q1, q2, #1
  EXPECT_EQ(lane<uint16_t>(1, 0), 0x5512);
  EXPECT_EQ(lane<uint16_t>(1, 1), 0x8001);

  set_q<uint16_t>(2, {0x000c, 0x0003, 0x0004, 0, 0, 0, 0, 0});
  run32(0xfe8d2fc5);  // vrshrnb.i16 q1, q2, #3
  EXPECT_EQ(lane<uint8_t>(1, 0), 2);
  EXPECT_EQ(lane<uint8_t>(1, 2), 0);
  EXPECT_EQ(lane<uint8_t>(1, 4), 1);
  EXPECT_FALSE(qc());
}

TEST_F(MveShift, SaturatingNarrowingShifts) {
  set_q<int16_t>(2, {0x7fff, -0x8000, 0x0100, -0x81, 0, 0, 0, 0});
  run32(0xee882f44);  // vqshrnb.s16 q1, q2, #8
  EXPECT_EQ(lane<int8_t>(1, 0), 0x7f);
  EXPECT_EQ(lane<int8_t>(1, 2), -128);
  EXPECT_EQ(lane<int8_t>(1, 4), 1);
  EXPECT_EQ(lane<int8_t>(1, 6), -1);
  EXPECT_FALSE(qc());

  set_q<uint32_t>(2, {0xffffffff, 0x00010000, 0, 0});
  run32(0xfe903f44);  // vqshrnt.u32 q1, q2, #16
  EXPECT_EQ(lane<uint16_t>(1, 1), 0xffff);
  EXPECT_EQ(lane<uint16_t>(1, 3), 1);
  EXPECT_FALSE(qc());

  set_q<uint16_t>(2, {0xffff, 0x01fe, 0x0003, 0, 0, 0, 0, 0});
  run32(0xfe8f2f45);  // vqrshrnb.u16 q1, q2, #1
  EXPECT_EQ(lane<uint8_t>(1, 0), 0xff);
  EXPECT_EQ(lane<uint8_t>(1, 2), 0xff);
  EXPECT_EQ(lane<uint8_t>(1, 4), 2);
  EXPECT_TRUE(qc());

  clear_qc();
  set_q<int16_t>(2, {-16, 0x0ff0, 0x1000, 0, 0, 0, 0, 0});
  run32(0xee8c2fc4);  // vqshrunb.s16 q1, q2, #4
  EXPECT_EQ(lane<uint8_t>(1, 0), 0);
  EXPECT_EQ(lane<uint8_t>(1, 2), 0xff);
  EXPECT_EQ(lane<uint8_t>(1, 4), 0xff);
  EXPECT_TRUE(qc());

  clear_qc();
  set_q<int32_t>(2, {0x40, -1, 0x7fffffff, 0});
  run32(0xfe993fc4);  // vqrshrunt.s32 q1, q2, #7
  EXPECT_EQ(lane<uint16_t>(1, 1), 1);
  EXPECT_EQ(lane<uint16_t>(1, 3), 0);
  EXPECT_EQ(lane<uint16_t>(1, 5), 0xffff);
  EXPECT_TRUE(qc());
}

TEST_F(MveShift, SaturationInAnInactiveLaneLeavesQcAndTheLaneAlone) {
  set_q<uint8_t>(1, {0x55, 0x55, 0x55, 0x55, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  set_q<uint16_t>(2, {0xffff, 0x0003, 0, 0, 0, 0, 0, 0});
  predicate(0xfffc);  // element 0 (bytes 0-1) inactive
  run32(0xfe8f2f45);  // vqrshrnb.u16 q1, q2, #1
  EXPECT_EQ(lane<uint8_t>(1, 0), 0x55);
  EXPECT_EQ(lane<uint8_t>(1, 2), 2);
  EXPECT_FALSE(qc());
}

TEST_F(MveShift, PredicatedAndTailPredicatedLanesAreUntouched) {
  set_q<uint8_t>(1, {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
  set_q<uint8_t>(2, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
  predicate(0x00ff);
  run32(0xef8b2554);  // vshl.i8 q1, q2, #3
  EXPECT_EQ(lane<uint8_t>(1, 7), 8);
  EXPECT_EQ(lane<uint8_t>(1, 8), 9);
  // The one-instruction VPT block ended: both masks are clear.
  EXPECT_EQ(s().vpr & (cpu::exec::mve::kVprMask01 | cpu::exec::mve::kVprMask23), 0u);

  set_q<uint32_t>(1, {7, 7, 7, 7});
  set_q<uint32_t>(2, {1, 2, 3, 4});
  cpu::exec::mve::set_ltpsize(s(), 2);  // 32-bit elements, LR = 3 left
  r(14) = 3;
  run32(0xefa02054);  // vshr.s32 q1, q2, #32
  EXPECT_EQ(lane<uint32_t>(1, 2), 0u);
  EXPECT_EQ(lane<uint32_t>(1, 3), 7u);
}

TEST_F(MveShift, VshlcCarriesAcrossWordsThroughRdm) {
  set_q<uint32_t>(1, {0xa, 0xb, 0xc, 0xd});
  r(3) = 0xe;
  run32(0xeea02fc3);  // vshlc q1, r3, #32
  EXPECT_EQ(lane<uint32_t>(1, 0), 0xeu);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0xau);
  EXPECT_EQ(lane<uint32_t>(1, 3), 0xcu);
  EXPECT_EQ(r(3), 0xdu);

  set_q<uint32_t>(1, {0x80000001, 0x7fffffff, 0, 0xffffffff});
  r(3) = 0xfffffffe;
  run32(0xeea12fc3);  // vshlc q1, r3, #1
  EXPECT_EQ(lane<uint32_t>(1, 0), 2u);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0xffffffffu);
  EXPECT_EQ(lane<uint32_t>(1, 2), 0u);
  EXPECT_EQ(lane<uint32_t>(1, 3), 0xfffffffeu);
  EXPECT_EQ(r(3), 1u);
}

TEST_F(MveShift, VshlcInactiveWordsNeitherChangeNorPassTheirCarry) {
  set_q<uint32_t>(1, {0x80000001, 0x80000000, 0x80000000, 0x1});
  r(3) = 0;
  predicate(0x0f0f);
  run32(0xeea12fc3);  // vshlc q1, r3, #1
  EXPECT_EQ(lane<uint32_t>(1, 0), 2u);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0x80000000u);
  EXPECT_EQ(lane<uint32_t>(1, 2), 1u);
  EXPECT_EQ(lane<uint32_t>(1, 3), 1u);
  EXPECT_EQ(r(3), 1u);
}

TEST_F(MveShift, UndefinedFieldsAndDisabledFpu) {
  // vshl.s8 with size '11': UNDEFINED once the FPU is enabled, NOCP while it is disabled.
  EXPECT_EQ(run_until_stop({0xef34, 0x0442}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
  h.core().set_fp_enabled(false);
  EXPECT_EQ(run_until_stop({0xef34, 0x0442}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
  EXPECT_EQ(run_until_stop({0xef04, 0x0442}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
}

}  // namespace
}  // namespace minifvp::test
