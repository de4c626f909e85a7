#include "cpu/exec/mve_shift.h"

#include "cpu/exec/mve_shift_arith.h"

namespace minifvp::cpu::exec {
namespace {

using mve::Vector;
using mve::Wide;

// How a shifted element becomes a result element.
enum class Fit : uint8_t {
  Truncate,          // keep the low bits (VSHL, VRSHL, VSHR, VSHRN...)
  Saturate,          // saturate to the source's signedness (VQSHL, VQSHRN...)
  SaturateUnsigned,  // signed source, unsigned saturation (VQSHLU, VQSHRUN)
};

// Shifts element `raw` (of `src_bits`) and fits the result into `dst_bits`. The source is
// unsigned when `is_unsigned`, except for the unsigned saturation of a signed source.
mve::Saturated shift_one(uint64_t raw, unsigned src_bits, unsigned dst_bits, bool is_unsigned,
                         int shift, bool round, Fit fit) {
  const bool signed_source = !is_unsigned || fit == Fit::SaturateUnsigned;
  const Wide exact = mve::exact_shift(mve::extend(raw, src_bits, signed_source), shift, round);
  switch (fit) {
    case Fit::Truncate:
      return {mve::low_bits(exact, dst_bits), false};
    case Fit::Saturate:
      return mve::saturate(exact, dst_bits, !is_unsigned);
    case Fit::SaturateUnsigned:
      return mve::saturate(exact, dst_bits, false);
  }
  return {0, false};
}

// The common body of the same-size shifts: each element of `source` shifted by shift_of(i).
template <typename ShiftOf>
void shift_elements(Core& core, const DecodedInsn& insn, const Vector& source, bool round, Fit fit,
                    ShiftOf shift_of) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const unsigned esize = insn.esize, bits = esize * 8;
  Vector result;
  bool qc = false;
  for (unsigned i = 0; i < mve::kVectorBytes / esize; ++i) {
    const mve::Saturated r =
        shift_one(source.element(i, esize), bits, bits, insn.flag, shift_of(i), round, fit);
    result.set_element(i, esize, r.bits);
    qc |= r.saturated && ((mask >> (i * esize)) & 1);
  }
  mve::write_q(s, insn.d, result, mask);
  if (qc) mve::set_qc(s);
  mve::finish_beatwise(core);
}

void shift_by_vector(Core& core, const DecodedInsn& insn, bool round, Fit fit) {
  const CpuState& s = core.state();
  const Vector value = mve::read_q(s, insn.m), amounts = mve::read_q(s, insn.n);
  const unsigned esize = insn.esize;
  shift_elements(core, insn, value, round, fit, [&](unsigned i) {
    return static_cast<int>(static_cast<int8_t>(amounts.bytes[i * esize]));
  });
}

void shift_by_register(Core& core, const DecodedInsn& insn, bool round, Fit fit) {
  const CpuState& s = core.state();
  const int shift = static_cast<int8_t>(s.r[insn.t] & 0xff);
  shift_elements(core, insn, mve::read_q(s, insn.d), round, fit, [=](unsigned) { return shift; });
}

void shift_by_immediate(Core& core, const DecodedInsn& insn, int shift, bool round, Fit fit) {
  shift_elements(core, insn, mve::read_q(core.state(), insn.m), round, fit,
                 [=](unsigned) { return shift; });
}

// VSLI / VSRI: per element, the bits of (Qm shifted) inside the shifted all-ones mask replace
// those of Qd.
void shift_insert(Core& core, const DecodedInsn& insn, bool left) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector source = mve::read_q(s, insn.m);
  const Vector old = mve::read_q(s, insn.d);
  const unsigned esize = insn.esize, bits = esize * 8, shift = insn.imm;
  const uint64_t ones = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
  // A shift by the whole element (VSRI #esize) inserts nothing.
  const uint64_t inserted = shift >= bits ? 0 : left ? (ones << shift) & ones : ones >> shift;
  Vector result;
  for (unsigned i = 0; i < mve::kVectorBytes / esize; ++i) {
    const uint64_t m = source.element(i, esize);
    const uint64_t shifted = shift >= bits ? 0 : left ? m << shift : m >> shift;
    const uint64_t d = old.element(i, esize);
    result.set_element(i, esize, (d & ~inserted) | (shifted & inserted));
  }
  mve::write_q(s, insn.d, result, mask);
  mve::finish_beatwise(core);
}

// The narrowing shifts: wide element i of Qm (2 * esize bytes) gives narrow element 2i + top.
void shift_narrow(Core& core, const DecodedInsn& insn, bool round, Fit fit) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector source = mve::read_q(s, insn.m);
  const unsigned esize = insn.esize, wide = 2 * esize, top = insn.imm2;
  // The signedness of the source: unsigned only for VQSHRN.U / VQRSHRN.U; the truncating
  // forms keep the low bits either way (logical and arithmetic shifts agree on them).
  const bool source_unsigned = fit == Fit::Saturate && insn.flag;
  Vector result = mve::read_q(s, insn.d);
  uint16_t written = 0;
  bool qc = false;
  for (unsigned i = 0; i < mve::kVectorBytes / wide; ++i) {
    const mve::Saturated r = shift_one(source.element(i, wide), wide * 8, esize * 8,
                                       source_unsigned, -static_cast<int>(insn.imm), round, fit);
    const unsigned lane = 2 * i + top;
    result.set_element(lane, esize, r.bits);
    written |= static_cast<uint16_t>(((1u << esize) - 1) << (lane * esize));
    qc |= r.saturated && ((mask >> (lane * esize)) & 1);
  }
  mve::write_q(s, insn.d, result, mask & written);
  if (qc) mve::set_qc(s);
  mve::finish_beatwise(core);
}

}  // namespace

void VSHL_vec(Core& core, const DecodedInsn& insn) {
  shift_by_vector(core, insn, false, Fit::Truncate);
}
void VRSHL_vec(Core& core, const DecodedInsn& insn) {
  shift_by_vector(core, insn, true, Fit::Truncate);
}
void VQSHL_vec(Core& core, const DecodedInsn& insn) {
  shift_by_vector(core, insn, false, Fit::Saturate);
}
void VQRSHL_vec(Core& core, const DecodedInsn& insn) {
  shift_by_vector(core, insn, true, Fit::Saturate);
}

void VSHL_reg(Core& core, const DecodedInsn& insn) {
  shift_by_register(core, insn, false, Fit::Truncate);
}
void VRSHL_reg(Core& core, const DecodedInsn& insn) {
  shift_by_register(core, insn, true, Fit::Truncate);
}
void VQSHL_reg(Core& core, const DecodedInsn& insn) {
  shift_by_register(core, insn, false, Fit::Saturate);
}
void VQRSHL_reg(Core& core, const DecodedInsn& insn) {
  shift_by_register(core, insn, true, Fit::Saturate);
}

void VSHL_imm(Core& core, const DecodedInsn& insn) {
  shift_by_immediate(core, insn, static_cast<int>(insn.imm), false, Fit::Truncate);
}
void VQSHL_imm(Core& core, const DecodedInsn& insn) {
  shift_by_immediate(core, insn, static_cast<int>(insn.imm), false, Fit::Saturate);
}
void VQSHLU_imm(Core& core, const DecodedInsn& insn) {
  shift_by_immediate(core, insn, static_cast<int>(insn.imm), false, Fit::SaturateUnsigned);
}
void VSHR_imm(Core& core, const DecodedInsn& insn) {
  shift_by_immediate(core, insn, -static_cast<int>(insn.imm), false, Fit::Truncate);
}
void VRSHR_imm(Core& core, const DecodedInsn& insn) {
  shift_by_immediate(core, insn, -static_cast<int>(insn.imm), true, Fit::Truncate);
}
void VSLI(Core& core, const DecodedInsn& insn) {
  shift_insert(core, insn, true);
}
void VSRI(Core& core, const DecodedInsn& insn) {
  shift_insert(core, insn, false);
}

void VSHLL(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector source = mve::read_q(s, insn.m);
  const unsigned esize = insn.esize, wide = 2 * esize;
  Vector result;
  for (unsigned i = 0; i < mve::kVectorBytes / wide; ++i) {
    const uint64_t raw = source.element(2 * i + insn.imm2, esize);
    const Wide value = mve::extend(raw, esize * 8, !insn.flag) << insn.imm;
    result.set_element(i, wide, mve::low_bits(value, wide * 8));
  }
  mve::write_q(s, insn.d, result, mask);
  mve::finish_beatwise(core);
}

void VSHRN(Core& core, const DecodedInsn& insn) {
  shift_narrow(core, insn, false, Fit::Truncate);
}
void VRSHRN(Core& core, const DecodedInsn& insn) {
  shift_narrow(core, insn, true, Fit::Truncate);
}
void VQSHRN(Core& core, const DecodedInsn& insn) {
  shift_narrow(core, insn, false, Fit::Saturate);
}
void VQRSHRN(Core& core, const DecodedInsn& insn) {
  shift_narrow(core, insn, true, Fit::Saturate);
}
void VQSHRUN(Core& core, const DecodedInsn& insn) {
  shift_narrow(core, insn, false, Fit::SaturateUnsigned);
}
void VQRSHRUN(Core& core, const DecodedInsn& insn) {
  shift_narrow(core, insn, true, Fit::SaturateUnsigned);
}

void VSHLC(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const Vector old = mve::read_q(s, insn.d);
  const unsigned shift = insn.imm;  // 1..32
  uint32_t carry = s.r[insn.t];
  const uint32_t carry_mask = shift == 32 ? ~0u : (1u << shift) - 1;
  Vector result;
  for (unsigned i = 0; i < 4; ++i) {
    const uint32_t word = old.lane<uint32_t>(i);
    const uint32_t shifted = shift == 32 ? 0 : word << shift;
    result.set_lane<uint32_t>(i, shifted | (carry & carry_mask));
    // The bits shifted out become the next carry only when this word is active.
    if ((mask >> (4 * i)) & 1) carry = shift == 32 ? word : word >> (32 - shift);
  }
  mve::write_q(s, insn.d, result, mask);
  s.r[insn.t] = carry;
  mve::finish_beatwise(core);
}

}  // namespace minifvp::cpu::exec
