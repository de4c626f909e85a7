#include "cpu/exec/mve_predicate.h"

#include "cpu/exec/mve_common.h"
#include "cpu/exec/mve_float_common.h"

namespace minifvp::cpu::exec {
namespace mve {

void write_p0(CpuState& s, uint16_t new_p0, uint16_t lane_mask, uint16_t executed_beats) {
  const uint16_t p0 = new_p0 & lane_mask;
  s.vpr = (s.vpr & ~uint32_t{executed_beats}) | (p0 & executed_beats);
}

void set_vpt_mask(CpuState& s, uint32_t mask, uint16_t executed_beats) {
  mask &= 0xf;
  if ((executed_beats & 0x00f0) != 0) {
    s.vpr = (s.vpr & ~kVprMask01) | (mask << kVprMask01Shift);
  }
  s.vpr = (s.vpr & ~kVprMask23) | (mask << kVprMask23Shift);
}

}  // namespace mve

namespace {

using mve::Compare;

// The integer comparison of element values already extended to 64 bits the way the compare
// reads them (signed for GE/LT/GT/LE, unsigned for CS/HI; EQ/NE either way).
bool compare_integers(Compare cmp, int64_t a_signed, int64_t b_signed, uint64_t a_unsigned,
                      uint64_t b_unsigned) {
  switch (cmp) {
    case Compare::EQ:
      return a_unsigned == b_unsigned;
    case Compare::NE:
      return a_unsigned != b_unsigned;
    case Compare::CS:
      return a_unsigned >= b_unsigned;
    case Compare::HI:
      return a_unsigned > b_unsigned;
    case Compare::GE:
      return a_signed >= b_signed;
    case Compare::LT:
      return a_signed < b_signed;
    case Compare::GT:
      return a_signed > b_signed;
    case Compare::LE:
      return a_signed <= b_signed;
  }
  return false;
}

// Sign-extends the low `bytes` bytes of `raw`.
int64_t sign_extend_bytes(uint64_t raw, unsigned bytes) {
  const unsigned shift = 64 - 8 * bytes;
  return static_cast<int64_t>(raw << shift) >> shift;
}

// The predicate (one bit per byte) of comparing every element of `a` with the matching element
// of `b` (or with `scalar` when `b` is null).
uint16_t compare_integer_elements(const mve::Vector& a, const mve::Vector* b, uint32_t scalar,
                                  unsigned esize, Compare cmp) {
  uint16_t predicate = 0;
  const uint16_t element_bits_mask = static_cast<uint16_t>((1u << esize) - 1);
  const uint64_t width_mask = esize == 4 ? 0xffffffffu : (uint64_t{1} << (8 * esize)) - 1;
  for (unsigned e = 0; e < mve::kVectorBytes / esize; ++e) {
    const uint64_t x = a.element(e, esize);
    const uint64_t y = b != nullptr ? b->element(e, esize) : (scalar & width_mask);
    if (compare_integers(cmp, sign_extend_bytes(x, esize), sign_extend_bytes(y, esize), x, y)) {
      predicate |= static_cast<uint16_t>(element_bits_mask << (e * esize));
    }
  }
  return predicate;
}

// The condition of a floating-point compare from FPCompare's NZCV (bits [31:28]), as
// ConditionHolds() reads it: unordered (0011) is true for NE, LT and LE.
bool fp_condition_holds(Compare cmp, uint32_t nzcv) {
  const bool n = (nzcv >> 31) & 1, z = (nzcv >> 30) & 1, v = (nzcv >> 28) & 1;
  switch (cmp) {
    case Compare::EQ:
      return z;
    case Compare::NE:
      return !z;
    case Compare::GE:
      return n == v;
    case Compare::LT:
      return n != v;
    case Compare::GT:
      return !z && n == v;
    case Compare::LE:
      return z || n != v;
    case Compare::CS:
    case Compare::HI:
      break;  // no floating-point encoding
  }
  return false;
}

uint16_t compare_fp_elements(CpuState& s, const mve::Vector& a, const mve::Vector* b,
                             uint32_t scalar, unsigned esize, Compare cmp, uint16_t lane_mask) {
  const fp::Format format = esize == 2 ? fp::Format::F16 : fp::Format::F32;
  const uint16_t element_bits_mask = static_cast<uint16_t>((1u << esize) - 1);
  uint16_t predicate = 0;
  fp::FpEnv env = mve::standard_fp_env(s.fpscr);
  for (unsigned e = 0; e < mve::kVectorBytes / esize; ++e) {
    const uint16_t bytes = static_cast<uint16_t>(element_bits_mask << (e * esize));
    if ((lane_mask & bytes) == 0) continue;  // not computed: no flags
    const uint64_t x = a.element(e, esize);
    const uint64_t y =
        b != nullptr ? b->element(e, esize) : (esize == 2 ? (scalar & 0xffff) : scalar);
    // A lane whose first byte is predicated off computes its result without raising flags.
    fp::FpEnv lane_env = env;
    // Every condition, EQ and NE included, is a signalling compare (Invalid Operation for any
    // NaN), as QEMU's MVE helpers use float32_eq/float32_le/float32_lt.
    const uint32_t nzcv = fp::compare(format, x, y, /*signal_quiet_nans=*/true, lane_env);
    if ((lane_mask >> (e * esize)) & 1) env.flags |= lane_env.flags;
    if (fp_condition_holds(cmp, nzcv)) predicate |= bytes;
  }
  s.fpscr |= env.flags;
  return predicate;
}

// The common tail of VCMP and VPT: P0 from the predicate, block advance, then the VPT mask.
void finish_compare(Core& core, uint16_t predicate, uint16_t lane_mask, uint16_t executed,
                    uint32_t vpt_mask) {
  CpuState& s = core.state();
  mve::write_p0(s, predicate, lane_mask, executed);
  mve::finish_beatwise(core);
  if (vpt_mask != 0) mve::set_vpt_mask(s, vpt_mask, executed);
}

uint32_t scalar_operand(const Core& core, unsigned rm) {
  return rm == 15 ? 0 : core.reg(rm);
}

}  // namespace

void MVE_VCMP_vector(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const mve::Vector a = mve::read_q(s, insn.n);
  const mve::Vector b = mve::read_q(s, insn.m);
  const uint16_t predicate =
      compare_integer_elements(a, &b, 0, insn.esize, static_cast<Compare>(insn.cond));
  finish_compare(core, predicate, lane_mask, executed, insn.imm);
}

void MVE_VCMP_scalar(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const mve::Vector a = mve::read_q(s, insn.n);
  const uint16_t predicate = compare_integer_elements(a, nullptr, scalar_operand(core, insn.t),
                                                      insn.esize, static_cast<Compare>(insn.cond));
  finish_compare(core, predicate, lane_mask, executed, insn.imm);
}

void MVE_VCMP_fp_vector(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const mve::Vector a = mve::read_q(s, insn.n);
  const mve::Vector b = mve::read_q(s, insn.m);
  const uint16_t predicate =
      compare_fp_elements(s, a, &b, 0, insn.esize, static_cast<Compare>(insn.cond), lane_mask);
  finish_compare(core, predicate, lane_mask, executed, insn.imm);
}

void MVE_VCMP_fp_scalar(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t executed = mve::unexecuted_beats(s);
  const mve::Vector a = mve::read_q(s, insn.n);
  const uint16_t predicate =
      compare_fp_elements(s, a, nullptr, scalar_operand(core, insn.t), insn.esize,
                          static_cast<Compare>(insn.cond), lane_mask);
  finish_compare(core, predicate, lane_mask, executed, insn.imm);
}

// VPST only sets the masks: it is not itself predicated and does not advance an enclosing block
// (a VPST inside a VPT block restarts it, as QEMU does).
void MVE_VPST(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  mve::set_vpt_mask(s, insn.imm, mve::unexecuted_beats(s));
  mve::advance_eci(s);
}

void MVE_VPNOT(Core& core, const DecodedInsn&) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t inverted = static_cast<uint16_t>(~s.vpr);
  mve::write_p0(s, inverted, lane_mask, mve::unexecuted_beats(s));
  mve::finish_beatwise(core);
}

// Qd = P0 ? Qn : Qm bytewise, written under the usual lane mask.
void MVE_VPSEL(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint16_t p0 = static_cast<uint16_t>(s.vpr & mve::kVprP0Mask);
  const mve::Vector n = mve::read_q(s, insn.n);
  const mve::Vector m = mve::read_q(s, insn.m);
  mve::Vector result;
  for (unsigned i = 0; i < mve::kVectorBytes; ++i) {
    result.bytes[i] = ((p0 >> i) & 1) ? n.bytes[i] : m.bytes[i];
  }
  mve::write_q(s, insn.d, result, lane_mask);
  mve::finish_beatwise(core);
}

// VCTP: P0 = the first min(Rn, elements) elements, under the lane mask.
void MVE_VCTP(Core& core, const DecodedInsn& insn) {
  const uint16_t lane_mask = mve::begin_beatwise(core);
  CpuState& s = core.state();
  const uint32_t count = core.reg(insn.n);
  const uint32_t elements = mve::kVectorBytes / insn.esize;
  const uint32_t active_bytes = count <= elements ? count * insn.esize : mve::kVectorBytes;
  const uint16_t predicate = static_cast<uint16_t>((uint32_t{1} << active_bytes) - 1);
  mve::write_p0(s, predicate, lane_mask, mve::unexecuted_beats(s));
  mve::finish_beatwise(core);
}

}  // namespace minifvp::cpu::exec
