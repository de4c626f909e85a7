#include "cpu/exec/mve_float_complex.h"

#include "cpu/exec/mve_float_common.h"

namespace minifvp::cpu::exec::mve {
namespace {

using fp::FpEnv;

template <typename T>
void complex_add(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = begin_beatwise(core);
  const Vector n = read_q(core.state(), insn.n);
  const Vector m = read_q(core.state(), insn.m);
  const bool rotate_270 = insn.imm == 270;
  constexpr fp::Format kFormat = lane_format<T>();
  float_lanes<T>(core, insn.d, mask, [&](FpEnv& env, unsigned i) {
    const bool real = (i & 1) == 0;
    const uint64_t other = m.lane<T>(real ? i + 1 : i - 1);
    // 90: the real part subtracts, the imaginary part adds; 270 the other way round.
    return real != rotate_270 ? fp::sub(kFormat, n.lane<T>(i), other, env)
                              : fp::add(kFormat, n.lane<T>(i), other, env);
  });
  finish_beatwise(core);
}

// The two factors of lane i's product for a rotation: which Qn element, which Qm element and
// whether the Qm element is negated.
struct ComplexFactors {
  unsigned n_lane;
  unsigned m_lane;
  bool negate_m;
};
constexpr ComplexFactors complex_factors(unsigned rotation, unsigned i) {
  const unsigned re = i & ~1u, im = re + 1;
  const bool real = (i & 1) == 0;
  switch (rotation) {
    case 0:
      return {re, real ? re : im, false};
    case 90:
      return {im, real ? im : re, real};
    case 180:
      return {re, real ? re : im, true};
    default:  // 270
      return {im, real ? im : re, !real};
  }
}

template <typename T>
void complex_multiply(Core& core, const DecodedInsn& insn, bool accumulate) {
  const uint16_t mask = begin_beatwise(core);
  const Vector d = read_q(core.state(), insn.d);
  const Vector n = read_q(core.state(), insn.n);
  const Vector m = read_q(core.state(), insn.m);
  constexpr fp::Format kFormat = lane_format<T>();
  float_lanes<T>(core, insn.d, mask, [&](FpEnv& env, unsigned i) {
    const ComplexFactors f = complex_factors(insn.imm, i);
    uint64_t m_element = m.lane<T>(f.m_lane);
    if (f.negate_m) m_element = fp::negate(kFormat, m_element);
    const uint64_t n_element = n.lane<T>(f.n_lane);
    return accumulate ? fp::mul_add(kFormat, d.lane<T>(i), n_element, m_element, env)
                      : fp::mul(kFormat, n_element, m_element, env);
  });
  finish_beatwise(core);
}

}  // namespace

void VCADD_fp(Core& core, const DecodedInsn& insn) {
  if (insn.esize == 2) {
    complex_add<uint16_t>(core, insn);
  } else {
    complex_add<uint32_t>(core, insn);
  }
}

void VCMUL_fp(Core& core, const DecodedInsn& insn) {
  if (insn.esize == 2) {
    complex_multiply<uint16_t>(core, insn, false);
  } else {
    complex_multiply<uint32_t>(core, insn, false);
  }
}

void VCMLA_fp(Core& core, const DecodedInsn& insn) {
  if (insn.esize == 2) {
    complex_multiply<uint16_t>(core, insn, true);
  } else {
    complex_multiply<uint32_t>(core, insn, true);
  }
}

}  // namespace minifvp::cpu::exec::mve
