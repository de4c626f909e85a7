// MVE integer lanewise arithmetic: bitwise operations, add/subtract (plain, halving, rounding
// halving, saturating), absolute difference, maximum/minimum, and the one-source operations
// (VABS, VNEG, VQABS, VQNEG, VCLS, VCLZ, VMVN, VMAXA, VMINA). Armv8.1-M ARM, "MVE instructions".
#include <bit>
#include <type_traits>

#include "cpu/exec/mve_integer.h"
#include "cpu/exec/mve_integer_lanes.h"

namespace minifvp::cpu::exec::mve_int {
namespace {

// Two-source lane operations. `apply` is the pseudocode's per-element computation on integers of
// unbounded range, truncated (or saturated) to the element.
struct Add {
  template <typename T>
  static T apply(T a, T b) {
    return static_cast<T>(widen(a) + widen(b));
  }
};
struct Sub {
  template <typename T>
  static T apply(T a, T b) {
    return static_cast<T>(widen(a) - widen(b));
  }
};
// (a + b) >> 1 and (a - b) >> 1: the shift is arithmetic on the exact sum, so the result is the
// floor of the halved value. For unsigned lanes the 64-bit wrap of a negative difference leaves
// the low bits of the floor unchanged.
struct HalvingAdd {
  template <typename T>
  static T apply(T a, T b) {
    return static_cast<T>((widen(a) + widen(b)) >> 1);
  }
};
struct HalvingSub {
  template <typename T>
  static T apply(T a, T b) {
    return static_cast<T>((widen(a) - widen(b)) >> 1);
  }
};
struct RoundingHalvingAdd {
  template <typename T>
  static T apply(T a, T b) {
    return static_cast<T>((widen(a) + widen(b) + 1) >> 1);
  }
};
struct AbsoluteDifference {
  template <typename T>
  static T apply(T a, T b) {
    return static_cast<T>(a >= b ? widen(a) - widen(b) : widen(b) - widen(a));
  }
};
struct Max {
  template <typename T>
  static T apply(T a, T b) {
    return a >= b ? a : b;
  }
};
struct Min {
  template <typename T>
  static T apply(T a, T b) {
    return a >= b ? b : a;
  }
};
struct SaturatingAdd {
  template <typename T>
  static T apply(T a, T b, bool& saturated) {
    return saturate<T>(static_cast<int64_t>(a) + static_cast<int64_t>(b), saturated);
  }
};
struct SaturatingSub {
  template <typename T>
  static T apply(T a, T b, bool& saturated) {
    return saturate<T>(static_cast<int64_t>(a) - static_cast<int64_t>(b), saturated);
  }
};

// Bitwise operations on the whole register (two 64-bit halves).
template <typename Fn>
void bitwise(Core& core, const DecodedInsn& insn, Fn fn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector n = mve::read_q(s, insn.n);
  const Vector m = mve::read_q(s, insn.m);
  Vector out;
  for (unsigned i = 0; i < 2; ++i)
    out.set_lane<uint64_t>(i, fn(n.lane<uint64_t>(i), m.lane<uint64_t>(i)));
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

// One-source lane operations.
struct Abs {
  template <typename T>
  static T apply(T a) {
    return static_cast<T>(is_negative(a) ? -widen(a) : widen(a));
  }
};
struct Neg {
  template <typename T>
  static T apply(T a) {
    return static_cast<T>(-widen(a));
  }
};
struct SaturatingAbs {
  template <typename T>
  static T apply(T a, bool& saturated) {
    return saturate<T>(is_negative(a) ? -static_cast<int64_t>(a) : static_cast<int64_t>(a),
                       saturated);
  }
};
struct SaturatingNeg {
  template <typename T>
  static T apply(T a, bool& saturated) {
    return saturate<T>(-static_cast<int64_t>(a), saturated);
  }
};
// CountLeadingSignBits: the leading zeros of x<N-1:1> EOR x<N-2:0>, an N-1 bit value.
struct CountLeadingSignBits {
  template <typename T>
  static T apply(T a) {
    using U = std::make_unsigned_t<T>;
    const uint32_t bits = static_cast<U>(a);
    const uint32_t low_mask = (uint32_t{1} << (kBits<T> - 1)) - 1;
    const uint32_t differences = ((bits >> 1) ^ bits) & low_mask;
    return static_cast<T>(std::countl_zero(differences) - (32 - (kBits<T> - 1)));
  }
};
struct CountLeadingZeros {
  template <typename T>
  static T apply(T a) {
    using U = std::make_unsigned_t<T>;
    const uint32_t bits = static_cast<U>(a);
    return static_cast<T>(std::countl_zero(bits) - (32 - kBits<T>));
  }
};

// VMAXA/VMINA: Qda lanes are unsigned, Qm lanes signed; the result compares Qda with |Qm|.
template <bool kMax>
void max_min_absolute(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector da = mve::read_q(s, insn.d);
  const Vector m = mve::read_q(s, insn.m);
  Vector out;
  with_lane_type(insn.esize, /*is_unsigned=*/true, [&]<typename U>() {
    using S = std::make_signed_t<U>;
    for (unsigned i = 0; i < kLanes<U>; ++i) {
      const S value = m.lane<S>(i);
      const U magnitude = static_cast<U>(value < 0 ? -widen(value) : widen(value));
      const U acc = da.lane<U>(i);
      out.set_lane<U>(
          i, kMax ? (acc >= magnitude ? acc : magnitude) : (acc >= magnitude ? magnitude : acc));
    }
  });
  mve::write_q(s, insn.d, out, mask);
  mve::finish_beatwise(core);
}

}  // namespace

void VAND(Core& core, const DecodedInsn& insn) {
  bitwise(core, insn, [](uint64_t n, uint64_t m) { return n & m; });
}
void VBIC(Core& core, const DecodedInsn& insn) {
  bitwise(core, insn, [](uint64_t n, uint64_t m) { return n & ~m; });
}
void VORR(Core& core, const DecodedInsn& insn) {
  bitwise(core, insn, [](uint64_t n, uint64_t m) { return n | m; });
}
void VORN(Core& core, const DecodedInsn& insn) {
  bitwise(core, insn, [](uint64_t n, uint64_t m) { return n | ~m; });
}
void VEOR(Core& core, const DecodedInsn& insn) {
  bitwise(core, insn, [](uint64_t n, uint64_t m) { return n ^ m; });
}
void VMVN(Core& core, const DecodedInsn& insn) {
  // One source: Qm is read as both operands.
  DecodedInsn single = insn;
  single.n = insn.m;
  bitwise(core, single, [](uint64_t, uint64_t m) { return ~m; });
}

void VADD(Core& core, const DecodedInsn& insn) {
  binary_lanes<Add, false>(core, insn);
}
void VSUB(Core& core, const DecodedInsn& insn) {
  binary_lanes<Sub, false>(core, insn);
}
void VADD_scalar(Core& core, const DecodedInsn& insn) {
  binary_lanes<Add, true>(core, insn);
}
void VSUB_scalar(Core& core, const DecodedInsn& insn) {
  binary_lanes<Sub, true>(core, insn);
}
void VHADD(Core& core, const DecodedInsn& insn) {
  binary_lanes<HalvingAdd, false>(core, insn);
}
void VHSUB(Core& core, const DecodedInsn& insn) {
  binary_lanes<HalvingSub, false>(core, insn);
}
void VHADD_scalar(Core& core, const DecodedInsn& insn) {
  binary_lanes<HalvingAdd, true>(core, insn);
}
void VHSUB_scalar(Core& core, const DecodedInsn& insn) {
  binary_lanes<HalvingSub, true>(core, insn);
}
void VRHADD(Core& core, const DecodedInsn& insn) {
  binary_lanes<RoundingHalvingAdd, false>(core, insn);
}
void VABD(Core& core, const DecodedInsn& insn) {
  binary_lanes<AbsoluteDifference, false>(core, insn);
}
void VMAX(Core& core, const DecodedInsn& insn) {
  binary_lanes<Max, false>(core, insn);
}
void VMIN(Core& core, const DecodedInsn& insn) {
  binary_lanes<Min, false>(core, insn);
}
void VQADD(Core& core, const DecodedInsn& insn) {
  binary_lanes<SaturatingAdd, false>(core, insn);
}
void VQSUB(Core& core, const DecodedInsn& insn) {
  binary_lanes<SaturatingSub, false>(core, insn);
}
void VQADD_scalar(Core& core, const DecodedInsn& insn) {
  binary_lanes<SaturatingAdd, true>(core, insn);
}
void VQSUB_scalar(Core& core, const DecodedInsn& insn) {
  binary_lanes<SaturatingSub, true>(core, insn);
}

void VABS(Core& core, const DecodedInsn& insn) {
  unary_lanes<Abs>(core, insn);
}
void VNEG(Core& core, const DecodedInsn& insn) {
  unary_lanes<Neg>(core, insn);
}
void VQABS(Core& core, const DecodedInsn& insn) {
  unary_lanes<SaturatingAbs>(core, insn);
}
void VQNEG(Core& core, const DecodedInsn& insn) {
  unary_lanes<SaturatingNeg>(core, insn);
}
void VCLS(Core& core, const DecodedInsn& insn) {
  unary_lanes<CountLeadingSignBits>(core, insn);
}
void VCLZ(Core& core, const DecodedInsn& insn) {
  unary_lanes<CountLeadingZeros>(core, insn);
}
void VMAXA(Core& core, const DecodedInsn& insn) {
  max_min_absolute<true>(core, insn);
}
void VMINA(Core& core, const DecodedInsn& insn) {
  max_min_absolute<false>(core, insn);
}

}  // namespace minifvp::cpu::exec::mve_int
