#include "cpu/exec/mve_long_shift.h"

#include "cpu/exec/mve_shift_arith.h"

namespace minifvp::cpu::exec {
namespace {

using mve::Wide;

enum class Fit : uint8_t { Truncate, Saturate };

struct Shift {
  int amount;  // left when positive, right when negative
  bool round;
  Fit fit;
  bool is_signed;
  unsigned width;  // the result's width: 64 or 48 for the pair, 32 for Rda
};

// The 48-bit saturating forms (SQRSHRL/UQRSHLL #48) treat the pair as a 48-bit accumulator: a
// rounding right shift by 48 or more (49 or more unsigned) gives 0 whatever bits 63:48 hold.
// This is QEMU's behaviour (do_sqrshl48_d / do_uqrshl48_d); within the 48-bit range it is the
// exact result, and the differential test against QEMU covers the bits above.
bool shifts_out_48_bit_accumulator(const Shift& op) {
  return op.width == 48 && op.amount <= -(48 + (op.is_signed ? 0 : 1));
}

// The shifted (and saturated) value, sign- or zero-extended from `width` to 64 bits.
uint64_t shifted(CpuState& s, uint64_t operand, unsigned operand_bits, const Shift& op) {
  if (shifts_out_48_bit_accumulator(op)) return 0;
  const Wide exact =
      mve::exact_shift(mve::extend(operand, operand_bits, op.is_signed), op.amount, op.round);
  if (op.fit == Fit::Truncate) return mve::low_bits(exact, op.width);
  const mve::Saturated r = mve::saturate(exact, op.width, op.is_signed);
  if (r.saturated) s.q = true;
  return static_cast<uint64_t>(mve::extend(r.bits, op.width, op.is_signed));
}

void shift_pair(Core& core, const DecodedInsn& insn, const Shift& op) {
  CpuState& s = core.state();
  const uint64_t operand = (uint64_t{s.r[insn.t2]} << 32) | s.r[insn.t];
  const uint64_t result = shifted(s, operand, 64, op);
  s.r[insn.t] = static_cast<uint32_t>(result);
  s.r[insn.t2] = static_cast<uint32_t>(result >> 32);
}

void shift_single(Core& core, const DecodedInsn& insn, const Shift& op) {
  CpuState& s = core.state();
  s.r[insn.t] = static_cast<uint32_t>(shifted(s, s.r[insn.t], 32, op));
}

int register_amount(const CpuState& s, const DecodedInsn& insn) {
  return static_cast<int8_t>(s.r[insn.m] & 0xff);
}
int immediate(const DecodedInsn& insn) {
  return static_cast<int>(insn.imm);
}

}  // namespace

void LSLL_imm(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn, {immediate(insn), false, Fit::Truncate, false, 64});
}
void LSRL_imm(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn, {-immediate(insn), false, Fit::Truncate, false, 64});
}
void ASRL_imm(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn, {-immediate(insn), false, Fit::Truncate, true, 64});
}
void UQSHLL(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn, {immediate(insn), false, Fit::Saturate, false, 64});
}
void SQSHLL(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn, {immediate(insn), false, Fit::Saturate, true, 64});
}
void URSHRL(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn, {-immediate(insn), true, Fit::Truncate, false, 64});
}
void SRSHRL(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn, {-immediate(insn), true, Fit::Truncate, true, 64});
}

void LSLL_reg(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn, {register_amount(core.state(), insn), false, Fit::Truncate, false, 64});
}
void ASRL_reg(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn, {-register_amount(core.state(), insn), false, Fit::Truncate, true, 64});
}
void UQRSHLL(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn,
             {register_amount(core.state(), insn), true, Fit::Saturate, false, insn.imm2});
}
void SQRSHRL(Core& core, const DecodedInsn& insn) {
  shift_pair(core, insn,
             {-register_amount(core.state(), insn), true, Fit::Saturate, true, insn.imm2});
}

void UQSHL(Core& core, const DecodedInsn& insn) {
  shift_single(core, insn, {immediate(insn), false, Fit::Saturate, false, 32});
}
void SQSHL(Core& core, const DecodedInsn& insn) {
  shift_single(core, insn, {immediate(insn), false, Fit::Saturate, true, 32});
}
void URSHR(Core& core, const DecodedInsn& insn) {
  shift_single(core, insn, {-immediate(insn), true, Fit::Truncate, false, 32});
}
void SRSHR(Core& core, const DecodedInsn& insn) {
  shift_single(core, insn, {-immediate(insn), true, Fit::Truncate, true, 32});
}
void UQRSHL(Core& core, const DecodedInsn& insn) {
  shift_single(core, insn, {register_amount(core.state(), insn), true, Fit::Saturate, false, 32});
}
void SQRSHR(Core& core, const DecodedInsn& insn) {
  shift_single(core, insn, {-register_amount(core.state(), insn), true, Fit::Saturate, true, 32});
}

}  // namespace minifvp::cpu::exec
