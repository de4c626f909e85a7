// MVE predication: VCMP and VPT (integer and floating point, vector and scalar), VPST, VPNOT,
// VPSEL, VCTP; VPT blocks of every then/else pattern, seen through VADDV results; ECI.
// Encodings come from GNU as (-march=armv8.1-m.main+mve.fp); expected predicates are computed
// here from the element values.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "exception_test_fixture.h"
#include "mve_pred_test_support.h"

namespace minifvp::test {
namespace {

using cpu::FaultKind;
using cpu::StopReason;

class MvePredicateTest : public MvePredFixture {};

TEST_F(MvePredicateTest, RowNames) {
  const std::pair<uint32_t, std::string_view> cases[] = {
      {0xfe030f04, "T32_VCMP_VPT_vec_i_T1"},                // vcmp.i8 eq, q1, q2
      {0xfe230f05, "T32_VCMP_VPT_vec_u_T2"},                // vcmp.u32 cs, q1, q2
      {0xfe131f85, "T32_VCMP_VPT_vec_s_T3"},                // vcmp.s16 le, q1, q2
      {0xfe230f43, "T32_VCMP_VPT_scalar_i_T1"},             // vcmp.i32 eq, q1, r3
      {0xfe230fe3, "T32_VCMP_VPT_scalar_u_T2"},             // vcmp.u32 hi, q1, r3
      {0xfe031fe3, "T32_VCMP_VPT_scalar_s_T3"},             // vcmp.s8 le, q1, r3
      {0xfe611f03, "T32_VCMP_VPT_vec_s_T3"},                // vpt.s32 gt, q0, q1
      {0xee330f84, "T32_VCMP_VPT_fp_vec_F32_T1"},           // vcmp.f32 ne, q1, q2
      {0xfe330f04, "T32_VCMP_VPT_fp_vec_F16_T1"},           // vcmp.f16 eq, q1, q2
      {0xee331f85, "T32_VCMP_VPT_fp_vec_ordered_F32_T1"},   // vcmp.f32 le, q1, q2
      {0xfe331f84, "T32_VCMP_VPT_fp_vec_ordered_F16_T1"},   // vcmp.f16 lt, q1, q2
      {0xee330fc3, "T32_VCMP_VPT_fp_scalar_F32_T2"},        // vcmp.f32 ne, q1, r3
      {0xfe330f43, "T32_VCMP_VPT_fp_scalar_F16_T2"},        // vcmp.f16 eq, q1, r3
      {0xee331fc3, "T32_VCMP_VPT_fp_scalar_ge_lt_F32_T2"},  // vcmp.f32 lt, q1, r3
      {0xee331fe3, "T32_VCMP_VPT_fp_scalar_gt_le_F32_T2"},  // vcmp.f32 le, q1, r3
      {0xfe331fe3, "T32_VCMP_VPT_fp_scalar_gt_le_F16_T2"},  // vcmp.f16 le, q1, r3
      {0xfe731f63, "T32_VCMP_VPT_fp_scalar_gt_le_F16_T2"},  // vpt.f16 gt, q1, r3
      {0xfe710f4d, "T32_VPST_T1"},
      {0xfe310f4d, "T32_VPNOT_T1"},
      {0xfe330f05, "T32_VPSEL_T1"},
      {0xf003e801, "T32_VCTP_T1"},
      {0xf033e801, "T32_VCTP_T1"},
  };
  for (const auto& [raw, name] : cases) EXPECT_EQ(row_name(raw), name) << std::hex << raw;
}

// The predicate (one bit per byte) of an integer comparison, from element values.
template <typename T>
uint16_t expected_predicate(const std::array<T, 16 / sizeof(T)>& a,
                            const std::array<T, 16 / sizeof(T)>& b,
                            const std::function<bool(T, T)>& holds) {
  uint16_t p = 0;
  for (unsigned e = 0; e < a.size(); ++e) {
    if (holds(a[e], b[e])) p |= static_cast<uint16_t>(((1u << sizeof(T)) - 1) << (e * sizeof(T)));
  }
  return p;
}

TEST_F(MvePredicateTest, IntegerVectorCompares) {
  const std::array<uint8_t, 16> a8 = {0, 1, 0x7f, 0x80, 0xff, 5, 5, 200, 3, 0, 0x81, 9, 1, 2, 3, 4};
  const std::array<uint8_t, 16> b8 = {0, 2, 0x80, 0x7f, 0x01, 5, 6, 100, 3, 1, 0x80, 9, 0, 2, 4, 3};
  set_q<uint8_t>(1, a8);
  set_q<uint8_t>(2, b8);
  exec({0xfe030f04});  // vcmp.i8 eq, q1, q2
  EXPECT_EQ(p0(), expected_predicate<uint8_t>(a8, b8, [](uint8_t x, uint8_t y) { return x == y; }));
  exec({0xfe030f85});  // vcmp.u8 hi, q1, q2
  EXPECT_EQ(p0(), expected_predicate<uint8_t>(a8, b8, [](uint8_t x, uint8_t y) { return x > y; }));
  exec({0xfe031f05});  // vcmp.s8 gt, q1, q2
  EXPECT_EQ(p0(), expected_predicate<uint8_t>(a8, b8, [](uint8_t x, uint8_t y) {
              return static_cast<int8_t>(x) > static_cast<int8_t>(y);
            }));

  const std::array<uint16_t, 8> a16 = {0, 0x8000, 0x7fff, 5, 0xffff, 1, 2, 3};
  const std::array<uint16_t, 8> b16 = {1, 0x7fff, 0x8000, 5, 0x0001, 1, 3, 2};
  set_q<uint16_t>(1, a16);
  set_q<uint16_t>(2, b16);
  exec({0xfe130f84});  // vcmp.i16 ne, q1, q2
  EXPECT_EQ(p0(),
            expected_predicate<uint16_t>(a16, b16, [](uint16_t x, uint16_t y) { return x != y; }));
  exec({0xfe131f04});  // vcmp.s16 ge, q1, q2
  EXPECT_EQ(p0(), expected_predicate<uint16_t>(a16, b16, [](uint16_t x, uint16_t y) {
              return static_cast<int16_t>(x) >= static_cast<int16_t>(y);
            }));
  exec({0xfe131f85});  // vcmp.s16 le, q1, q2
  EXPECT_EQ(p0(), expected_predicate<uint16_t>(a16, b16, [](uint16_t x, uint16_t y) {
              return static_cast<int16_t>(x) <= static_cast<int16_t>(y);
            }));

  const std::array<uint32_t, 4> a32 = {0x80000000u, 7, 0xffffffffu, 9};
  const std::array<uint32_t, 4> b32 = {0x7fffffffu, 7, 0, 10};
  set_q<uint32_t>(1, a32);
  set_q<uint32_t>(2, b32);
  exec({0xfe230f05});  // vcmp.u32 cs, q1, q2
  EXPECT_EQ(p0(),
            expected_predicate<uint32_t>(a32, b32, [](uint32_t x, uint32_t y) { return x >= y; }));
  exec({0xfe231f84});  // vcmp.s32 lt, q1, q2
  EXPECT_EQ(p0(), expected_predicate<uint32_t>(a32, b32, [](uint32_t x, uint32_t y) {
              return static_cast<int32_t>(x) < static_cast<int32_t>(y);
            }));
}

TEST_F(MvePredicateTest, IntegerScalarComparesUseTheLowBitsOfRm) {
  const std::array<uint8_t, 16> a8 = {0,    1, 0x7f, 0x80, 0xff, 5, 6, 7,
                                      0xfe, 0, 0x81, 9,    1,    2, 3, 4};
  set_q<uint8_t>(1, a8);
  r(3) = 0x12345605;  // the element-sized scalar is 0x05
  std::array<uint8_t, 16> b8;
  b8.fill(0x05);
  exec({0xfe030fc3});  // vcmp.i8 ne, q1, r3
  EXPECT_EQ(p0(), expected_predicate<uint8_t>(a8, b8, [](uint8_t x, uint8_t y) { return x != y; }));
  r(3) = 0xfe;  // -2 as s8
  b8.fill(0xfe);
  exec({0xfe031f43});  // vcmp.s8 ge, q1, r3
  EXPECT_EQ(p0(), expected_predicate<uint8_t>(a8, b8, [](uint8_t x, uint8_t y) {
              return static_cast<int8_t>(x) >= static_cast<int8_t>(y);
            }));
  exec({0xfe031fe3});  // vcmp.s8 le, q1, r3
  EXPECT_EQ(p0(), expected_predicate<uint8_t>(a8, b8, [](uint8_t x, uint8_t y) {
              return static_cast<int8_t>(x) <= static_cast<int8_t>(y);
            }));
  b8.fill(0);
  exec({0xfe030f4f});  // vcmp.i8 eq, q1, zr: Rm == 15 is zero
  EXPECT_EQ(p0(), expected_predicate<uint8_t>(a8, b8, [](uint8_t x, uint8_t y) { return x == y; }));

  const std::array<uint16_t, 8> a16 = {0, 0x8000, 0x7fff, 5, 0xffff, 1, 0x1234, 3};
  set_q<uint16_t>(1, a16);
  r(3) = 0xabcd1234;
  std::array<uint16_t, 8> b16;
  b16.fill(0x1234);
  exec({0xfe130f63});  // vcmp.u16 cs, q1, r3
  EXPECT_EQ(p0(),
            expected_predicate<uint16_t>(a16, b16, [](uint16_t x, uint16_t y) { return x >= y; }));
  exec({0xfe131fc3});  // vcmp.s16 lt, q1, r3
  EXPECT_EQ(p0(), expected_predicate<uint16_t>(a16, b16, [](uint16_t x, uint16_t y) {
              return static_cast<int16_t>(x) < static_cast<int16_t>(y);
            }));

  const std::array<uint32_t, 4> a32 = {0x80000000u, 7, 0xffffffffu, 9};
  set_q<uint32_t>(1, a32);
  r(3) = 7;
  std::array<uint32_t, 4> b32;
  b32.fill(7);
  exec({0xfe230f43});  // vcmp.i32 eq, q1, r3
  EXPECT_EQ(p0(), 0x00f0);
  exec({0xfe230fe3});  // vcmp.u32 hi, q1, r3
  EXPECT_EQ(p0(),
            expected_predicate<uint32_t>(a32, b32, [](uint32_t x, uint32_t y) { return x > y; }));
  exec({0xfe231f63});  // vcmp.s32 gt, q1, r3
  EXPECT_EQ(p0(), expected_predicate<uint32_t>(a32, b32, [](uint32_t x, uint32_t y) {
              return static_cast<int32_t>(x) > static_cast<int32_t>(y);
            }));
}

// A VPT block with pattern `pattern` ("T", "TE", ...) over vpt.s32 gt, q0, q1, followed by one
// vaddv.u32 per slot into r0, r2, r4, r6 and one after the block into r8. Each slot's sum shows
// which lanes it executed: the "then" lanes (q0 > q1) or the "else" lanes.
struct BlockCase {
  uint32_t vpt;
  std::string pattern;
};

TEST_F(MvePredicateTest, VptBlocksOfEveryLength) {
  const BlockCase cases[] = {
      {0xfe611f03, "T"},    {0xfe619f03, "TE"},   {0xfe61df03, "TET"},
      {0xfe61ff03, "TETE"}, {0xfe21bf03, "TTEE"}, {0xfe613f03, "TEEE"},
  };
  const uint32_t vaddv[] = {0xfef90f04, 0xfef92f04, 0xfef94f04, 0xfef96f04};  // r0, r2, r4, r6
  const std::array<int32_t, 4> q0 = {5, -3, 10, 0};
  const std::array<int32_t, 4> q1 = {1, 2, 10, -1};
  const std::array<uint32_t, 4> q2 = {1, 10, 100, 1000};
  uint32_t then_sum = 0, else_sum = 0, all = 0;
  for (unsigned e = 0; e < 4; ++e) {
    (q0[e] > q1[e] ? then_sum : else_sum) += q2[e];
    all += q2[e];
  }
  for (const BlockCase& c : cases) {
    SCOPED_TRACE(c.pattern);
    set_q<int32_t>(0, q0);
    set_q<int32_t>(1, q1);
    set_q<uint32_t>(2, q2);
    s().vpr = 0;
    for (unsigned i = 0; i < 9; ++i) r(i) = 0xdead0000 + i;
    const size_t n = c.pattern.size();
    // Build: vpt, n slot instructions, then vaddv r8.
    std::vector<uint32_t> code = {c.vpt};
    for (size_t i = 0; i < n; ++i) code.push_back(vaddv[i]);
    code.push_back(0xfef98f04);
    std::vector<uint16_t> hw;
    for (uint32_t insn : code) {
      hw.push_back(static_cast<uint16_t>(insn >> 16));
      hw.push_back(static_cast<uint16_t>(insn));
    }
    h.load(hw);
    ASSERT_EQ(h.run(), StopReason::Limit) << h.core().last_fault().detail;
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(r(2 * i), c.pattern[i] == 'T' ? then_sum : else_sum) << "slot " << i;
    }
    EXPECT_EQ(r(8), all) << "after the block every lane is active";
    EXPECT_EQ(s().vpr & 0x00ff0000u, 0u) << "the block is over";
  }
}

TEST_F(MvePredicateTest, VpstUsesP0FromAnEarlierCompare) {
  set_q<int32_t>(1, {1, 2, 3, 4});
  set_q<uint32_t>(2, {1, 0, 3, 0});
  exec({0xfe230f04 /* vcmp.i32 eq, q1, q2 */});
  EXPECT_EQ(p0(), 0x0f0f);
  set_q<uint32_t>(2, {1, 10, 100, 1000});
  r(0) = 0;
  r(2) = 0;
  exec({0xfe718f4d /* vpste */, 0xfef90f04 /* vaddv r0 */, 0xfef92f04 /* vaddv r2 */});
  EXPECT_EQ(r(0), 101u);
  EXPECT_EQ(r(2), 1010u);
}

TEST_F(MvePredicateTest, VpnotInvertsActiveLanesAndIsPredicated) {
  s().vpr = 0x00ff;
  exec({0xfe310f4d});  // vpnot outside a block: every lane
  EXPECT_EQ(p0(), 0xff00);
  // Inside a VPT block (vpst with P0 = 0x0ff0): the lanes predicated off get 0.
  s().vpr = 0x0ff0;
  exec({0xfe710f4d /* vpst */, 0xfe310f4d /* vpnot */});
  EXPECT_EQ(p0(), 0x0000);  // active lanes 0x0ff0 were 1 -> 0; the others predicated -> 0
  s().vpr = 0x0ff0;
  exec({0xfe718f4d /* vpste */, 0xfe310f4d /* vpnot */, 0xfe310f4d /* vpnot */});
  // First vpnot: active 0x0ff0 -> P0 = 0; the else inverts P0 -> 0xffff; second vpnot on all
  // lanes -> 0.
  EXPECT_EQ(p0(), 0x0000);
}

TEST_F(MvePredicateTest, VpselSelectsBytesByP0) {
  std::array<uint8_t, 16> n, m;
  for (unsigned i = 0; i < 16; ++i) {
    n[i] = static_cast<uint8_t>(0xa0 + i);
    m[i] = static_cast<uint8_t>(0x50 + i);
  }
  set_q<uint8_t>(1, n);
  set_q<uint8_t>(2, m);
  s().vpr = 0x3c5a;
  exec({0xfe330f05});  // vpsel q0, q1, q2
  const auto d = get_q<uint8_t>(0);
  for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(d[i], ((0x3c5a >> i) & 1) ? n[i] : m[i]) << i;
}

TEST_F(MvePredicateTest, VctpMasksEveryElementSize) {
  const std::pair<uint32_t, unsigned> forms[] = {
      {0xf003e801, 1}, {0xf013e801, 2}, {0xf023e801, 4}, {0xf033e801, 8}};
  for (const auto& [insn, esize] : forms) {
    for (uint32_t count : {0u, 1u, 2u, 3u, 7u, 8u, 15u, 16u, 17u, 0xffffffffu}) {
      r(3) = count;
      s().vpr = 0;
      exec({insn});
      const uint32_t elements = 16 / esize;
      const uint32_t active = count < elements ? count : elements;
      uint32_t expected = 0;
      for (uint32_t b = 0; b < active * esize; ++b) expected |= 1u << b;
      EXPECT_EQ(p0(), expected) << "esize " << esize << " count " << count;
    }
  }
}

TEST_F(MvePredicateTest, VctpInsideAVptBlockIsPredicated) {
  s().vpr = 0x00ff;
  r(3) = 4;
  exec({0xfe710f4d /* vpst */, 0xf023e801 /* vctp.32 r3 */});
  EXPECT_EQ(p0(), 0x00ff);  // all four lanes wanted, only the two active ones set
}

TEST_F(MvePredicateTest, CompareUnderTailPredicationClearsTheTail) {
  s().fpscr = (s().fpscr & ~(7u << 16)) | (2u << 16);  // LTPSIZE = 2: 32-bit elements
  r(14) = 3;                                           // last iteration: three 32-bit elements left
  set_q<uint32_t>(1, {1, 1, 1, 1});
  set_q<uint32_t>(2, {1, 1, 1, 1});
  exec({0xfe230f04});  // vcmp.i32 eq, q1, q2
  EXPECT_EQ(p0(), 0x0fff);
}

// ---------------------------------------------------------------------------------------------
// Floating point
// ---------------------------------------------------------------------------------------------

constexpr uint32_t kOne = 0x3f800000, kTwo = 0x40000000, kQNaN = 0x7fc00000, kSNaN = 0x7f800001;
constexpr uint32_t kMinusZero = 0x80000000, kDenormal = 0x00000001;

TEST_F(MvePredicateTest, FloatCompareNaNRules) {
  set_q<uint32_t>(1, {kOne, kQNaN, kTwo, kOne});
  set_q<uint32_t>(2, {kOne, kOne, kOne, kTwo});
  struct Case {
    uint32_t insn;
    uint16_t expected;
    bool invalid;
  };
  // Lanes: 1 == 1, NaN vs 1 (unordered), 2 > 1, 1 < 2.
  const Case cases[] = {
      {0xee330f04, 0x000f, true},  // eq: a signalling compare, as in QEMU
      {0xee330f84, 0xfff0, true},  // ne: unordered is "not equal"
      {0xee331f04, 0x0f0f, true},  // ge
      {0xee331f84, 0xf0f0, true},  // lt: unordered is true
      {0xee331f05, 0x0f00, true},  // gt
      {0xee331f85, 0xf0ff, true},  // le: unordered is true
  };
  for (const Case& c : cases) {
    s().fpscr = 4u << 16;
    exec({c.insn});
    EXPECT_EQ(p0(), c.expected) << std::hex << c.insn;
    EXPECT_EQ((s().fpscr & 1) != 0, c.invalid) << std::hex << c.insn;
  }
  // Without NaNs no flag; a signalling NaN raises Invalid Operation too.
  set_q<uint32_t>(1, {kOne, kOne, kOne, kOne});
  s().fpscr = 4u << 16;
  exec({0xee330f04});
  EXPECT_EQ(s().fpscr & 1, 0u);
  set_q<uint32_t>(1, {kSNaN, kOne, kOne, kOne});
  s().fpscr = 4u << 16;
  exec({0xee330f04});
  EXPECT_EQ(p0(), 0x0ff0);  // lanes 1 and 2 (lane 3 compares 1 with 2)
  EXPECT_EQ(s().fpscr & 1, 1u);
}

TEST_F(MvePredicateTest, FloatCompareFlushesF32DenormalsAndIgnoresFpscrControls) {
  // FPSCR.FZ clear, but MVE uses StandardFPSCRValue(): F32 denormals flush (IDC) and compare
  // equal to zero; -0 == +0.
  set_q<uint32_t>(1, {kDenormal, kMinusZero, kOne, 0});
  set_q<uint32_t>(2, {0, 0, kOne, kDenormal});
  s().fpscr = 4u << 16;
  exec({0xee330f04});  // vcmp.f32 eq, q1, q2
  EXPECT_EQ(p0(), 0xffff);
  EXPECT_NE(s().fpscr & (1u << 7), 0u);
}

TEST_F(MvePredicateTest, FloatFlagsOnlyFromActiveLanes) {
  set_q<uint32_t>(1, {kOne, kQNaN, kOne, kOne});
  set_q<uint32_t>(2, {kOne, kOne, kOne, kOne});
  s().fpscr = 4u << 16;
  s().vpr = 0xff0f;  // lane 1 (the NaN) predicated off
  exec({0xfe710f4d /* vpst */, 0xee331f04 /* vcmp.f32 ge, q1, q2 */});
  EXPECT_EQ(s().fpscr & 1, 0u);
  EXPECT_EQ(p0(), 0xff0f);
}

TEST_F(MvePredicateTest, FloatScalarComparesF32AndF16) {
  set_q<uint32_t>(1, {kOne, kTwo, 0xbf800000 /* -1 */, kQNaN});
  r(3) = kOne;
  exec({0xee331fc3});       // vcmp.f32 lt, q1, r3
  EXPECT_EQ(p0(), 0xff00);  // -1 < 1, NaN unordered
  exec({0xee331f63});       // vcmp.f32 gt, q1, r3
  EXPECT_EQ(p0(), 0x00f0);
  // F16: 1.0 = 0x3c00, 2.0 = 0x4000, -1.0 = 0xbc00. Rm's low half is the scalar.
  set_q<uint16_t>(1, {0x3c00, 0x4000, 0xbc00, 0x3c00, 0x7e00, 0x0000, 0x8000, 0x4000});
  r(3) = 0xffff3c00;
  exec({0xfe331fe3});       // vcmp.f16 le, q1, r3
  EXPECT_EQ(p0(), 0x3ff3);  // lanes 0, 2, 3, 4 (NaN), 5, 6
  exec({0xfe330f43});       // vcmp.f16 eq, q1, r3
  EXPECT_EQ(p0(), 0x00c3);
}

TEST_F(MvePredicateTest, FloatVptStartsABlock) {
  set_q<uint32_t>(1, {kOne, kTwo, kOne, kTwo});
  set_q<uint32_t>(2, {kOne, kOne, kOne, kOne});
  set_q<uint32_t>(3, {1, 10, 100, 1000});
  r(0) = 0;
  // vpt.f32 eq, q1, q2 then vaddv.u32 r0, q3 (encoded with Qm = 3).
  exec({0xee730f04, 0xfef90f06});
  EXPECT_EQ(r(0), 101u);
}

TEST_F(MvePredicateTest, NoCoprocessorWhenTheFpuIsOff) {
  h.core().set_fp_enabled(false);
  EXPECT_EQ(exec_until_stop({0xfe030f04}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::NoCoprocessor);
}

TEST_F(MvePredicateTest, HighQRegistersAreUndefined) {
  // vcmp.i32 eq, q7, q6 is fine; setting the M bit (Qm = 8+) is UNDEFINED.
  EXPECT_EQ(row_name(0xfe2f0f0c), "T32_VCMP_VPT_vec_i_T1");
  exec({0xfe2f0f0c});
  EXPECT_EQ(exec_until_stop({0xfe2f0f2c}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::UndefinedInstruction);
}

TEST_F(MvePredicateTest, UnpredictableFieldsAreUndefined) {
  // vcmp.i8 eq, q1, sp (Rm == 13), vctp.8 sp, vctp.8 pc.
  for (uint32_t raw : {0xfe030f4du, 0xf00de801u, 0xf00fe801u}) {
    EXPECT_EQ(exec_until_stop({raw}), StopReason::Fault) << std::hex << raw;
    EXPECT_EQ(h.core().last_fault().kind, FaultKind::UndefinedInstruction) << std::hex << raw;
  }
  // ... and with the FPU off they are NOCP first, as on hardware.
  h.core().set_fp_enabled(false);
  EXPECT_EQ(exec_until_stop({0xfe030f4du}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::NoCoprocessor);
}

TEST_F(MvePredicateTest, VptInsideAVptBlockIsPredicatedAndStartsANewBlock) {
  // vpst (T) with P0 = 0x00ff, then vpt.s32 gt, q0, q1 (T): the compare only writes the active
  // lanes 0-1 (the others get 0), and the new block predicates the following vaddv.
  set_q<int32_t>(0, {5, 0, 5, 5});
  set_q<int32_t>(1, {1, 1, 1, 1});
  set_q<uint32_t>(2, {1, 10, 100, 1000});
  s().vpr = 0x00ff;
  r(0) = 0;
  exec({0xfe710f4d, 0xfe611f03, 0xfef90f04});
  EXPECT_EQ(r(0), 1u);
  EXPECT_EQ(s().vpr, 0x000fu);
}

// ---------------------------------------------------------------------------------------------
// ECI: beats already executed before an exception are not executed again.
// ---------------------------------------------------------------------------------------------

TEST_F(MvePredicateTest, EciSkipsExecutedBeatsOfACompare) {
  set_q<uint32_t>(1, {1, 2, 3, 4});
  set_q<uint32_t>(2, {1, 2, 3, 4});
  s().vpr = 0x00a5;        // beats 0-1 already produced 0xa5 in the low half
  s().it.bits = 0x2 << 4;  // ECI = A0A1
  exec({0xfe230f04});      // vcmp.i32 eq, q1, q2
  EXPECT_EQ(p0(), 0xffa5);
  EXPECT_EQ(s().it.bits, 0);
}

TEST_F(MvePredicateTest, EciResumesAReductionFromItsPartialSum) {
  set_q<uint32_t>(2, {1, 10, 100, 1000});
  r(0) = 11;  // the partial sum of beats 0 and 1
  s().it.bits = 0x2 << 4;
  exec({0xfef90f04});  // vaddv.u32 r0, q2 (non-accumulating)
  EXPECT_EQ(r(0), 1111u);
}

TEST_F(MvePredicateTest, EciA0A1A2B0CarriesIntoTheNextInstruction) {
  set_q<uint32_t>(2, {1, 10, 100, 1000});
  r(0) = 111;
  r(2) = 1;  // beat 0 of the second instruction already added lane 0
  s().it.bits = 0x5 << 4;
  exec({0xfef90f04 /* vaddv r0 */, 0xfef92f04 /* vaddv r2 */});
  EXPECT_EQ(r(0), 1111u);
  EXPECT_EQ(r(2), 1111u);
  EXPECT_EQ(s().it.bits, 0);
}

// ECI end to end: an exception return restores an xPSR whose ECI says beats of the vector
// instruction at the return address already executed. (The same programs were run on QEMU
// mps3-an547 with the SVC handler editing the stacked xPSR; results matched for ECI 0, A0, A0A1,
// A0A1A2 and A0A1A2B0.)
class MveEciReturnTest : public ExceptionFixture {
 protected:
  void SetUp() override {
    write_scs(0xd88, 0xfu << 20);  // CPACR: CP10/CP11 full access
    write_scs(0xf34, 0);           // FPCCR: no ASPEN/LSPEN, so basic frames
    for (unsigned i = 0; i < 4; ++i) state().s[8 + i] = 1u << i;  // q2 = {1, 2, 4, 8}
    state().s[12] = 0;                                            // q3 = {0, 0, 4, 0}
    state().s[13] = 0;
    state().s[14] = 4;
    state().s[15] = 0;
    handler(cpu::exception::kSvCall, {kBxLr});
  }
  // Runs to the SVC handler, makes the stacked frame return with `eci` and r0 = 0x10 (the
  // partial sum of the executed beats), and runs to `end`.
  void return_with_eci(uint8_t eci, uint32_t end) {
    ASSERT_TRUE(run_to(handler_address(cpu::exception::kSvCall)));
    const uint32_t frame = state().r[13];
    bus_.write(frame + 0, 4, 0x10);
    bus_.write(frame + 28, 4, read32(frame + 28) | (uint32_t{eci} << 12));
    ASSERT_TRUE(run_to(end));
  }
};

TEST_F(MveEciReturnTest, ResumedReductionSkipsTheExecutedBeats) {
  const std::pair<uint8_t, uint32_t> cases[] = {
      {0, 15}, {1, 0x10 + 2 + 4 + 8}, {2, 0x10 + 4 + 8}, {4, 0x10 + 8}, {5, 0x10 + 8}};
  for (const auto& [eci, expected] : cases) {
    SCOPED_TRACE(testing::Message() << "ECI " << int{eci});
    // svc; vaddv.u32 r0, q2; vaddv.u32 r2, q2; b .
    place(kMain, {kSvc0, 0xfef9, 0x0f04, 0xfef9, 0x2f04, kBranchSelf});
    state().r[15] = kMain;
    state().r[13] = kStackTop;
    state().r[2] = 100;
    return_with_eci(eci, kMain + 10);
    EXPECT_EQ(state().r[0], expected);
    // A0A1A2B0 leaves beat 0 of the second VADDV done: it starts from r2 and skips lane 0.
    EXPECT_EQ(state().r[2], eci == 5 ? 100u + 2 + 4 + 8 : 15u);
    EXPECT_EQ(state().it.bits, 0);
  }
}

TEST_F(MveEciReturnTest, ResumedVptSetsOnlyTheMasksOfItsExecutedBeats) {
  // vpt.i32 eq, q2, q3 resumed with ECI; then vaddvt.u32 r0, q2 in the block. P0 starts at 0.
  // Lane 2 is the only equal one. With beat 1 already done MASK01 stays clear, so lanes 0 and 1
  // are not predicated by the block; with beat 2 done too, lane 2's P0 keeps its old 0.
  const std::pair<uint8_t, uint32_t> cases[] = {{0, 4}, {1, 4}, {2, 1 + 2 + 4}, {4, 1 + 2}};
  for (const auto& [eci, expected] : cases) {
    SCOPED_TRACE(testing::Message() << "ECI " << int{eci});
    place(kMain, {kSvc0, 0xfe65, 0x0f06, 0xfef9, 0x0f04, kBranchSelf});
    state().r[15] = kMain;
    state().r[13] = kStackTop;
    state().vpr = 0;
    return_with_eci(eci, kMain + 10);
    // The non-accumulating VADDV has no ECI of its own: it starts from 0.
    EXPECT_EQ(state().r[0], expected);
  }
}

}  // namespace
}  // namespace minifvp::test
