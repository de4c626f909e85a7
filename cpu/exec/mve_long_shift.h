// Execute functions of the MVE scalar shifts on general-purpose registers (Armv8.1-M ARM, "MVE
// instructions": LSLL, LSRL, ASRL, SQSHLL, UQSHLL, SRSHRL, URSHRL, SQRSHRL, UQRSHLL on the 64-bit
// pair RdaHi:RdaLo; SQSHL, UQSHL, SRSHR, URSHR, SQRSHR, UQRSHL on one 32-bit Rda). They are
// ordinary conditional T32 instructions: not beat-wise, no coprocessor-enable check (their
// pseudocode has no ExecuteFPCheck(), and QEMU checks only that MVE is implemented), no flags
// other than APSR.Q, which a saturation sets (sticky).
//
// Operands (filled by cpu/decode/table_mve_shift_saturate.cpp):
//  - 64-bit forms: t = RdaLo, t2 = RdaHi; immediate forms: imm = the shift (1..32);
//    register forms: m = Rm (the shift is SInt(R[m]<7:0>)), imm2 = the saturation width of
//    SQRSHRL / UQRSHLL (64 or 48);
//  - 32-bit forms: t = Rda; imm or m as above.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// 64-bit pair, immediate: LSLL, LSRL, ASRL (plain), UQSHLL, SQSHLL (saturating left), URSHRL,
// SRSHRL (rounding right).
void LSLL_imm(Core& core, const DecodedInsn& insn);
void LSRL_imm(Core& core, const DecodedInsn& insn);
void ASRL_imm(Core& core, const DecodedInsn& insn);
void UQSHLL(Core& core, const DecodedInsn& insn);
void SQSHLL(Core& core, const DecodedInsn& insn);
void URSHRL(Core& core, const DecodedInsn& insn);
void SRSHRL(Core& core, const DecodedInsn& insn);
// 64-bit pair, by register: LSLL (left, logical right when negative), ASRL (arithmetic right,
// left when negative), UQRSHLL (rounding saturating left), SQRSHRL (rounding saturating right).
void LSLL_reg(Core& core, const DecodedInsn& insn);
void ASRL_reg(Core& core, const DecodedInsn& insn);
void UQRSHLL(Core& core, const DecodedInsn& insn);
void SQRSHRL(Core& core, const DecodedInsn& insn);
// 32-bit Rda: UQSHL, SQSHL (saturating left by imm), URSHR, SRSHR (rounding right by imm),
// UQRSHL, SQRSHR (by register, as UQRSHLL / SQRSHRL).
void UQSHL(Core& core, const DecodedInsn& insn);
void SQSHL(Core& core, const DecodedInsn& insn);
void URSHR(Core& core, const DecodedInsn& insn);
void SRSHR(Core& core, const DecodedInsn& insn);
void UQRSHL(Core& core, const DecodedInsn& insn);
void SQRSHR(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
