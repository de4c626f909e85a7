// Typed lane helpers of the MVE integer execute functions (cpu/exec/mve_integer_*.cpp): the lane
// type of an instruction (element size and signedness) and the exact-width arithmetic the Arm ARM
// pseudocode does on integers of unbounded range.
//
// Predication is byte-granular, as VPR.P0 is: a result vector is written with write_q() under the
// raw element_mask(), so a byte keeps its old value when its own mask bit is clear (QEMU merges the
// same way). Per-lane side effects (FPSCR.QC, a carry) count a lane as active when the mask bit of
// its lowest byte is set (mve::lane_active).
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "cpu/exec/mve_common.h"

namespace minifvp::cpu::exec::mve_int {

using mve::Vector;

// The integer wide enough for every sum, difference and product of two lanes of type T (lanes are
// at most 32 bits): int64_t for signed lanes, uint64_t for unsigned ones.
template <typename T>
using Wide = std::conditional_t<std::is_signed_v<T>, int64_t, uint64_t>;

template <typename T>
constexpr Wide<T> widen(T value) {
  return static_cast<Wide<T>>(value);
}

template <typename T>
constexpr unsigned kLanes = mve::kVectorBytes / sizeof(T);

template <typename T>
constexpr unsigned kBits = 8 * sizeof(T);

// Calls body.template operator()<T>() with T the lane type for `esize` bytes (1, 2 or 4), unsigned
// when `is_unsigned`.
template <class Body>
inline void with_lane_type(unsigned esize, bool is_unsigned, Body&& body) {
  switch (esize) {
    case 1:
      is_unsigned ? body.template operator()<uint8_t>() : body.template operator()<int8_t>();
      return;
    case 2:
      is_unsigned ? body.template operator()<uint16_t>() : body.template operator()<int16_t>();
      return;
    default:
      is_unsigned ? body.template operator()<uint32_t>() : body.template operator()<int32_t>();
      return;
  }
}

// Saturates `value` to the range of T; sets `saturated` when it had to (SignedSatQ/UnsignedSatQ).
template <typename T>
constexpr T saturate(int64_t value, bool& saturated) {
  constexpr int64_t kMin = static_cast<int64_t>(std::numeric_limits<T>::min());
  constexpr int64_t kMax = static_cast<int64_t>(std::numeric_limits<T>::max());
  if (value > kMax) {
    saturated = true;
    return static_cast<T>(kMax);
  }
  if (value < kMin) {
    saturated = true;
    return static_cast<T>(kMin);
  }
  return static_cast<T>(value);
}

// The scalar operand of a vector-by-scalar instruction: the low bits of general-purpose register t.
template <typename T>
inline T scalar_operand(const CpuState& s, const DecodedInsn& insn) {
  return static_cast<T>(s.r[insn.t]);
}

// Whether a lane value is negative (always false for unsigned lanes).
template <typename T>
constexpr bool is_negative(T value) {
  if constexpr (std::is_signed_v<T>) {
    return value < 0;
  } else {
    return false;
  }
}

// Whether Op::apply<T> takes a saturation flag (the saturating operations, which set FPSCR.QC).
template <class Op, typename T>
constexpr bool kSaturating = std::is_invocable_v<decltype(&Op::template apply<T>), T, T, bool&>;

// Qd = Qn op Qm, or Qn op R[t] when kScalar.
template <class Op, bool kScalar>
inline void binary_lanes(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector n = mve::read_q(s, insn.n);
  const Vector m = kScalar ? Vector{} : mve::read_q(s, insn.m);
  Vector out;
  bool active_lane_saturated = false;
  with_lane_type(insn.esize, insn.flag, [&]<typename T>() {
    const T scalar = scalar_operand<T>(s, insn);
    for (unsigned i = 0; i < kLanes<T>; ++i) {
      const T b = kScalar ? scalar : m.lane<T>(i);
      if constexpr (kSaturating<Op, T>) {
        bool saturated = false;
        out.set_lane<T>(i, Op::template apply<T>(n.lane<T>(i), b, saturated));
        if (saturated && mve::lane_active<T>(mask, i)) active_lane_saturated = true;
      } else {
        out.set_lane<T>(i, Op::template apply<T>(n.lane<T>(i), b));
      }
    }
  });
  if (active_lane_saturated) mve::set_qc(s);
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

// Whether Op::apply<T> of a one-source operation takes a saturation flag.
template <class Op, typename T>
constexpr bool kSaturatingUnary = std::is_invocable_v<decltype(&Op::template apply<T>), T, bool&>;

// Qd = op(Qm) lane by lane.
template <class Op>
inline void unary_lanes(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector m = mve::read_q(s, insn.m);
  Vector out;
  bool active_lane_saturated = false;
  with_lane_type(insn.esize, insn.flag, [&]<typename T>() {
    for (unsigned i = 0; i < kLanes<T>; ++i) {
      if constexpr (kSaturatingUnary<Op, T>) {
        bool saturated = false;
        out.set_lane<T>(i, Op::template apply<T>(m.lane<T>(i), saturated));
        if (saturated && mve::lane_active<T>(mask, i)) active_lane_saturated = true;
      } else {
        out.set_lane<T>(i, Op::template apply<T>(m.lane<T>(i)));
      }
    }
  });
  if (active_lane_saturated) mve::set_qc(s);
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

}  // namespace minifvp::cpu::exec::mve_int
