// MVE data movement executed from its encodings (arm-none-eabi-as -march=armv8.1-m.main+mve):
// every row's name, VDUP, the lane moves (8/16/32-bit, sign and zero extension), the two-lane
// moves, VREV16/32/64, the narrowing moves (saturation and FPSCR.QC) and VMOVL, with predication.
// Expected values are computed in the test from the Armv8.1-M pseudocode.
#include <array>

#include "cpu/exec/fp_common.h"
#include "cpu/exec/mve_common.h"
#include "mve_test_fixture.h"

namespace minifvp::test {
namespace {

namespace mve = cpu::exec::mve;
constexpr uint32_t kQc = 1u << 27;

class MveMove : public MveFixture {
 protected:
  void set_q(unsigned q, std::array<uint32_t, 4> words) {
    for (unsigned i = 0; i < 4; ++i) s().s[4 * q + i] = words[i];
  }
  // Q2 = bytes 0x80, 0x81, ... 0x8f plus `bias` per byte (a recognisable source).
  void set_source(unsigned q, uint8_t first) {
    mve::Vector v;
    for (unsigned i = 0; i < 16; ++i) v.bytes[i] = static_cast<uint8_t>(first + 17 * i);
    mve::write_q(s(), q, v);
  }
  mve::Vector q(unsigned n) { return mve::read_q(s(), n); }
  uint32_t qw(unsigned n, unsigned i) { return s().s[4 * n + i]; }
};

struct Row {
  uint32_t raw;
  const char* name;
};

// clang-format off
constexpr Row kRows[] = {
    {0xeee23b10, "T32_VDUP_T1"},            // vdup.8 q1, r3
    {0xeea44b30, "T32_VDUP_T1"},            // vdup.16 q2, r4
    {0xeeae0b10, "T32_VDUP_T1"},            // vdup.32 q7, r0
    {0xee633b30, "T32_VMOV_scalar_T1"},     // vmov.8 q1[13], r3
    {0xee033b70, "T32_VMOV_scalar_T1"},     // vmov.16 q1[5], r3
    {0xee233b10, "T32_VMOV_scalar_T1"},     // vmov.32 q1[3], r3
    {0xee733b30, "T32_VMOV_scalar_T1"},     // vmov.s8 r3, q1[13]
    {0xeef33b30, "T32_VMOV_scalar_T1"},     // vmov.u8 r3, q1[13]
    {0xee133b70, "T32_VMOV_scalar_T1"},     // vmov.s16 r3, q1[5]
    {0xee933b70, "T32_VMOV_scalar_T1"},     // vmov.u16 r3, q1[5]
    {0xee333b10, "T32_VMOV_scalar_T1"},     // vmov.32 r3, q1[3]
    {0xec042f03, "T32_VMOV_two_lanes_T1"},  // vmov r3, r4, q1[2], q1[0]
    {0xec142f03, "T32_VMOV_two_lanes_T1"},  // vmov q1[2], q1[0], r3, r4
    {0xffb02144, "T32_VREV16_T1"},          // vrev16.8 q1, q2
    {0xffb420c4, "T32_VREV32_T1"},          // vrev32.16 q1, q2
    {0xffb82044, "T32_VREV64_T1"},          // vrev64.32 q1, q2
    {0xfe312e85, "T32_VMOVNB_T1"},           // vmovnb.i16 q1, q2
    {0xfe353e85, "T32_VMOVNT_T1"},           // vmovnt.i32 q1, q2
    {0xee312e85, "T32_VQMOVUNB_T1"},         // vqmovunb.s16 q1, q2
    {0xee353e85, "T32_VQMOVUNT_T1"},         // vqmovunt.s32 q1, q2
    {0xee332e05, "T32_VQMOVNB_S_T1"},        // vqmovnb.s16 q1, q2
    {0xee373e05, "T32_VQMOVNT_S_T1"},        // vqmovnt.s32 q1, q2
    {0xfe332e05, "T32_VQMOVNB_U_T1"},        // vqmovnb.u16 q1, q2
    {0xfe373e05, "T32_VQMOVNT_U_T1"},        // vqmovnt.u32 q1, q2
    {0xeea82f44, "T32_VMOVL_8_S_T1"},       // vmovlb.s8 q1, q2
    {0xfea82f44, "T32_VMOVL_8_U_T1"},       // vmovlb.u8 q1, q2
    {0xeeb02f44, "T32_VMOVL_16_S_T1"},      // vmovlb.s16 q1, q2
    {0xfeb03f44, "T32_VMOVL_16_U_T1"},      // vmovlt.u16 q1, q2
};

constexpr uint32_t kUndefined[] = {
    0xeee2db10,  // vdup.8 q1, sp
    0xeee23b30,  // vdup with B:E = 11
    0xee133b50,  // vmov lane opc1:opc2 = 0x10 (reserved)
    0xeeb33b10,  // vmov.u32 r3, ... (U = 1 on a word)
    0xee333b90,  // vmov.32 r3, d19[1] (N = 1: D16-D31 do not exist)
    0xec032f03,  // vmov r3, r3, q1[2], q1[0] (Rt = Rt2)
    0xffb42144,  // vrev16.16
    0xffb82044 | 0x00400000,  // vrev64.32 with D = 1
};
// clang-format on

TEST_F(MveMove, EveryRowDecodes) {
  expect_rows_decode(kRows, kUndefined);
  // Size 1x of the narrowing moves is not theirs (VQMOVN's size 11 is VCVTB/VCVTT F16<->F32).
  EXPECT_NE(row_name(0xfe392e85), "T32_VMOVNB_T1");
  EXPECT_NE(row_name(0xee3f2e05), "T32_VQMOVNB_S_T1");  // vcvtb.f16.f32 q1, q2
}

TEST_F(MveMove, VdupAllSizesAndPredication) {
  r(3) = 0x123456ab;
  run({0xeee2, 0x3b10});  // vdup.8 q1, r3
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(1, i), 0xabababab);
  r(4) = 0xfedc9876;
  run({0xeea4, 0x4b30});  // vdup.16 q2, r4
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(2, i), 0x98769876);
  r(0) = 0x13579bdf;
  set_q(7, {1, 2, 3, 4});
  predicate(0x3c0f);      // bytes 0-3 and 10-13: word 0, the top of word 2, the bottom of word 3
  run({0xeeae, 0x0b10});  // vdup.32 q7, r0
  EXPECT_EQ(qw(7, 0), 0x13579bdfu);
  EXPECT_EQ(qw(7, 1), 2u);
  EXPECT_EQ(qw(7, 2), 0x13570003u);
  EXPECT_EQ(qw(7, 3), 0x00009bdfu);
}

TEST_F(MveMove, LaneMovesToAndFromGeneralRegisters) {
  set_q(1, {0x03020100, 0x07060504, 0x0b0a0908, 0x8f0e8d0c});
  run({0xee73, 0x3b30});  // vmov.s8 r3, q1[13]: byte 13 = 0x8d
  EXPECT_EQ(r(3), 0xffffff8du);
  run({0xeef3, 0x3b30});  // vmov.u8 r3, q1[13]
  EXPECT_EQ(r(3), 0x8du);
  set_q(1, {0, 0, 0x8001f00d, 0});
  run({0xee13, 0x3b70});  // vmov.s16 r3, q1[5]: halfword 5 = 0x8001
  EXPECT_EQ(r(3), 0xffff8001u);
  run({0xee93, 0x3b70});  // vmov.u16 r3, q1[5]
  EXPECT_EQ(r(3), 0x8001u);
  set_q(1, {0, 0, 0, 0xcafef00d});
  run({0xee33, 0x3b10});  // vmov.32 r3, q1[3]
  EXPECT_EQ(r(3), 0xcafef00du);
  set_q(1, {0x11111111, 0x22222222, 0x33333333, 0x44444444});
  r(3) = 0xabcdef99;
  run({0xee63, 0x3b30});  // vmov.8 q1[13], r3
  EXPECT_EQ(qw(1, 3), 0x44449944u);
  run({0xee03, 0x3b70});  // vmov.16 q1[5], r3
  EXPECT_EQ(qw(1, 2), 0xef993333u);
  run({0xee23, 0x3b10});  // vmov.32 q1[3], r3
  EXPECT_EQ(qw(1, 3), 0xabcdef99u);
  EXPECT_EQ(qw(1, 0), 0x11111111u);
}

TEST_F(MveMove, TwoLaneMoves) {
  set_q(1, {0xa0, 0xa1, 0xa2, 0xa3});
  run({0xec04, 0x2f03});  // vmov r3, r4, q1[2], q1[0]: Rt gets lane idx, Rt2 lane idx + 2 (QEMU)
  EXPECT_EQ(r(3), 0xa0u);
  EXPECT_EQ(r(4), 0xa2u);
  run({0xec04, 0x2f13});  // vmov r3, r4, q1[3], q1[1]
  EXPECT_EQ(r(3), 0xa1u);
  EXPECT_EQ(r(4), 0xa3u);
  r(0) = 0x100;
  r(12) = 0x200;
  set_q(7, {1, 2, 3, 4});
  run({0xec1c, 0xef10});  // vmov q7[3], q7[1], r0, r12
  EXPECT_EQ(qw(7, 1), 0x100u);
  EXPECT_EQ(qw(7, 3), 0x200u);
  EXPECT_EQ(qw(7, 0), 1u);
  EXPECT_EQ(qw(7, 2), 3u);
}

// VREV<container>.<element>: byte b of the result is byte b' of the source where the element
// index inside the container is mirrored.
TEST_F(MveMove, VrevAllForms) {
  struct Form {
    uint16_t hw1, hw2;
    unsigned container, esize;
  };
  const Form forms[] = {{0xffb0, 0x2144, 2, 1}, {0xffb0, 0x20c4, 4, 1}, {0xffb4, 0x20c4, 4, 2},
                        {0xffb0, 0x2044, 8, 1}, {0xffb4, 0x2044, 8, 2}, {0xffb8, 0x2044, 8, 4}};
  set_source(2, 0x05);
  for (const Form& f : forms) {
    run({f.hw1, f.hw2});
    for (unsigned b = 0; b < 16; ++b) {
      const unsigned base = b / f.container * f.container;
      const unsigned e = (b - base) / f.esize, within = (b - base) % f.esize;
      const unsigned from = base + (f.container / f.esize - 1 - e) * f.esize + within;
      EXPECT_EQ(q(1).bytes[b], q(2).bytes[from]) << f.container << "/" << f.esize << " " << b;
    }
  }
  set_q(1, {0, 0, 0, 0});
  predicate(0x00f0);
  run({0xffb8, 0x2044});  // vrev64.32 q1, q2, only word 1 active
  EXPECT_EQ(qw(1, 1), q(2).lane<uint32_t>(0));
  EXPECT_EQ(qw(1, 0), 0u);
  EXPECT_EQ(qw(1, 3), 0u);
}

TEST_F(MveMove, VmovnBottomAndTop) {
  set_q(2, {0x8001ff7f, 0x12345678, 0x00800100, 0xabcdef01});
  set_q(1, {0xeeeeeeee, 0xeeeeeeee, 0xeeeeeeee, 0xeeeeeeee});
  run({0xfe31, 0x2e85});  // vmovnb.i16 q1, q2: low byte of each halfword to even bytes
  EXPECT_EQ(qw(1, 0), 0xee01ee7fu);
  EXPECT_EQ(qw(1, 1), 0xee34ee78u);
  EXPECT_EQ(qw(1, 3), 0xeecdee01u);
  run({0xfe35, 0x3e85});  // vmovnt.i32 q1, q2: low halfword of each word to odd halfwords
  EXPECT_EQ(qw(1, 0), 0xff7fee7fu);
  EXPECT_EQ(qw(1, 1), 0x5678ee78u);
  EXPECT_EQ(qw(1, 3), 0xef01ee01u);
  EXPECT_EQ(s().fpscr & kQc, 0u);
}

TEST_F(MveMove, SaturatingNarrowsSetQc) {
  // Halfwords: 0x7fff, 0x8001 (-32767), 0x0040, 0xff80 (-128), 0x007f, 0x0100, 0xffff, 0x0000
  set_q(2, {0x80017fff, 0xff800040, 0x0100007f, 0x0000ffff});
  set_q(1, {0, 0, 0, 0});
  run({0xee33, 0x2e05});  // vqmovnb.s16 q1, q2
  const int8_t signed_expected[8] = {127, -128, 0x40, -128, 0x7f, 127, -1, 0};
  for (unsigned i = 0; i < 8; ++i) {
    EXPECT_EQ(q(1).lane<int8_t>(2 * i), signed_expected[i]) << i;
    EXPECT_EQ(q(1).lane<uint8_t>(2 * i + 1), 0u) << i;
  }
  EXPECT_NE(s().fpscr & kQc, 0u);
  s().fpscr &= ~kQc;
  run({0xfe33, 0x2e05});  // vqmovnb.u16 q1, q2 (unsigned source)
  const uint8_t unsigned_expected[8] = {255, 255, 0x40, 255, 0x7f, 255, 255, 0};
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(q(1).lane<uint8_t>(2 * i), unsigned_expected[i]);
  EXPECT_NE(s().fpscr & kQc, 0u);
  s().fpscr &= ~kQc;
  run({0xee31, 0x2e85});  // vqmovunb.s16 q1, q2 (signed source, unsigned result)
  const uint8_t to_unsigned_expected[8] = {255, 0, 0x40, 0, 0x7f, 255, 0, 0};
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(q(1).lane<uint8_t>(2 * i), to_unsigned_expected[i]);
  EXPECT_NE(s().fpscr & kQc, 0u);
  // 32-bit sources, top halves: 0x00012345 saturates, 0xffff8000 does not.
  s().fpscr &= ~kQc;
  set_q(2, {0x00012345, 0xffff8000, 0x00007fff, 0x80000000});
  set_q(1, {0, 0, 0, 0});
  run({0xee37, 0x3e05});  // vqmovnt.s32 q1, q2
  EXPECT_EQ(qw(1, 0), 0x7fff0000u);
  EXPECT_EQ(qw(1, 1), 0x80000000u);
  EXPECT_EQ(qw(1, 2), 0x7fff0000u);
  EXPECT_EQ(qw(1, 3), 0x80000000u);
  EXPECT_NE(s().fpscr & kQc, 0u);
  // A saturating lane that is predicated off neither writes nor sets QC.
  s().fpscr &= ~kQc;
  set_q(1, {0, 0, 0, 0});
  predicate(0xfff0);  // word lane 0 (its top halfword) inactive
  set_q(2, {0x00012345, 0x00000001, 0x00000002, 0x00000003});
  run({0xfe37, 0x3e05});  // vqmovnt.u32 q1, q2
  EXPECT_EQ(qw(1, 0), 0u);
  EXPECT_EQ(qw(1, 1), 0x00010000u);
  EXPECT_EQ(s().fpscr & kQc, 0u);
}

TEST_F(MveMove, VmovlBottomAndTop) {
  set_source(2, 0x80);  // bytes 0x80, 0x91, 0xa2, ... (wrapping)
  const mve::Vector src = q(2);
  run({0xeea8, 0x2f44});  // vmovlb.s8 q1, q2
  for (unsigned i = 0; i < 8; ++i) {
    EXPECT_EQ(q(1).lane<int16_t>(i), static_cast<int8_t>(src.bytes[2 * i])) << i;
  }
  run({0xeea8, 0x3f44});  // vmovlt.s8 q1, q2
  for (unsigned i = 0; i < 8; ++i) {
    EXPECT_EQ(q(1).lane<int16_t>(i), static_cast<int8_t>(src.bytes[2 * i + 1])) << i;
  }
  run({0xfea8, 0x2f44});  // vmovlb.u8 q1, q2
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(q(1).lane<uint16_t>(i), src.bytes[2 * i]) << i;
  run({0xfeb0, 0x3f44});  // vmovlt.u16 q1, q2
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(qw(1, i), src.lane<uint16_t>(2 * i + 1)) << i;
  run({0xeeb0, 0x2f44});  // vmovlb.s16 q1, q2
  for (unsigned i = 0; i < 4; ++i) {
    EXPECT_EQ(q(1).lane<int32_t>(i), static_cast<int16_t>(src.lane<uint16_t>(2 * i))) << i;
  }
}

TEST_F(MveMove, LaneMoveIsConditionalInAnItBlock) {
  set_q(1, {0, 0, 0, 0x600d});
  r(3) = 7;
  set_nzcv(false, false, false, false);
  run({0xbf08, 0xee33, 0x3b10});  // it eq; vmoveq.32 r3, q1[3] (condition fails)
  EXPECT_EQ(r(3), 7u);
  set_nzcv(false, true, false, false);
  run({0xbf08, 0xee33, 0x3b10});
  EXPECT_EQ(r(3), 0x600du);
}

TEST_F(MveMove, LaneMoveWithDisabledFpuIsNocp) {
  h.core().set_fp_enabled(false);
  EXPECT_EQ(run_until_stop({0xee73, 0x3b30}), cpu::StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, cpu::FaultKind::NoCoprocessor);
}

}  // namespace
}  // namespace minifvp::test
