// MVE integer multiplies: VMUL (vector, scalar), VMULH/VRMULH, the widening VMULL (integer and
// polynomial) and VQDMULL (vector, scalar), and the multiply-accumulates VMLA/VMLAS.
// Armv8.1-M ARM, "MVE instructions".
#include <cstdint>
#include <type_traits>

#include "cpu/exec/mve_integer.h"
#include "cpu/exec/mve_integer_lanes.h"

namespace minifvp::cpu::exec::mve_int {
namespace {

struct Mul {
  template <typename T>
  static T apply(T a, T b) {
    return static_cast<T>(widen(a) * widen(b));
  }
};
// The exact double-width product of two lanes: 32-bit for 8- and 16-bit lanes, 64-bit for 32-bit
// lanes. (GCC 12 at -O2 vectorizes the 16-bit signed high-half loop wrongly, as an unsigned
// multiply-high, when the product of narrow lanes is formed in 64 bits; the 32-bit product, which
// is exact, avoids that pattern. tests/unit/mve_integer_multiply_test.cpp covers every size.)
template <typename T>
constexpr auto exact_product(T a, T b) {
  if constexpr (sizeof(T) < 4) {
    using Product = std::conditional_t<std::is_signed_v<T>, int32_t, uint32_t>;
    return static_cast<Product>(static_cast<Product>(a) * static_cast<Product>(b));
  } else {
    return widen(a) * widen(b);
  }
}
// The high half of the double-width product; the rounding form adds half an element's weight
// before the shift.
struct MulHigh {
  template <typename T>
  static T apply(T a, T b) {
    return static_cast<T>(exact_product(a, b) >> kBits<T>);
  }
};
struct RoundingMulHigh {
  template <typename T>
  static T apply(T a, T b) {
    using Product = decltype(exact_product(a, b));
    return static_cast<T>((exact_product(a, b) + (Product{1} << (kBits<T> - 1))) >> kBits<T>);
  }
};

// The element type twice as wide as T, with the same signedness.
template <typename T>
using Double =
    std::conditional_t<std::is_signed_v<T>,
                       std::conditional_t<sizeof(T) == 1, int16_t,
                                          std::conditional_t<sizeof(T) == 2, int32_t, int64_t>>,
                       std::conditional_t<sizeof(T) == 1, uint16_t,
                                          std::conditional_t<sizeof(T) == 2, uint32_t, uint64_t>>>;

// Carry-less (polynomial over GF(2)) product of two `bits`-bit values.
uint32_t polynomial_multiply(uint32_t a, uint32_t b, unsigned bits) {
  uint32_t product = 0;
  for (unsigned i = 0; i < bits; ++i) {
    if ((a >> i) & 1) product ^= b << i;
  }
  return product;
}

// SignedSatQ(2 * a * b, 2 * esize): only INT_MIN * INT_MIN saturates.
template <typename T>
Double<T> saturating_doubling_multiply(T a, T b, bool& saturated) {
  if constexpr (sizeof(T) == 2) {
    return saturate<int32_t>(2 * static_cast<int64_t>(a) * b, saturated);
  } else {
    const int64_t product = static_cast<int64_t>(a) * b;
    if (product > INT64_MAX / 2) {
      saturated = true;
      return INT64_MAX;
    }
    return product * 2;  // product >= INT32_MIN * INT32_MAX: doubling cannot go below INT64_MIN
  }
}

// VQDMULL, vector (kScalar false) or by R[t]: 16- or 32-bit signed sources, double-width results.
template <bool kScalar>
void saturating_doubling_multiply_long(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector n = mve::read_q(s, insn.n);
  const Vector m = kScalar ? Vector{} : mve::read_q(s, insn.m);
  const unsigned top = insn.imm;
  Vector out;
  bool active_lane_saturated = false;
  auto run = [&]<typename T>() {
    const T scalar = scalar_operand<T>(s, insn);
    for (unsigned i = 0; i < kLanes<T> / 2; ++i) {
      const unsigned source = 2 * i + top;
      bool saturated = false;
      out.set_lane<Double<T>>(
          i, saturating_doubling_multiply<T>(n.lane<T>(source),
                                             kScalar ? scalar : m.lane<T>(source), saturated));
      // Which lanes count for FPSCR.QC follows QEMU: for 16-bit sources the mask bit of the source
      // element; for 32-bit sources either half of the 64-bit result.
      const bool counts =
          sizeof(T) == 2 ? mve::lane_active<T>(mask, source) : ((mask >> (8 * i)) & 0x11) != 0;
      if (saturated && counts) active_lane_saturated = true;
    }
  };
  if (insn.esize == 2) {
    run.template operator()<int16_t>();
  } else {
    run.template operator()<int32_t>();
  }
  if (active_lane_saturated) mve::set_qc(s);
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

// VMLA (kAccumulateProduct: Qda = Qn * R[t] + Qda) and VMLAS (Qda = Qn * Qda + R[t]). The low
// bits of the result do not depend on signedness; lanes are unsigned.
template <bool kAccumulateProduct>
void multiply_accumulate_scalar(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector n = mve::read_q(s, insn.n);
  const Vector da = mve::read_q(s, insn.d);
  Vector out;
  with_lane_type(insn.esize, /*is_unsigned=*/true, [&]<typename T>() {
    const Wide<T> scalar = scalar_operand<T>(s, insn);
    for (unsigned i = 0; i < kLanes<T>; ++i) {
      const Wide<T> acc = da.lane<T>(i);
      const Wide<T> source = n.lane<T>(i);
      out.set_lane<T>(
          i, static_cast<T>(kAccumulateProduct ? source * scalar + acc : source * acc + scalar));
    }
  });
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

}  // namespace

void VMUL(Core& core, const DecodedInsn& insn) {
  binary_lanes<Mul, false>(core, insn);
}
void VMUL_scalar(Core& core, const DecodedInsn& insn) {
  binary_lanes<Mul, true>(core, insn);
}
void VMULH(Core& core, const DecodedInsn& insn) {
  binary_lanes<MulHigh, false>(core, insn);
}
void VRMULH(Core& core, const DecodedInsn& insn) {
  binary_lanes<RoundingMulHigh, false>(core, insn);
}

// All results are computed from the sources before Qd is written, so Qd may be Qn or Qm (the
// Arm ARM's CONSTRAINED UNPREDICTABLE overlap for 32-bit sources gives the expected result, as in
// QEMU).
void VMULL(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector n = mve::read_q(s, insn.n);
  const Vector m = mve::read_q(s, insn.m);
  const unsigned top = insn.imm;
  Vector out;
  with_lane_type(insn.esize, insn.flag, [&]<typename T>() {
    for (unsigned i = 0; i < kLanes<T> / 2; ++i) {
      const unsigned source = 2 * i + top;
      out.set_lane<Double<T>>(
          i, static_cast<Double<T>>(widen(n.lane<T>(source)) * widen(m.lane<T>(source))));
    }
  });
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

void VMULL_poly(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector n = mve::read_q(s, insn.n);
  const Vector m = mve::read_q(s, insn.m);
  const unsigned top = insn.imm;
  Vector out;
  with_lane_type(insn.esize, /*is_unsigned=*/true, [&]<typename T>() {
    for (unsigned i = 0; i < kLanes<T> / 2; ++i) {
      const unsigned source = 2 * i + top;
      out.set_lane<Double<T>>(i, static_cast<Double<T>>(polynomial_multiply(
                                     n.lane<T>(source), m.lane<T>(source), kBits<T>)));
    }
  });
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

void VQDMULL(Core& core, const DecodedInsn& insn) {
  saturating_doubling_multiply_long<false>(core, insn);
}
void VQDMULL_scalar(Core& core, const DecodedInsn& insn) {
  saturating_doubling_multiply_long<true>(core, insn);
}
void VMLA(Core& core, const DecodedInsn& insn) {
  multiply_accumulate_scalar<true>(core, insn);
}
void VMLAS(Core& core, const DecodedInsn& insn) {
  multiply_accumulate_scalar<false>(core, insn);
}

}  // namespace minifvp::cpu::exec::mve_int
