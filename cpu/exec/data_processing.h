// Execute functions of the data-processing group (Armv8-M ARM, "Alphabetical list of
// instructions"; one function per instruction, shared by all its encodings).
//
// The ALU instructions (AND ... RSB, MOV, MVN and the compare/test forms) share one template per
// operation and second-operand form, so each encoding's decode function only chooses the form and
// fills the operand slots:
//   d      Rd (result register; unused by TST, TEQ, CMP, CMN)
//   n      Rn (first operand; unused by MOV, MVN)
//   imm    the immediate second operand, already expanded (ThumbExpandImm, ZeroExtend, ...)
//   flag   Operand2::ExpandedImm: the carry out of ThumbExpandImm_C is bit 31 of imm (rotated
//          immediates); false: the carry is unchanged (the carry_in of ThumbExpandImm_C)
//   m, shift_type, shift_n   Operand2::ShiftedReg: Shift_C(R[m], shift_type, shift_n, APSR.C)
//   m, a, shift_type         Operand2::RegShiftedReg: Shift_C(R[m], shift_type, UInt(R[a]<7:0>), C)
//   setflags
#pragma once

#include "cpu/arm_pseudocode.h"
#include "cpu/core.h"

namespace minifvp::cpu::exec {

enum class AluOp : uint8_t {
  AND,
  BIC,
  ORR,
  ORN,
  EOR,
  MOV,
  MVN,
  TST,
  TEQ,
  ADD,
  ADC,
  SUB,
  SBC,
  RSB,
  CMP,
  CMN
};

// Where the second operand of an ALU instruction comes from.
enum class Operand2 : uint8_t { Imm, ExpandedImm, ShiftedReg, RegShiftedReg };

// Writes a data-processing result to R[d]: d == 15 is ALUWritePC(); d == 13 is the Armv8-M
// RSPCheck[] write (bits [1:0] of SP are zero; a value below the active stack limit raises a STKOF
// UsageFault and leaves SP unchanged).
void write_result_high(Core& core, unsigned d, uint32_t value);
inline void write_result(Core& core, unsigned d, uint32_t value) {
  if (d != 13 && d != 15) [[likely]] {
    core.state().r[d] = value;
  } else {
    write_result_high(core, d, value);
  }
}

namespace detail {

constexpr bool is_logical(AluOp op) {
  return op == AluOp::AND || op == AluOp::BIC || op == AluOp::ORR || op == AluOp::ORN ||
         op == AluOp::EOR || op == AluOp::MOV || op == AluOp::MVN || op == AluOp::TST ||
         op == AluOp::TEQ;
}
constexpr bool is_compare(AluOp op) {
  return op == AluOp::TST || op == AluOp::TEQ || op == AluOp::CMP || op == AluOp::CMN;
}

template <Operand2 form>
inline ResultCarry operand2(const CpuState& s, const DecodedInsn& insn) {
  if constexpr (form == Operand2::Imm) {
    return {insn.imm, s.c};
  } else if constexpr (form == Operand2::ExpandedImm) {
    return {insn.imm, insn.flag ? (insn.imm >> 31) != 0 : s.c};
  } else if constexpr (form == Operand2::ShiftedReg) {
    return shift_c(s.r[insn.m], insn.shift_type, insn.shift_n, s.c);
  } else {
    return shift_c(s.r[insn.m], insn.shift_type, s.r[insn.a] & 0xff, s.c);
  }
}

template <AluOp op>
inline uint32_t logical_result(uint32_t a, uint32_t b) {
  if constexpr (op == AluOp::AND || op == AluOp::TST) return a & b;
  if constexpr (op == AluOp::BIC) return a & ~b;
  if constexpr (op == AluOp::ORR) return a | b;
  if constexpr (op == AluOp::ORN) return a | ~b;
  if constexpr (op == AluOp::EOR || op == AluOp::TEQ) return a ^ b;
  if constexpr (op == AluOp::MOV) return b;
  if constexpr (op == AluOp::MVN) return ~b;
  return 0;
}

template <AluOp op>
inline AddResult arithmetic_result(uint32_t a, uint32_t b, bool carry) {
  if constexpr (op == AluOp::ADD || op == AluOp::CMN) return add_with_carry(a, b, false);
  if constexpr (op == AluOp::ADC) return add_with_carry(a, b, carry);
  if constexpr (op == AluOp::SUB || op == AluOp::CMP) return add_with_carry(a, ~b, true);
  if constexpr (op == AluOp::SBC) return add_with_carry(a, ~b, carry);
  if constexpr (op == AluOp::RSB) return add_with_carry(~a, b, true);
  return {};
}

}  // namespace detail

// AND, BIC, ORR, ORN, EOR, MOV, MVN, TST, TEQ (carry from the shifter or ThumbExpandImm_C) and
// ADD, ADC, SUB, SBC, RSB, CMP, CMN (carry and overflow from AddWithCarry). The compare forms
// always set the flags and write no register.
template <AluOp op, Operand2 form>
void alu(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const ResultCarry b = detail::operand2<form>(s, insn);
  const uint32_t a = s.r[insn.n];
  if constexpr (detail::is_logical(op)) {
    const uint32_t result = detail::logical_result<op>(a, b.result);
    if constexpr (!detail::is_compare(op)) write_result(core, insn.d, result);
    if (detail::is_compare(op) || core.setflags(insn)) {
      s.n = (result >> 31) != 0;
      s.z = result == 0;
      s.c = b.carry;
    }
  } else {
    const AddResult r = detail::arithmetic_result<op>(a, b.result, s.c);
    if constexpr (!detail::is_compare(op)) write_result(core, insn.d, r.result);
    if (detail::is_compare(op) || core.setflags(insn)) {
      s.n = (r.result >> 31) != 0;
      s.z = r.result == 0;
      s.c = r.carry;
      s.v = r.overflow;
    }
  }
}

// MOV (register) T2, MOVS <Rd>, <Rm>: "if InITBlock() then UNPREDICTABLE" (our choice: UNDEFINED),
// otherwise MOV with setflags. Operands as alu<MOV, ShiftedReg>.
void MOV_reg_T2(Core& core, const DecodedInsn& insn);

// ADR: R[d] = Align(PC, 4) + imm (imm is already negated for the subtracting encoding).
// Operands: d, imm.
void ADR(Core& core, const DecodedInsn& insn);
// MOVT: R[d]<31:16> = imm16. Operands: d, imm.
void MOVT(Core& core, const DecodedInsn& insn);

// PKHBT / PKHTB: operand2 = Shift(R[m], shift_type, shift_n); flag = tbform (take the bottom half
// from operand2 and the top half from R[n]). Operands: d, n, m, shift_type, shift_n, flag.
void PKH(Core& core, const DecodedInsn& insn);

// Extend and extend-with-add. Operands: d, m, imm = rotation (0, 8, 16, 24) and, for the add
// forms, n.
void SXTB(Core& core, const DecodedInsn& insn);
void SXTH(Core& core, const DecodedInsn& insn);
void SXTB16(Core& core, const DecodedInsn& insn);
void UXTB(Core& core, const DecodedInsn& insn);
void UXTH(Core& core, const DecodedInsn& insn);
void UXTB16(Core& core, const DecodedInsn& insn);
void SXTAB(Core& core, const DecodedInsn& insn);
void SXTAH(Core& core, const DecodedInsn& insn);
void SXTAB16(Core& core, const DecodedInsn& insn);
void UXTAB(Core& core, const DecodedInsn& insn);
void UXTAH(Core& core, const DecodedInsn& insn);
void UXTAB16(Core& core, const DecodedInsn& insn);

// Byte and bit reversal, count leading zeros. Operands: d, m.
void REV(Core& core, const DecodedInsn& insn);
void REV16(Core& core, const DecodedInsn& insn);
void REVSH(Core& core, const DecodedInsn& insn);
void RBIT(Core& core, const DecodedInsn& insn);
void CLZ(Core& core, const DecodedInsn& insn);

// Bitfields. SBFX/UBFX: Operands d, n, imm = lsbit, imm2 = widthminus1. BFI/BFC: Operands d, n
// (BFI only), imm = lsbit, imm2 = msbit.
void SBFX(Core& core, const DecodedInsn& insn);
void UBFX(Core& core, const DecodedInsn& insn);
void BFI(Core& core, const DecodedInsn& insn);
void BFC(Core& core, const DecodedInsn& insn);

// Armv8.1-M CSEL, CSINC, CSINV, CSNEG: R[d] = ConditionHolds(cond) ? R[n] : op(R[m]), where
// register 15 reads as zero (ZR). Operands: d, n, m, cond.
void CSEL(Core& core, const DecodedInsn& insn);
void CSINC(Core& core, const DecodedInsn& insn);
void CSINV(Core& core, const DecodedInsn& insn);
void CSNEG(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
