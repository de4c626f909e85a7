// MVE integer multiplies and the remaining integer instructions (cpu/exec/mve_integer_multiply.cpp,
// mve_integer_misc.cpp): VMUL, VMULH/VRMULH, VMULL (integer, polynomial), VQDMULL, VMLA/VMLAS,
// VADC/VSBC, VCADD/VHCADD, VIDUP/VDDUP/VIWDUP/VDWDUP and VBRSR, against formulas written here.
// Encodings are GNU as output; Qd = q1, Qn = q2, Qm = q3, Rm = r3 unless said otherwise.
#include <cstdint>

#include "mve_integer_fixture.h"

namespace minifvp::test {
namespace {

class MveIntMultiply : public MveIntTest {
 protected:
  // Checks a widening result: lane i of the D-typed Qd = ref(source elements 2i + top).
  template <typename T, typename D, typename Ref>
  void expect_widening(unsigned top, Ref ref) {
    const mve::Vector n = mve::read_q(s(), 2), m = mve::read_q(s(), 3);
    for (unsigned i = 0; i < 8 / sizeof(T); ++i) {
      const unsigned source = 2 * i + top;
      EXPECT_EQ(lane<D>(1, i), ref(n.lane<T>(source), m.lane<T>(source)))
          << "lane " << i << " top " << top;
    }
  }
};

TEST_F(MveIntMultiply, MultiplyLowHalf) {
  check_binary<uint8_t>(with_size(0xef142956, 0),
                        [](uint8_t a, uint8_t b) { return uint8_t(a * b); });
  check_binary<uint16_t>(
      0xef142956, [](uint16_t a, uint16_t b) { return static_cast<uint16_t>(uint32_t{a} * b); });
  check_binary<uint32_t>(with_size(0xef142956, 2), [](uint32_t a, uint32_t b) {
    return static_cast<uint32_t>(uint64_t{a} * b);
  });
  check_scalar<uint8_t>(0xee053e63, [](uint8_t a, uint8_t b) { return uint8_t(a * b); });
  check_scalar<uint32_t>(with_size(0xee053e63, 2), [](uint32_t a, uint32_t b) {
    return static_cast<uint32_t>(uint64_t{a} * b);
  });
}

TEST_F(MveIntMultiply, MultiplyHighHalfAndRounding) {
  check_binary<int8_t>(0xee052e07, [](int8_t a, int8_t b) {
    return static_cast<int8_t>((int32_t{a} * b) / 256 - ((int32_t{a} * b) % 256 < 0 ? 1 : 0));
  });
  check_binary<uint32_t>(0xfe252e07, [](uint32_t a, uint32_t b) {
    return static_cast<uint32_t>((uint64_t{a} * b) / 4294967296ull);
  });
  // Every element size and signedness (floor of product / 2^bits, by exact integer division).
  auto floor_div = [](int64_t v, int64_t d) { return v >= 0 ? v / d : -((-v + d - 1) / d); };
  check_binary<int16_t>(with_size(0xee052e07, 1), [&](int16_t a, int16_t b) {
    return static_cast<int16_t>(floor_div(int64_t{a} * b, 65536));
  });
  check_binary<uint16_t>(with_size(0xfe052e07, 1), [&](uint16_t a, uint16_t b) {
    return static_cast<uint16_t>(floor_div(int64_t{a} * b, 65536));
  });
  check_binary<uint8_t>(with_size(0xfe052e07, 0), [&](uint8_t a, uint8_t b) {
    return static_cast<uint8_t>(floor_div(int64_t{a} * b, 256));
  });
  check_binary<int32_t>(with_size(0xee052e07, 2), [&](int32_t a, int32_t b) {
    return static_cast<int32_t>(floor_div(int64_t{a} * b, int64_t{1} << 32));
  });
  check_binary<int8_t>(with_size(0xee053e07, 0), [&](int8_t a, int8_t b) {
    return static_cast<int8_t>(floor_div(int64_t{a} * b + 128, 256));
  });
  check_binary<uint16_t>(with_size(0xfe053e07, 1), [&](uint16_t a, uint16_t b) {
    return static_cast<uint16_t>(floor_div(int64_t{a} * b + 32768, 65536));
  });
  check_binary<uint32_t>(with_size(0xfe053e07, 2), [&](uint32_t a, uint32_t b) {
    return static_cast<uint32_t>((uint64_t{a} * b + (uint64_t{1} << 31)) >> 32);
  });
  // Rounding: add half of 2^16 to the exact product, then take the floor of /2^16.
  check_binary<int16_t>(0xee153e07, [](int16_t a, int16_t b) {
    const int64_t v = int64_t{a} * b + 32768;
    return static_cast<int16_t>(v >= 0 ? v / 65536 : -((-v + 65535) / 65536));
  });
  check_binary<uint8_t>(with_size(0xfe153e07, 0), [](uint8_t a, uint8_t b) {
    return static_cast<uint8_t>((uint32_t{a} * b + 128) / 256);
  });
  check_binary<int32_t>(with_size(0xee153e07, 2), [](int32_t a, int32_t b) {
    const __int128 v = static_cast<__int128>(a) * b + (int64_t{1} << 31);
    return static_cast<int32_t>(v >= 0 ? v / (__int128{1} << 32)
                                       : -((-v + ((__int128{1} << 32) - 1)) / (__int128{1} << 32)));
  });
}

TEST_F(MveIntMultiply, MultiplyLongBottomTop) {
  set_bytes(2, 0x80, 0x13);
  set_bytes(3, 0xff, 0x29);
  for (unsigned top = 0; top < 2; ++top) {
    const uint32_t t = top << 12;
    exec(0xee052e06 | t);  // vmull{b,t}.s8
    expect_widening<int8_t, int16_t>(top, [](int8_t a, int8_t b) { return int16_t(a * b); });
    exec(0xfe052e06 | t);  // .u8
    expect_widening<uint8_t, uint16_t>(top, [](uint8_t a, uint8_t b) { return uint16_t(a * b); });
    exec(0xee152e06 | t);  // .s16
    expect_widening<int16_t, int32_t>(top, [](int16_t a, int16_t b) { return int32_t{a} * b; });
    exec(0xfe152e06 | t);  // .u16
    expect_widening<uint16_t, uint32_t>(top,
                                        [](uint16_t a, uint16_t b) { return uint32_t{a} * b; });
    exec(0xee252e06 | t);  // .s32
    expect_widening<int32_t, int64_t>(top, [](int32_t a, int32_t b) { return int64_t{a} * b; });
    exec(0xfe252e06 | t);  // .u32
    expect_widening<uint32_t, uint64_t>(top,
                                        [](uint32_t a, uint32_t b) { return uint64_t{a} * b; });
  }
  // Qd == Qn: the result uses the sources as they were.
  set_bytes(1, 0x81, 0x07);
  set_bytes(3, 0x05, 0x03);
  const mve::Vector n = mve::read_q(s(), 1), m = mve::read_q(s(), 3);
  exec(0xfe232e06);  // vmullb.u32 q1, q1, q3
  EXPECT_EQ(lane<uint64_t>(1, 1), uint64_t{n.lane<uint32_t>(2)} * m.lane<uint32_t>(2));
}

// Carry-less product computed the other way round from the implementation: for each set bit of
// b, XOR in a shifted.
uint32_t clmul(uint32_t a, uint32_t b) {
  uint32_t r = 0;
  for (unsigned i = 0; i < 16; ++i) {
    if (b & (1u << i)) r ^= a << i;
  }
  return r;
}

TEST_F(MveIntMultiply, PolynomialMultiplyLong) {
  set_bytes(2, 0xf1, 0x37);
  set_bytes(3, 0x8d, 0x1b);
  exec(0xee352e06);  // vmullb.p8
  expect_widening<uint8_t, uint16_t>(0, [](uint8_t a, uint8_t b) { return uint16_t(clmul(a, b)); });
  exec(0xee353e06);  // vmullt.p8
  expect_widening<uint8_t, uint16_t>(1, [](uint8_t a, uint8_t b) { return uint16_t(clmul(a, b)); });
  exec(0xfe353e06);  // vmullt.p16
  expect_widening<uint16_t, uint32_t>(1, [](uint16_t a, uint16_t b) { return clmul(a, b); });
  exec(0xfe352e06);  // vmullb.p16
  expect_widening<uint16_t, uint32_t>(0, [](uint16_t a, uint16_t b) { return clmul(a, b); });
  EXPECT_EQ(clmul(0xff, 0xff), 0x5555u);  // the reference itself: (x^8-1)/(x-1) squared
}

TEST_F(MveIntMultiply, SaturatingDoublingMultiplyLong) {
  // 16-bit: INT16_MIN * INT16_MIN saturates to INT32_MAX and sets QC.
  for (unsigned i = 0; i < 8; ++i) {
    set_lane<int16_t>(2, i, static_cast<int16_t>(i == 2 ? INT16_MIN : 1000 * i - 3000));
    set_lane<int16_t>(3, i, static_cast<int16_t>(i == 2 ? INT16_MIN : -77 * i + 5));
  }
  clear_qc();
  exec(0xee342f07);  // vqdmullb.s16 q1, q2, q3
  EXPECT_TRUE(qc());
  EXPECT_EQ(lane<int32_t>(1, 1), INT32_MAX);  // source element 2
  EXPECT_EQ(lane<int32_t>(1, 0), 2 * (-3000) * 5);
  EXPECT_EQ(lane<int32_t>(1, 3), 2 * 3000 * (-457));
  clear_qc();
  exec(0xee343f07);  // vqdmullt.s16: odd elements, no saturation
  EXPECT_FALSE(qc());
  EXPECT_EQ(lane<int32_t>(1, 2), 2 * 2000 * (-380));
  // 32-bit: only INT32_MIN * INT32_MIN saturates (to INT64_MAX).
  set_lane<int32_t>(2, 0, INT32_MIN);
  set_lane<int32_t>(3, 0, INT32_MIN);
  set_lane<int32_t>(2, 2, INT32_MIN);
  set_lane<int32_t>(3, 2, INT32_MAX);
  clear_qc();
  exec(0xfe342f07);  // vqdmullb.s32
  EXPECT_TRUE(qc());
  EXPECT_EQ(lane<int64_t>(1, 0), INT64_MAX);
  EXPECT_EQ(lane<int64_t>(1, 1), 2 * int64_t{INT32_MIN} * INT32_MAX);
  // A saturating lane that is predicated off leaves QC clear.
  predicate(0xff00);
  clear_qc();
  exec(0xfe342f07);
  EXPECT_FALSE(qc());
  // Scalar forms.
  r(3) = 0xffff8000;  // -32768 in the low half
  set_lane<int16_t>(2, 1, INT16_MIN);
  set_lane<int16_t>(2, 3, 3);
  clear_qc();
  exec(0xee343f63);  // vqdmullt.s16 q1, q2, r3
  EXPECT_TRUE(qc());
  EXPECT_EQ(lane<int32_t>(1, 0), INT32_MAX);
  EXPECT_EQ(lane<int32_t>(1, 1), 2 * 3 * -32768);
  r(3) = 7;
  set_lane<int32_t>(2, 1, -5);
  clear_qc();
  exec(0xfe343f63);  // vqdmullt.s32 q1, q2, r3
  EXPECT_FALSE(qc());
  EXPECT_EQ(lane<int64_t>(1, 0), -70);
}

TEST_F(MveIntMultiply, MultiplyAccumulateScalar) {
  set_bytes(1, 0x11, 0x23);
  set_bytes(2, 0xf3, 0x35);
  r(3) = 0x9abcdef1;
  const mve::Vector d = mve::read_q(s(), 1), n = mve::read_q(s(), 2);
  exec(0xfe252e43);  // vmla.u32 q1, q2, r3
  for (unsigned i = 0; i < 4; ++i) {
    EXPECT_EQ(lane<uint32_t>(1, i), n.lane<uint32_t>(i) * 0x9abcdef1u + d.lane<uint32_t>(i));
  }
  mve::write_q(s(), 1, d);
  exec(0xee053e43);  // vmlas.s8 q1, q2, r3: Qda = Qn * Qda + Rm
  for (unsigned i = 0; i < 16; ++i) {
    EXPECT_EQ(lane<uint8_t>(1, i), uint8_t(n.lane<uint8_t>(i) * d.lane<uint8_t>(i) + 0xf1)) << i;
  }
  mve::write_q(s(), 1, d);
  exec(with_size(0xee052e43, 1));  // vmla.s16
  for (unsigned i = 0; i < 8; ++i) {
    EXPECT_EQ(lane<uint16_t>(1, i), uint16_t(n.lane<uint16_t>(i) * 0xdef1u + d.lane<uint16_t>(i)));
  }
}

constexpr uint32_t kFpscrC = 1u << 29;
constexpr uint32_t kFpscrNzcv = 0xf0000000u;

TEST_F(MveIntMultiply, AddWithCarryChainsThroughLanes) {
  const uint32_t n[4] = {0xffffffff, 0x00000001, 0x7fffffff, 0x80000000};
  const uint32_t m[4] = {0x00000001, 0xfffffffe, 0x00000000, 0x80000000};
  for (unsigned i = 0; i < 4; ++i) {
    set_lane<uint32_t>(2, i, n[i]);
    set_lane<uint32_t>(3, i, m[i]);
  }
  // VADCI: carry in 0. Lane 0 carries out, lane 1 gets 1 + 1 + 0xfffffffe = carry, lane 2 gets +1.
  s().fpscr |= 0xd0000000;  // N, Z and V set: cleared by the result
  exec(0xee343f06);
  EXPECT_EQ(lane<uint32_t>(1, 0), 0u);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0u);
  EXPECT_EQ(lane<uint32_t>(1, 2), 0x80000000u);
  EXPECT_EQ(lane<uint32_t>(1, 3), 0u);
  EXPECT_EQ(s().fpscr & kFpscrNzcv, kFpscrC);
  // VADC: carry in from FPSCR.C (set now).
  exec(0xee342f06);
  EXPECT_EQ(lane<uint32_t>(1, 0), 1u);
  EXPECT_EQ(s().fpscr & kFpscrNzcv, kFpscrC);
  // VSBCI: carry in 1 (no borrow): n - m per lane with borrow chaining.
  exec(0xfe343f06);
  uint64_t carry = 1;
  for (unsigned i = 0; i < 4; ++i) {
    const uint64_t sum = uint64_t{n[i]} + uint32_t(~m[i]) + carry;
    EXPECT_EQ(lane<uint32_t>(1, i), static_cast<uint32_t>(sum)) << i;
    carry = sum >> 32;
  }
  EXPECT_EQ((s().fpscr & kFpscrC) != 0, carry != 0);
  // VSBC with C clear: an extra borrow in lane 0.
  s().fpscr &= ~kFpscrC;
  exec(0xfe342f06);
  EXPECT_EQ(lane<uint32_t>(1, 0), 0xfffffffdu);  // 0xffffffff - 1 - 1
  // A predicated-off lane neither writes nor passes its carry on: lane 0 off, so lane 1 starts
  // from the carry in (0 for VADCI).
  set_lane<uint32_t>(1, 0, 0x12345678);
  predicate(0xfff0);
  exec(0xee343f06);
  EXPECT_EQ(lane<uint32_t>(1, 0), 0x12345678u);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0xffffffffu);
  // VADC with no active lane leaves FPSCR alone.
  s().fpscr = (s().fpscr & ~kFpscrNzcv) | 0x90000000;
  predicate(0x0000);
  exec(0xee342f06);
  EXPECT_EQ(s().fpscr & kFpscrNzcv, 0x90000000u);
}

// With EPSR.ECI saying beat 0 already ran, VADCI continues the chain from FPSCR.C (the carry
// out of beat 0) instead of its fixed carry-in, and lane 0 is not written again.
TEST_F(MveIntMultiply, AddWithCarryResumedAfterBeatZero) {
  for (unsigned i = 0; i < 4; ++i) {
    set_lane<uint32_t>(1, i, 0xdead0000 + i);
    set_lane<uint32_t>(2, i, 0xffffffff);
    set_lane<uint32_t>(3, i, 0);
  }
  s().fpscr |= kFpscrC;
  s().it.bits = static_cast<uint8_t>(mve::Eci::A0) << 4;
  exec(0xee343f06);  // vadci.i32 q1, q2, q3
  EXPECT_EQ(lane<uint32_t>(1, 0), 0xdead0000u);
  EXPECT_EQ(lane<uint32_t>(1, 1), 0u);  // 0xffffffff + 0 + carry 1
  EXPECT_EQ(lane<uint32_t>(1, 3), 0u);
  EXPECT_EQ(s().fpscr & kFpscrNzcv, kFpscrC);
  EXPECT_EQ(s().it.bits, 0);
}

TEST_F(MveIntMultiply, ComplexAddRotations) {
  set_bytes(2, 0x70, 0x21);
  set_bytes(3, 0x85, 0x3b);
  const mve::Vector n = mve::read_q(s(), 2), m = mve::read_q(s(), 3);
  exec(0xfe142f06);  // vcadd.i16 q1, q2, q3, #90: even = n - m[e+1], odd = n + m[e-1]
  for (unsigned e = 0; e < 8; ++e) {
    const uint16_t expected = e % 2 == 0 ? uint16_t(n.lane<uint16_t>(e) - m.lane<uint16_t>(e + 1))
                                         : uint16_t(n.lane<uint16_t>(e) + m.lane<uint16_t>(e - 1));
    EXPECT_EQ(lane<uint16_t>(1, e), expected) << e;
  }
  exec(0xfe243f06);  // vcadd.i32 #270: even = n + m[e+1], odd = n - m[e-1]
  for (unsigned e = 0; e < 4; ++e) {
    const uint32_t expected = e % 2 == 0 ? n.lane<uint32_t>(e) + m.lane<uint32_t>(e + 1)
                                         : n.lane<uint32_t>(e) - m.lane<uint32_t>(e - 1);
    EXPECT_EQ(lane<uint32_t>(1, e), expected) << e;
  }
  auto floor_half = [](int64_t v) { return v >= 0 ? v / 2 : -((-v + 1) / 2); };
  exec(0xee042f06);  // vhcadd.s8 #90, signed halving
  for (unsigned e = 0; e < 16; ++e) {
    const int64_t exact = e % 2 == 0 ? int64_t{n.lane<int8_t>(e)} - m.lane<int8_t>(e + 1)
                                     : int64_t{n.lane<int8_t>(e)} + m.lane<int8_t>(e - 1);
    EXPECT_EQ(lane<int8_t>(1, e), static_cast<int8_t>(floor_half(exact))) << e;
  }
  exec(0xee243f06);  // vhcadd.s32 #270
  for (unsigned e = 0; e < 4; ++e) {
    const int64_t exact = e % 2 == 0 ? int64_t{n.lane<int32_t>(e)} + m.lane<int32_t>(e + 1)
                                     : int64_t{n.lane<int32_t>(e)} - m.lane<int32_t>(e - 1);
    EXPECT_EQ(lane<int32_t>(1, e), static_cast<int32_t>(floor_half(exact))) << e;
  }
  // Qd == Qm (CONSTRAINED UNPREDICTABLE for 32-bit): computed from the original Qm.
  mve::write_q(s(), 1, m);
  exec(0xfe242f02);  // vcadd.i32 q1, q2, q1, #90
  EXPECT_EQ(lane<uint32_t>(1, 1), n.lane<uint32_t>(1) + m.lane<uint32_t>(0));
}

TEST_F(MveIntMultiply, IncrementingAndDecrementingDups) {
  r(2) = 250;
  exec(0xee032fee);  // vidup.u8 q1, r2, #4
  for (unsigned i = 0; i < 16; ++i) EXPECT_EQ(lane<uint8_t>(1, i), uint8_t(250 + 4 * i)) << i;
  EXPECT_EQ(r(2), 250u + 64);
  r(4) = 2;
  exec(0xee253f6e);  // vddup.u32 q1, r4, #1
  for (unsigned i = 0; i < 4; ++i) EXPECT_EQ(lane<uint32_t>(1, i), 2u - i) << i;
  EXPECT_EQ(r(4), 0xfffffffeu);
  // Wrapping up: offset 4, wrap 10, step 2: 4 6 8 0 2 4 6 8, final offset 0.
  r(2) = 4;
  r(3) = 10;
  exec(0xee132f63);  // viwdup.u16 q1, r2, r3, #2
  const uint16_t up[8] = {4, 6, 8, 0, 2, 4, 6, 8};
  for (unsigned i = 0; i < 8; ++i) EXPECT_EQ(lane<uint16_t>(1, i), up[i]) << i;
  EXPECT_EQ(r(2), 0u);
  // Wrapping down: offset 16, wrap 32, step 8: 16 8 0 24 16 8 0 24 ..., final 16.
  r(4) = 16;
  r(5) = 32;
  exec(0xee053fe5);  // vdwdup.u8 q1, r4, r5, #8
  for (unsigned i = 0; i < 16; ++i) {
    const uint8_t expected[4] = {16, 8, 0, 24};
    EXPECT_EQ(lane<uint8_t>(1, i), expected[i % 4]) << i;
  }
  EXPECT_EQ(r(4), 16u);
  // Predicated lanes keep their value but the offset still advances past them.
  set_bytes(1, 0xa0, 0);
  predicate(0x00ff);
  r(2) = 0;
  exec(0xee032fee);
  EXPECT_EQ(lane<uint8_t>(1, 7), 28);
  EXPECT_EQ(lane<uint8_t>(1, 8), 0xa0);
  EXPECT_EQ(r(2), 64u);
}

TEST_F(MveIntMultiply, BitReverseShiftRight) {
  auto reverse = [](uint32_t v, unsigned bits) {
    uint32_t r = 0;
    for (unsigned i = 0; i < bits; ++i) {
      if (v & (1u << i)) r |= 1u << (bits - 1 - i);
    }
    return r;
  };
  set_bytes(2, 0x1d, 0x47);
  for (uint32_t count : {0u, 1u, 3u, 15u, 16u, 40u, 0x103u}) {
    r(3) = count;
    exec(0xfe153e63);  // vbrsr.16 q1, q2, r3
    const uint32_t c = count & 0xff;
    for (unsigned i = 0; i < 8; ++i) {
      const uint32_t full = reverse(lane<uint16_t>(2, i), 16);
      const uint32_t expected = c == 0 ? 0 : (c >= 16 ? full : full >> (16 - c));
      EXPECT_EQ(lane<uint16_t>(1, i), expected) << "count " << count << " lane " << i;
    }
  }
  r(3) = 5;
  exec(with_size(0xfe153e63, 0));  // vbrsr.8
  EXPECT_EQ(lane<uint8_t>(1, 0), reverse(0x1d, 8) >> 3);
  exec(with_size(0xfe153e63, 2));  // vbrsr.32
  EXPECT_EQ(lane<uint32_t>(1, 1), reverse(lane<uint32_t>(2, 1), 32) >> 27);
}

}  // namespace
}  // namespace minifvp::test
