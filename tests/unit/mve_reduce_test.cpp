// MVE across-vector reductions: VADDV(A), VADDLV(A), VMLADAV/VMLSDAV(A)(X), VMLALDAV/VMLSLDAV,
// VRMLALDAVH/VRMLSLDAVH, VMAXV/VMINV/VMAXAV/VMINAV, VABAV and the floating-point VMAXNMV family.
// Expected values come from reference loops written here over the element values (wide
// arithmetic, no shared code with the implementation). Encodings from GNU as.
#include <gtest/gtest.h>

#include <cstdint>

#include "mve_pred_test_support.h"

namespace minifvp::test {
namespace {

using cpu::FaultKind;
using cpu::StopReason;

class MveReduceTest : public MvePredFixture {
 protected:
  // q1 and q2 get fixed bytes with extremes in every element size.
  void load_operands() {
    const std::array<uint8_t, 16> n = {0x80, 0x7f, 0xff, 0x01, 0x00, 0x80, 0x34, 0x12,
                                       0xff, 0xff, 0xff, 0x7f, 0x00, 0x00, 0x00, 0x80};
    const std::array<uint8_t, 16> m = {0x80, 0x80, 0xfe, 0x7f, 0x10, 0xff, 0xcd, 0xab,
                                       0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00, 0x80};
    set_q<uint8_t>(1, n);
    set_q<uint8_t>(2, m);
  }
  template <typename T>
  std::array<T, 16 / sizeof(T)> q(unsigned reg) {
    return get_q<T>(reg);
  }
};

TEST_F(MveReduceTest, RowNames) {
  const std::pair<uint32_t, std::string_view> cases[] = {
      {0xeef10f04, "T32_VADDV_S_T1"},        {0xfef50f04, "T32_VADDV_U_T1"},
      {0xeef90f04, "T32_VADDV_32bit_S_T1"},  {0xee890f04, "T32_VADDLV_S_T1"},
      {0xfe890f24, "T32_VADDLV_U_T1"},       {0xeef20f04, "T32_VMLADAV_S_T2"},
      {0xeef20e04, "T32_VMLADAV_S_T1"},      {0xeef20f05, "T32_VMLADAV_S_T2_bit0"},
      {0xfef21f25, "T32_VMLADAV_U_T2_bit0"}, {0xfef30e04, "T32_VMLADAV_U_T1"},
      {0xfef20e05, "T32_VMLSDAV_T2"},        {0xeef30e25, "T32_VMLSDAV_T1"},
      {0xee820e04, "T32_VMLALDAV_S_T1"},     {0xfe830e24, "T32_VMLALDAV_U_T1"},
      {0xee820e05, "T32_VMLSLDAV_T1"},       {0xee831e25, "T32_VMLSLDAV_T1"},
      {0xee820f04, "T32_VRMLALDAVH_S_T1"},   {0xfe820f24, "T32_VRMLALDAVH_U_T1"},
      {0xfe820e05, "T32_VRMLSLDAVH_T1"},     {0xfe821e25, "T32_VRMLSLDAVH_T1"},
      {0xeee20f04, "T32_VMAXV_S_T1"},        {0xfeea0f04, "T32_VMAXV_U_T1"},
      {0xeee20f84, "T32_VMINV_S_T1"},        {0xeee00f04, "T32_VMAXAV_S_T1"},
      {0xeee40f84, "T32_VMINAV_S_T1"},       {0xee820f05, "T32_VABAV_S_T1"},
      {0xfea20f05, "T32_VABAV_U_T1"},        {0xeeee0f04, "T32_VMAXNMV_F32_T1"},
      {0xfeee0f04, "T32_VMAXNMV_F16_T1"},    {0xeeee0f84, "T32_VMINNMV_F32_T1"},
      {0xeeec0f04, "T32_VMAXNMAV_F32_T1"},   {0xfeec0f84, "T32_VMINNMAV_F16_T1"},
  };
  for (const auto& [raw, name] : cases) EXPECT_EQ(row_name(raw), name) << std::hex << raw;
}

TEST_F(MveReduceTest, Vaddv) {
  load_operands();
  struct Case {
    uint32_t insn;
    unsigned esize;
    bool is_signed;
    bool accumulate;
  };
  const Case cases[] = {
      {0xeef10f04, 1, true, false},  {0xfef10f04, 1, false, false}, {0xeef50f04, 2, true, false},
      {0xfef50f04, 2, false, false}, {0xeef90f04, 4, true, false},  {0xfef90f04, 4, false, false},
      {0xeef10f24, 1, true, true},
  };
  for (const Case& c : cases) {
    r(0) = 0x7ffffff0;
    int64_t expected = c.accumulate ? 0x7ffffff0 : 0;
    for (unsigned e = 0; e < 16 / c.esize; ++e) {
      int64_t v = 0;
      if (c.esize == 1) v = c.is_signed ? int64_t{q<int8_t>(2)[e]} : int64_t{q<uint8_t>(2)[e]};
      if (c.esize == 2) v = c.is_signed ? int64_t{q<int16_t>(2)[e]} : int64_t{q<uint16_t>(2)[e]};
      if (c.esize == 4) v = c.is_signed ? int64_t{q<int32_t>(2)[e]} : int64_t{q<uint32_t>(2)[e]};
      expected += v;
    }
    exec({c.insn});
    EXPECT_EQ(r(0), static_cast<uint32_t>(expected)) << std::hex << c.insn;
  }
}

TEST_F(MveReduceTest, VaddlvCarriesIntoTheHighWord) {
  set_q<uint32_t>(2, {0xffffffffu, 0x80000000u, 0x7fffffffu, 3});
  exec({0xee890f04});  // vaddlv.s32 r0, r1, q2
  int64_t expected = int64_t{-1} + int64_t{INT32_MIN} + int64_t{INT32_MAX} + 3;
  EXPECT_EQ((uint64_t{r(1)} << 32) | r(0), static_cast<uint64_t>(expected));
  r(0) = 0xfffffff0;
  r(1) = 0x00000001;
  exec({0xfe890f24});  // vaddlva.u32 r0, r1, q2
  const uint64_t sum = 0x1fffffff0ull + 0xffffffffull + 0x80000000ull + 0x7fffffffull + 3;
  EXPECT_EQ((uint64_t{r(1)} << 32) | r(0), sum);
}

// Reference of the dual multiply-accumulates over elements widened to int64 / uint64.
template <typename T>
uint64_t dual_reference(const std::array<T, 16 / sizeof(T)>& n,
                        const std::array<T, 16 / sizeof(T)>& m, bool exchange, bool subtract,
                        uint64_t start) {
  uint64_t acc = start;
  for (unsigned e = 0; e < n.size(); ++e) {
    const unsigned ne = exchange ? (e % 2 == 0 ? e + 1 : e - 1) : e;
    __int128 product = static_cast<__int128>(n[ne]) * static_cast<__int128>(m[e]);
    if (subtract && e % 2 == 1) product = -product;
    acc += static_cast<uint64_t>(product);
  }
  return acc;
}

TEST_F(MveReduceTest, VmladavAndVmlsdav) {
  load_operands();
  struct Case {
    uint32_t insn;
    unsigned esize;
    bool is_signed, exchange, subtract, accumulate;
  };
  const Case cases[] = {
      {0xeef20f04, 1, true, false, false, false},   // vmladav.s8
      {0xfef20f04, 1, false, false, false, false},  // vmladav.u8
      {0xeef20e04, 2, true, false, false, false},   // vmladav.s16
      {0xfef20e04, 2, false, false, false, false},  // vmladav.u16
      {0xeef30e04, 4, true, false, false, false},   // vmladav.s32
      {0xfef30e04, 4, false, false, false, false},  // vmladav.u32
      {0xeef21f04, 1, true, true, false, false},    // vmladavx.s8
      {0xeef21e24, 2, true, true, false, true},     // vmladavax.s16
      {0xeef31e04, 4, true, true, false, false},    // vmladavx.s32
      {0xfef20e05, 1, true, false, true, false},    // vmlsdav.s8
      {0xeef20e05, 2, true, false, true, false},    // vmlsdav.s16
      {0xeef30e25, 4, true, false, true, true},     // vmlsdava.s32
      {0xeef21e05, 2, true, true, true, false},     // vmlsdavx.s16
  };
  for (const Case& c : cases) {
    r(0) = 0x12345678;
    const uint64_t start = c.accumulate ? 0x12345678 : 0;
    uint64_t expected = 0;
    if (c.esize == 1) {
      expected = c.is_signed
                     ? dual_reference(q<int8_t>(1), q<int8_t>(2), c.exchange, c.subtract, start)
                     : dual_reference(q<uint8_t>(1), q<uint8_t>(2), c.exchange, c.subtract, start);
    } else if (c.esize == 2) {
      expected =
          c.is_signed
              ? dual_reference(q<int16_t>(1), q<int16_t>(2), c.exchange, c.subtract, start)
              : dual_reference(q<uint16_t>(1), q<uint16_t>(2), c.exchange, c.subtract, start);
    } else {
      expected =
          c.is_signed
              ? dual_reference(q<int32_t>(1), q<int32_t>(2), c.exchange, c.subtract, start)
              : dual_reference(q<uint32_t>(1), q<uint32_t>(2), c.exchange, c.subtract, start);
    }
    exec({c.insn});
    EXPECT_EQ(r(0), static_cast<uint32_t>(expected)) << std::hex << c.insn;
  }
}

TEST_F(MveReduceTest, VmlaldavAndVmlsldav) {
  load_operands();
  struct Case {
    uint32_t insn;
    unsigned esize;
    bool is_signed, exchange, subtract, accumulate;
  };
  const Case cases[] = {
      {0xee820e04, 2, true, false, false, false},   // vmlaldav.s16
      {0xfe820e04, 2, false, false, false, false},  // vmlaldav.u16
      {0xee830e04, 4, true, false, false, false},   // vmlaldav.s32
      {0xfe830e24, 4, false, false, false, true},   // vmlaldava.u32
      {0xee831e04, 4, true, true, false, false},    // vmlaldavx.s32
      {0xee820e05, 2, true, false, true, false},    // vmlsldav.s16
      {0xee831e25, 4, true, true, true, true},      // vmlsldavax.s32
  };
  for (const Case& c : cases) {
    r(0) = 0x89abcdef;
    r(1) = 0xfedcba98;
    const uint64_t start = c.accumulate ? 0xfedcba9889abcdefull : 0;
    uint64_t expected = 0;
    if (c.esize == 2) {
      expected =
          c.is_signed
              ? dual_reference(q<int16_t>(1), q<int16_t>(2), c.exchange, c.subtract, start)
              : dual_reference(q<uint16_t>(1), q<uint16_t>(2), c.exchange, c.subtract, start);
    } else {
      expected =
          c.is_signed
              ? dual_reference(q<int32_t>(1), q<int32_t>(2), c.exchange, c.subtract, start)
              : dual_reference(q<uint32_t>(1), q<uint32_t>(2), c.exchange, c.subtract, start);
    }
    exec({c.insn});
    EXPECT_EQ((uint64_t{r(1)} << 32) | r(0), expected) << std::hex << c.insn;
  }
}

// VRMLALDAVH: a 72-bit accumulator RdaHi:RdaLo:'00000000', rounded back to 64 bits after every
// beat (one 32-bit lane per beat).
template <typename T>
uint64_t rounding_high_reference(const std::array<T, 4>& n, const std::array<T, 4>& m,
                                 bool exchange, bool subtract, uint64_t start) {
  uint64_t a = start;
  for (unsigned e = 0; e < 4; ++e) {
    const unsigned ne = exchange ? (e ^ 1) : e;
    __int128 product = static_cast<__int128>(n[ne]) * static_cast<__int128>(m[e]);
    if (subtract && (e & 1)) product = -product;
    const unsigned __int128 wide =
        (static_cast<unsigned __int128>(a) << 8) + static_cast<unsigned __int128>(product) + 0x80;
    // Bits [71:8] of the (two's complement) sum.
    a = static_cast<uint64_t>(wide >> 8);
  }
  return a;
}

TEST_F(MveReduceTest, Vrmlaldavh) {
  load_operands();
  struct Case {
    uint32_t insn;
    bool is_signed, exchange, subtract, accumulate;
  };
  const Case cases[] = {
      {0xee820f04, true, false, false, false},  // vrmlaldavh.s32 r0, r1, q1, q2
      {0xfe820f24, false, false, false, true},  // vrmlaldavha.u32
      {0xee821f04, true, true, false, false},   // vrmlaldavhx.s32
      {0xfe820e05, true, false, true, false},   // vrmlsldavh.s32
      {0xfe821e25, true, true, true, true},     // vrmlsldavhax.s32
  };
  for (const Case& c : cases) {
    r(0) = 0x00000123;
    r(1) = 0x80000000;
    const uint64_t start = c.accumulate ? 0x8000000000000123ull : 0;
    const uint64_t expected = c.is_signed ? rounding_high_reference(q<int32_t>(1), q<int32_t>(2),
                                                                    c.exchange, c.subtract, start)
                                          : rounding_high_reference(q<uint32_t>(1), q<uint32_t>(2),
                                                                    c.exchange, c.subtract, start);
    exec({c.insn});
    EXPECT_EQ((uint64_t{r(1)} << 32) | r(0), expected) << std::hex << c.insn;
  }
  // Rounding per lane: products 0xff * 1 and 0x180 * 1 with q1 = 1s.
  set_q<uint32_t>(1, {1, 1, 1, 1});
  set_q<uint32_t>(2, {0x000000ff, 0x00000180, 0xffffff80, 0x0000007f});
  exec({0xee820f04});
  // 0xff -> 1 (0x17f >> 8), 0x180 -> 2, -128 -> 0 (0 >> 8), 0x7f -> 0 (0xff >> 8).
  EXPECT_EQ((uint64_t{r(1)} << 32) | r(0), 3u);
}

TEST_F(MveReduceTest, MaxMinAcrossVector) {
  set_q<int8_t>(2, {-128, 127, 5, -1, 0, 3, 9, -7, 1, 1, 1, 1, 1, 1, 1, 1});
  r(0) = 0x00000100;   // as an s8 element: 0
  exec({0xeee20f04});  // vmaxv.s8
  EXPECT_EQ(r(0), 127u);
  r(0) = 0xffffff00;   // 0
  exec({0xeee20f84});  // vminv.s8: sign-extended result
  EXPECT_EQ(r(0), 0xffffff80u);
  r(0) = 0x17f;        // u8 0x7f
  exec({0xfee20f04});  // vmaxv.u8: 0xff (-1) is the largest unsigned byte
  EXPECT_EQ(r(0), 0xffu);
  r(0) = 0xff;         // s8 -1 beats nothing
  exec({0xeee00f04});  // vmaxav.s8: |-128| = 128, Rda read as unsigned 0xff = 255
  EXPECT_EQ(r(0), 255u);
  r(0) = 0x7f;
  exec({0xeee00f04});
  EXPECT_EQ(r(0), 128u);

  set_q<int16_t>(2, {-300, 200, -32768, 7, 0, 1, 2, 3});
  r(0) = 0x12340005;
  exec({0xeee60f04});  // vmaxv.s16
  EXPECT_EQ(r(0), 200u);
  r(0) = 0xffff;
  exec({0xfee60f84});  // vminv.u16
  EXPECT_EQ(r(0), 0u);
  r(0) = 0x7fff;
  exec({0xeee40f84});  // vminav.s16: |0| = 0
  EXPECT_EQ(r(0), 0u);

  set_q<int32_t>(2, {INT32_MIN, -5, 4, 3});
  r(0) = 0;
  exec({0xeeea0f84});  // vminv.s32
  EXPECT_EQ(r(0), 0x80000000u);
  r(0) = 1;
  exec({0xfeea0f04});  // vmaxv.u32: -5 is 0xfffffffb
  EXPECT_EQ(r(0), 0xfffffffbu);
  r(0) = 2;
  exec({0xeee80f04});  // vmaxav.s32: |INT32_MIN| = 0x80000000
  EXPECT_EQ(r(0), 0x80000000u);
}

TEST_F(MveReduceTest, Vabav) {
  load_operands();
  struct Case {
    uint32_t insn;
    unsigned esize;
    bool is_signed;
  };
  const Case cases[] = {
      {0xee820f05, 1, true}, {0xfe920f05, 2, false}, {0xeea20f05, 4, true}, {0xfea20f05, 4, false}};
  for (const Case& c : cases) {
    r(0) = 0xfffffff0;
    int64_t expected = 0xfffffff0;
    for (unsigned e = 0; e < 16 / c.esize; ++e) {
      int64_t x = 0, y = 0;
      if (c.esize == 1) {
        x = q<int8_t>(1)[e];
        y = q<int8_t>(2)[e];
      } else if (c.esize == 2) {
        x = q<uint16_t>(1)[e];
        y = q<uint16_t>(2)[e];
      } else if (c.is_signed) {
        x = q<int32_t>(1)[e];
        y = q<int32_t>(2)[e];
      } else {
        x = q<uint32_t>(1)[e];
        y = q<uint32_t>(2)[e];
      }
      expected += x > y ? x - y : y - x;
    }
    exec({c.insn});
    EXPECT_EQ(r(0), static_cast<uint32_t>(expected)) << std::hex << c.insn;
  }
}

TEST_F(MveReduceTest, PredicatedLanesDoNotContribute) {
  set_q<uint32_t>(2, {1, 10, 100, 1000});
  s().vpr = 0xf0f0;
  r(0) = 0;
  exec({0xfe710f4d /* vpst */, 0xfef90f04 /* vaddv.u32 r0, q2 */});
  EXPECT_EQ(r(0), 1010u);
  // Tail predication: LTPSIZE 2, LR = 1 -> only lane 0.
  s().fpscr = (s().fpscr & ~(7u << 16)) | (2u << 16);
  r(14) = 1;
  r(0) = 5;
  exec({0xeeea0f84});  // vminv.s32 r0, q2: lane 0 is 1
  EXPECT_EQ(r(0), 1u);
}

TEST_F(MveReduceTest, UnpredictableRegistersAreUndefined) {
  // vmaxv.s8 with Rda = 13 (hw2 0xdf04) and vaddlv with RdaHi = 13 (hw1 0xee e9 -> hhh = 110).
  EXPECT_EQ(exec_until_stop({0xeee2df04}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::UndefinedInstruction);
  EXPECT_EQ(exec_until_stop({0xeee90f04}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::UndefinedInstruction);
  // vmladavx.u16 (unsigned exchange) does not exist.
  EXPECT_EQ(exec_until_stop({0xfef21e04}), StopReason::Fault);
  EXPECT_EQ(h.core().last_fault().kind, FaultKind::UndefinedInstruction);
}

// ---------------------------------------------------------------------------------------------
// Floating point
// ---------------------------------------------------------------------------------------------

constexpr uint32_t kOne = 0x3f800000, kMinusTwo = 0xc0000000, kThree = 0x40400000;
constexpr uint32_t kQNaN = 0x7fc00000, kSNaN = 0x7f800001, kDefaultNaN = 0x7fc00000;

TEST_F(MveReduceTest, VmaxnmvAndVminnmvIgnoreNaNs) {
  set_q<uint32_t>(2, {kOne, kQNaN, kMinusTwo, kSNaN});
  r(0) = kQNaN;  // a NaN accumulator loses against the first number
  s().fpscr = 4u << 16;
  exec({0xeeee0f04});  // vmaxnmv.f32
  EXPECT_EQ(r(0), kOne);
  EXPECT_EQ(s().fpscr & 1, 1u);  // the signalling NaN
  r(0) = kThree;
  s().fpscr = 4u << 16;
  exec({0xeeee0f84});  // vminnmv.f32
  EXPECT_EQ(r(0), kMinusTwo);
  set_q<uint32_t>(2, {kQNaN, kQNaN, kQNaN, kQNaN});
  r(0) = kQNaN | 5;
  exec({0xeeee0f04});  // only NaNs: the default NaN
  EXPECT_EQ(r(0), kDefaultNaN);
}

TEST_F(MveReduceTest, SignedZerosAndMagnitudes) {
  set_q<uint32_t>(2, {0x80000000, 0, 0x80000000, 0x80000000});
  r(0) = 0x80000000;
  exec({0xeeee0f04});  // vmaxnmv.f32: +0 > -0
  EXPECT_EQ(r(0), 0u);
  r(0) = 0;
  exec({0xeeee0f84});  // vminnmv.f32: -0 < +0
  EXPECT_EQ(r(0), 0x80000000u);
  set_q<uint32_t>(2, {kOne, kMinusTwo, 0xbf000000 /* -0.5 */, kOne});
  r(0) = 0;
  exec({0xeeec0f04});  // vmaxnmav.f32: |-2| = 2
  EXPECT_EQ(r(0), 0x40000000u);
  r(0) = kThree;
  exec({0xeeec0f84});  // vminnmav.f32: |-0.5| = 0.5
  EXPECT_EQ(r(0), 0x3f000000u);
  r(0) = 0xc0800000;  // Rda = -4 is not made absolute: max(-4, |x|) = 2
  exec({0xeeec0f04});
  EXPECT_EQ(r(0), 0x40000000u);
  r(0) = 0xc0800000;
  exec({0xeeec0f84});  // vminnmav.f32: min(-4, |x|) = -4
  EXPECT_EQ(r(0), 0xc0800000u);
}

TEST_F(MveReduceTest, HalfPrecisionReductionsZeroExtend) {
  // 1.0, -3.0, 0.5, NaN, 2.0, -0, 0, 1.5
  set_q<uint16_t>(2, {0x3c00, 0xc200, 0x3800, 0x7e00, 0x4000, 0x8000, 0x0000, 0x3e00});
  r(0) = 0xffff0000;   // +0 in the low half; the high half is ignored and cleared
  exec({0xfeee0f04});  // vmaxnmv.f16
  EXPECT_EQ(r(0), 0x4000u);
  r(0) = 0x00004400;   // 4.0
  exec({0xfeec0f84});  // vminnmav.f16: |-0| = +0 and +0
  EXPECT_EQ(r(0), 0x0000u);
}

}  // namespace
}  // namespace minifvp::test
