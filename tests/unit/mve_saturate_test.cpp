// MVE saturating doubling multiplies returning the high half (cpu/exec/mve_saturate.cpp):
// decoding of every row, every element size, rounding, saturation with FPSCR.QC, the dual
// (exchanging) forms that write only even or odd elements, and predication. Encodings from GNU as
// (armv8.1-m.main+mve); expected values worked out by hand.
#include <gtest/gtest.h>

#include <utility>

#include "mve_shift_test_fixture.h"

namespace minifvp::test {
namespace {

using MveSaturate = MveShiftFixture;

TEST_F(MveSaturate, EveryRowDecodesToItsName) {
  const std::pair<uint32_t, const char*> cases[] = {
      {0xef042b46, "T32_VQDMULH_vec_T1"},    {0xff242b46, "T32_VQRDMULH_vec_T1"},
      {0xee152e63, "T32_VQDMULH_scalar_T1"}, {0xfe052e63, "T32_VQRDMULH_scalar_T1"},
      {0xee142e63, "T32_VQDMLAH_T1"},        {0xee242e43, "T32_VQRDMLAH_T1"},
      {0xee043e63, "T32_VQDMLASH_T1"},       {0xee143e43, "T32_VQRDMLASH_T1"},
      {0xee142e06, "T32_VQDMLADH_T1"},       {0xee043e06, "T32_VQDMLADH_T1"},
      {0xee242e07, "T32_VQRDMLADH_T1"},      {0xfe142e06, "T32_VQDMLSDH_T1"},
      {0xfe243e07, "T32_VQRDMLSDH_T1"},
  };
  for (const auto& [raw, name] : cases) EXPECT_EQ(row_name(raw), name) << std::hex << raw;
}

TEST_F(MveSaturate, VqdmulhSigned8) {
  set_q<int8_t>(2, {-128, -128, 127, 64, -1, 1, 100, -50, 0, 0, 0, 0, 0, 0, 0, 0});
  set_q<int8_t>(3, {-128, 127, 127, 64, 1, 1, 100, 50, 0, 0, 0, 0, 0, 0, 0, 0});
  run32(0xef042b46);  // vqdmulh.s8 q1, q2, q3
  const int8_t expected[8] = {127, -127, 126, 32, -1, 0, 78, -20};
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(lane<int8_t>(1, i), expected[i]) << i;
  EXPECT_TRUE(qc());
}

TEST_F(MveSaturate, VqrdmulhSigned32Rounds) {
  set_q<int32_t>(2, {INT32_MIN, 0x40000000, -1, 3});
  set_q<int32_t>(3, {INT32_MIN, 0x40000000, 1, 0x40000000});
  run32(0xff242b46);  // vqrdmulh.s32 q1, q2, q3
  EXPECT_EQ(lane<int32_t>(1, 0), INT32_MAX);
  EXPECT_EQ(lane<int32_t>(1, 1), 0x20000000);
  EXPECT_EQ(lane<int32_t>(1, 2), 0);
  EXPECT_EQ(lane<int32_t>(1, 3), 2);
  EXPECT_TRUE(qc());
}

TEST_F(MveSaturate, ScalarFormsUseTheLowBitsOfRm) {
  set_q<int16_t>(2, {-32768, 32767, 1, 0, -1, 2, 3, 4});
  r(3) = 0x12348000;  // -32768
  run32(0xee152e63);  // vqdmulh.s16 q1, q2, r3
  const int16_t expected[8] = {32767, -32767, -1, 0, 1, -2, -3, -4};
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(lane<int16_t>(1, i), expected[i]) << i;
  EXPECT_TRUE(qc());

  clear_qc();
  set_q<int8_t>(2, {1, 2, -1, -2, 127, -128, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  r(3) = 0xffffff40;  // 64
  run32(0xfe052e63);  // vqrdmulh.s8 q1, q2, r3
  const int8_t rounded[7] = {1, 1, 0, -1, 64, -64, 2};
  for (unsigned i = 0; i < 7; ++i) EXPECT_EQ(lane<int8_t>(1, i), rounded[i]) << i;
  EXPECT_FALSE(qc());
}

TEST_F(MveSaturate, VqdmlahAccumulatesIntoTheHighHalf) {
  set_q<int16_t>(1, {1, 0x7fff, -0x8000, 0, 0, 0, 0, 0});
  set_q<int16_t>(2, {0x4000, 0x4000, -0x4000, 0x7fff, 0, 0, 0, 0});
  r(3) = 0x4000;
  run32(0xee142e63);  // vqdmlah.s16 q1, q2, r3
  EXPECT_EQ(lane<int16_t>(1, 0), 8193);
  EXPECT_EQ(lane<int16_t>(1, 1), 32767);
  EXPECT_EQ(lane<int16_t>(1, 2), -32768);
  EXPECT_EQ(lane<int16_t>(1, 3), 16383);
  EXPECT_TRUE(qc());

  clear_qc();
  set_q<int32_t>(1, {0, 5, INT32_MAX, 0});
  set_q<int32_t>(2, {1, 0, 1, INT32_MIN});
  r(3) = 0x40000000;
  run32(0xee242e43);  // vqrdmlah.s32 q1, q2, r3
  EXPECT_EQ(lane<int32_t>(1, 0), 1);
  EXPECT_EQ(lane<int32_t>(1, 1), 5);
  EXPECT_EQ(lane<int32_t>(1, 2), INT32_MAX);
  EXPECT_EQ(lane<int32_t>(1, 3), -0x40000000);
  EXPECT_TRUE(qc());
}

TEST_F(MveSaturate, VqdmlashAddsTheScalarAsTheHighHalf) {
  set_q<int8_t>(1, {10, 127, -128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  set_q<int8_t>(2, {10, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  r(3) = 5;
  run32(0xee043e63);  // vqdmlash.s8 q1, q2, r3
  EXPECT_EQ(lane<int8_t>(1, 0), 5);
  EXPECT_EQ(lane<int8_t>(1, 1), 127);
  EXPECT_EQ(lane<int8_t>(1, 2), -122);
  EXPECT_EQ(lane<int8_t>(1, 3), 5);
  EXPECT_TRUE(qc());

  clear_qc();
  set_q<int16_t>(1, {0, 0x100, 0x7fff, 0, 0, 0, 0, 0});
  set_q<int16_t>(2, {0, 0x100, 0x7fff, 0, 0, 0, 0, 0});
  r(3) = 0xffff;      // -1
  run32(0xee143e43);  // vqrdmlash.s16 q1, q2, r3
  EXPECT_EQ(lane<int16_t>(1, 0), -1);
  EXPECT_EQ(lane<int16_t>(1, 1), 1);
  EXPECT_EQ(lane<int16_t>(1, 2), 32765);
  EXPECT_FALSE(qc());
}

TEST_F(MveSaturate, VqdmladhWritesEvenElementsOnly) {
  set_q<int16_t>(1, {0x1111, 0x1111, 0x1111, 0x1111, 0x1111, 0x1111, 0x1111, 0x1111});
  set_q<int16_t>(2, {0x4000, 0x4000, -0x8000, -0x8000, 1, 2, 0, 0});
  set_q<int16_t>(3, {0x4000, 0x4000, -0x8000, -0x8000, 3, 4, 0, 0});
  run32(0xee142e06);  // vqdmladh.s16 q1, q2, q3
  EXPECT_EQ(lane<int16_t>(1, 0), 0x4000);
  EXPECT_EQ(lane<int16_t>(1, 1), 0x1111);
  EXPECT_EQ(lane<int16_t>(1, 2), 32767);
  EXPECT_EQ(lane<int16_t>(1, 3), 0x1111);
  EXPECT_EQ(lane<int16_t>(1, 4), 0);
  EXPECT_EQ(lane<int16_t>(1, 6), 0);
  EXPECT_TRUE(qc());
}

TEST_F(MveSaturate, VqdmladhxCrossesThePairsIntoOddElements) {
  set_q<int8_t>(1, {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
  set_q<int8_t>(2, {1, 2, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  set_q<int8_t>(3, {64, 32, 127, 127, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  run32(0xee043e06);  // vqdmladhx.s8 q1, q2, q3
  EXPECT_EQ(lane<int8_t>(1, 0), 9);
  EXPECT_EQ(lane<int8_t>(1, 1), 1);  // 2 * (2*64 + 1*32) >> 8
  EXPECT_EQ(lane<int8_t>(1, 2), 9);
  EXPECT_EQ(lane<int8_t>(1, 3), 127);
  EXPECT_EQ(lane<int8_t>(1, 5), 0);
  EXPECT_TRUE(qc());
}

TEST_F(MveSaturate, RoundingAndSubtractingDualForms) {
  set_q<int32_t>(2, {0x40000000, 1, INT32_MIN, INT32_MIN});
  set_q<int32_t>(3, {2, 1, INT32_MIN, INT32_MIN});
  run32(0xee242e07);  // vqrdmladh.s32 q1, q2, q3
  EXPECT_EQ(lane<int32_t>(1, 0), 1);
  EXPECT_EQ(lane<int32_t>(1, 2), INT32_MAX);
  EXPECT_TRUE(qc());

  clear_qc();
  set_q<int16_t>(2, {0x4000, 0x4000, -0x8000, 0x7fff, 0, 0, 0, 0});
  set_q<int16_t>(3, {0x4000, 0x2000, 0x7fff, 0x7fff, 0, 0, 0, 0});
  run32(0xfe142e06);  // vqdmlsdh.s16 q1, q2, q3
  EXPECT_EQ(lane<int16_t>(1, 0), 4096);
  EXPECT_EQ(lane<int16_t>(1, 2), -32768);
  EXPECT_TRUE(qc());

  clear_qc();
  set_q<int32_t>(1, {77, 77, 77, 77});
  set_q<int32_t>(2, {0x10000, 0x20000, 0, 0});
  set_q<int32_t>(3, {0x10000, 0x8000, 0, 0});
  run32(0xfe243e07);  // vqrdmlsdhx.s32 q1, q2, q3
  EXPECT_EQ(lane<int32_t>(1, 0), 77);
  EXPECT_EQ(lane<int32_t>(1, 1), 3);
  EXPECT_EQ(lane<int32_t>(1, 3), 0);
  EXPECT_FALSE(qc());
}

TEST_F(MveSaturate, InactiveLaneNeitherChangesNorSetsQc) {
  set_q<int8_t>(1, {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5});
  set_q<int8_t>(2, {-128, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  set_q<int8_t>(3, {-128, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  predicate(0xfffe);
  run32(0xef042b46);  // vqdmulh.s8 q1, q2, q3
  EXPECT_EQ(lane<int8_t>(1, 0), 5);
  EXPECT_EQ(lane<int8_t>(1, 1), 32);
  EXPECT_FALSE(qc());
}

TEST_F(MveSaturate, SizeElevenAndSpOperandsAreUndefined) {
  EXPECT_EQ(run_until_stop({0xef34, 0x2b46}), cpu::StopReason::Fault);  // vqdmulh, size '11'
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
  EXPECT_EQ(run_until_stop({0xee15, 0x2e6d}), cpu::StopReason::Fault);  // vqdmulh.s16 ..., sp
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::UndefinedInstruction);
}

}  // namespace
}  // namespace minifvp::test
