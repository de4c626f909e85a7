// Execute functions of the MVE vector shifts (Armv8.1-M ARM, "MVE instructions": VSHL, VRSHL,
// VQSHL, VQRSHL by vector and by register, the immediate shifts VSHL, VQSHL, VQSHLU, VSHR,
// VRSHR, VSLI, VSRI, the widening VSHLL, the narrowing VSHRN, VRSHRN, VQSHRN, VQRSHRN,
// VQSHRUN, VQRSHRUN, and VSHLC). All are beat-wise (cpu/exec/mve_common.h): inactive bytes keep
// their value, and a saturation in an active element sets FPSCR.QC.
//
// Operands (filled by cpu/decode/table_mve_shift_saturate.cpp):
//  - by vector:   d, m (the elements shifted), n (the shift amounts: SInt of each element's low
//                 byte), esize, flag = unsigned (U);
//  - by register: d (Qda, shifted in place), t (Rm: SInt(R[m]<7:0>)), esize, flag = unsigned;
//  - immediate:   d, m, imm (the shift: 0..esize*8-1 left, 1..esize*8 right), esize, flag =
//                 unsigned;
//  - VSHLL:       d, m, imm (0..esize*8), esize = the source element size, flag = unsigned,
//                 imm2 = 1 for the top (T) half of each wide element, 0 for the bottom (B);
//  - narrowing:   d, m, imm (1..esize*8), esize = the destination (narrow) element size, flag =
//                 unsigned source (VQSHRN.U, VQRSHRN.U), imm2 = top (T);
//  - VSHLC:       d (Qda), t (Rdm), imm (1..32).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// Shifts by the low byte of each element of Qn (negative: right); VRSHL rounds, VQSHL
// saturates, VQRSHL both.
void VSHL_vec(Core& core, const DecodedInsn& insn);
void VRSHL_vec(Core& core, const DecodedInsn& insn);
void VQSHL_vec(Core& core, const DecodedInsn& insn);
void VQRSHL_vec(Core& core, const DecodedInsn& insn);
// The same shifts by SInt(R[m]<7:0>), Qda in place.
void VSHL_reg(Core& core, const DecodedInsn& insn);
void VRSHL_reg(Core& core, const DecodedInsn& insn);
void VQSHL_reg(Core& core, const DecodedInsn& insn);
void VQRSHL_reg(Core& core, const DecodedInsn& insn);

// Immediate shifts: VSHL (wraps), VQSHL (saturates to the element's signedness), VQSHLU (signed
// source, unsigned saturation), VSHR / VRSHR (truncating / rounding right shift).
void VSHL_imm(Core& core, const DecodedInsn& insn);
void VQSHL_imm(Core& core, const DecodedInsn& insn);
void VQSHLU_imm(Core& core, const DecodedInsn& insn);
void VSHR_imm(Core& core, const DecodedInsn& insn);
void VRSHR_imm(Core& core, const DecodedInsn& insn);
// Shift and insert: the bits shifted in from Qm replace those of Qd, the others stay.
void VSLI(Core& core, const DecodedInsn& insn);
void VSRI(Core& core, const DecodedInsn& insn);

// VSHLL: the bottom or top half-width elements, extended and shifted left into full elements.
void VSHLL(Core& core, const DecodedInsn& insn);

// Narrowing right shifts into the bottom or top half of each wide element of Qd: VSHRN,
// VRSHRN (truncate), VQSHRN, VQRSHRN (saturate to the source's signedness), VQSHRUN, VQRSHRUN
// (signed source, unsigned saturation).
void VSHRN(Core& core, const DecodedInsn& insn);
void VRSHRN(Core& core, const DecodedInsn& insn);
void VQSHRN(Core& core, const DecodedInsn& insn);
void VQRSHRN(Core& core, const DecodedInsn& insn);
void VQSHRUN(Core& core, const DecodedInsn& insn);
void VQRSHRUN(Core& core, const DecodedInsn& insn);

// VSHLC: Qda shifted left by imm as one 128-bit value across its four words, the low imm bits
// of Rdm shifted in at the bottom; Rdm receives the bits shifted out of the last active word.
void VSHLC(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
