#include "cpu/exec/mve_saturate.h"

#include "cpu/exec/mve_shift_arith.h"

namespace minifvp::cpu::exec {
namespace {

using mve::Vector;
using mve::Wide;

Wide signed_element(const Vector& v, unsigned i, unsigned esize) {
  return mve::extend(v.element(i, esize), esize * 8, true);
}

// SignedSat((sum + rounding) >> esize, esize): the "high half" of a doubled product sum.
mve::Saturated high_half(Wide sum, unsigned bits, bool round) {
  if (round) sum += Wide{1} << (bits - 1);
  return mve::saturate(sum >> bits, bits, true);
}

// The element loop of every instruction here: result_of(i) gives element i's exact sum (before
// rounding and the shift by esize); only the elements `wanted` selects are written.
template <typename SumOf, typename Wanted>
void multiply_high(Core& core, const DecodedInsn& insn, bool round, SumOf sum_of, Wanted wanted) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const unsigned esize = insn.esize;
  Vector result = mve::read_q(s, insn.d);
  uint16_t written = 0;
  bool qc = false;
  for (unsigned i = 0; i < mve::kVectorBytes / esize; ++i) {
    if (!wanted(i)) continue;
    const mve::Saturated r = high_half(sum_of(i), esize * 8, round);
    result.set_element(i, esize, r.bits);
    written |= static_cast<uint16_t>(((1u << esize) - 1) << (i * esize));
    qc |= r.saturated && ((mask >> (i * esize)) & 1);
  }
  mve::write_q(s, insn.d, result, mask & written);
  if (qc) mve::set_qc(s);
  mve::finish_beatwise(core);
}

constexpr auto kEveryElement = [](unsigned) { return true; };

void doubling_multiply_vector(Core& core, const DecodedInsn& insn, bool round) {
  const Vector n = mve::read_q(core.state(), insn.n), m = mve::read_q(core.state(), insn.m);
  const unsigned esize = insn.esize;
  multiply_high(
      core, insn, round,
      [&](unsigned i) { return 2 * signed_element(n, i, esize) * signed_element(m, i, esize); },
      kEveryElement);
}

Wide scalar_of(const CpuState& s, const DecodedInsn& insn) {
  return mve::extend(s.r[insn.t], insn.esize * 8, true);
}

void doubling_multiply_scalar(Core& core, const DecodedInsn& insn, bool round) {
  const Vector n = mve::read_q(core.state(), insn.n);
  const Wide scalar = scalar_of(core.state(), insn);
  const unsigned esize = insn.esize;
  multiply_high(
      core, insn, round, [&](unsigned i) { return 2 * signed_element(n, i, esize) * scalar; },
      kEveryElement);
}

void multiply_accumulate_high(Core& core, const DecodedInsn& insn, bool round) {
  const Vector n = mve::read_q(core.state(), insn.n), a = mve::read_q(core.state(), insn.d);
  const Wide scalar = scalar_of(core.state(), insn);
  const unsigned esize = insn.esize, bits = esize * 8;
  multiply_high(
      core, insn, round,
      [&](unsigned i) {
        return (signed_element(a, i, esize) << bits) + 2 * signed_element(n, i, esize) * scalar;
      },
      kEveryElement);
}

void multiply_accumulate_scalar_high(Core& core, const DecodedInsn& insn, bool round) {
  const Vector n = mve::read_q(core.state(), insn.n), a = mve::read_q(core.state(), insn.d);
  const Wide scalar = scalar_of(core.state(), insn);
  const unsigned esize = insn.esize, bits = esize * 8;
  multiply_high(
      core, insn, round,
      [&](unsigned i) {
        return (scalar << bits) + 2 * signed_element(a, i, esize) * signed_element(n, i, esize);
      },
      kEveryElement);
}

void dual_multiply_high(Core& core, const DecodedInsn& insn, bool round, bool subtract) {
  const Vector n = mve::read_q(core.state(), insn.n), m = mve::read_q(core.state(), insn.m);
  const unsigned esize = insn.esize;
  const bool exchange = insn.flag;
  multiply_high(
      core, insn, round,
      [&](unsigned i) {
        // Without X, element i (even) pairs with i + 1; with X, element i (odd) with i - 1 and
        // the products cross.
        const unsigned other = exchange ? i - 1 : i + 1;
        const Wide first =
            signed_element(n, i, esize) * signed_element(m, exchange ? other : i, esize);
        const Wide second =
            signed_element(n, other, esize) * signed_element(m, exchange ? i : other, esize);
        return 2 * (subtract ? first - second : first + second);
      },
      [&](unsigned i) { return (i & 1) == (exchange ? 1u : 0u); });
}

}  // namespace

void VQDMULH_vec(Core& core, const DecodedInsn& insn) {
  doubling_multiply_vector(core, insn, false);
}
void VQRDMULH_vec(Core& core, const DecodedInsn& insn) {
  doubling_multiply_vector(core, insn, true);
}
void VQDMULH_scalar(Core& core, const DecodedInsn& insn) {
  doubling_multiply_scalar(core, insn, false);
}
void VQRDMULH_scalar(Core& core, const DecodedInsn& insn) {
  doubling_multiply_scalar(core, insn, true);
}
void VQDMLAH(Core& core, const DecodedInsn& insn) {
  multiply_accumulate_high(core, insn, false);
}
void VQRDMLAH(Core& core, const DecodedInsn& insn) {
  multiply_accumulate_high(core, insn, true);
}
void VQDMLASH(Core& core, const DecodedInsn& insn) {
  multiply_accumulate_scalar_high(core, insn, false);
}
void VQRDMLASH(Core& core, const DecodedInsn& insn) {
  multiply_accumulate_scalar_high(core, insn, true);
}
void VQDMLADH(Core& core, const DecodedInsn& insn) {
  dual_multiply_high(core, insn, false, false);
}
void VQRDMLADH(Core& core, const DecodedInsn& insn) {
  dual_multiply_high(core, insn, true, false);
}
void VQDMLSDH(Core& core, const DecodedInsn& insn) {
  dual_multiply_high(core, insn, false, true);
}
void VQRDMLSDH(Core& core, const DecodedInsn& insn) {
  dual_multiply_high(core, insn, true, true);
}

}  // namespace minifvp::cpu::exec
