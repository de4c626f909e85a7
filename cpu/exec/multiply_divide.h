// Execute functions of the multiply, multiply-accumulate, long multiply, DSP multiply and divide
// instructions (Armv8-M ARM, "Alphabetical list of instructions").
//
// Operand slots: d, n, m and a (Ra, the accumulator) for 32-bit results; t = RdLo and t2 = RdHi for
// 64-bit results. For the halfword forms imm = 1 selects the top half of R[n] (the <x> of
// SMLA<x><y>) and imm2 = 1 the top half of R[m] (<y>); flag = 1 swaps the halves of R[m] for the
// dual forms (the X suffix) and asks for rounding in SMMUL/SMMLA/SMMLS (the R suffix).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// MUL: R[d] = R[n] * R[m]<31:0>; with setflags N and Z (C and V unchanged). Operands: d, n, m.
void MUL(Core& core, const DecodedInsn& insn);
// MLA: R[a] + R[n] * R[m]; MLS: R[a] - R[n] * R[m].
void MLA(Core& core, const DecodedInsn& insn);
void MLS(Core& core, const DecodedInsn& insn);

// Signed halfword multiplies. The accumulating forms set APSR.Q on signed 32-bit overflow.
void SMULxy(Core& core, const DecodedInsn& insn);
void SMLAxy(Core& core, const DecodedInsn& insn);
void SMULWy(Core& core, const DecodedInsn& insn);
void SMLAWy(Core& core, const DecodedInsn& insn);
void SMUAD(Core& core, const DecodedInsn& insn);
void SMLAD(Core& core, const DecodedInsn& insn);
void SMUSD(Core& core, const DecodedInsn& insn);
void SMLSD(Core& core, const DecodedInsn& insn);
// Most-significant-word multiplies: R[d] = ((Ra << 32) +/- R[n] * R[m] (+ 0x80000000))<63:32>.
void SMMUL(Core& core, const DecodedInsn& insn);
void SMMLA(Core& core, const DecodedInsn& insn);
void SMMLS(Core& core, const DecodedInsn& insn);
// Sum of absolute byte differences, with (USADA8) or without (USAD8) accumulate.
void USAD8(Core& core, const DecodedInsn& insn);
void USADA8(Core& core, const DecodedInsn& insn);

// Long multiplies (no flags in M-profile). Operands: t (RdLo), t2 (RdHi), n, m.
void SMULL(Core& core, const DecodedInsn& insn);
void UMULL(Core& core, const DecodedInsn& insn);
void SMLAL(Core& core, const DecodedInsn& insn);
void UMLAL(Core& core, const DecodedInsn& insn);
void UMAAL(Core& core, const DecodedInsn& insn);
void SMLALxy(Core& core, const DecodedInsn& insn);
void SMLALD(Core& core, const DecodedInsn& insn);
void SMLSLD(Core& core, const DecodedInsn& insn);

// SDIV / UDIV, rounding towards zero. A zero divisor gives 0, or a DIVBYZERO UsageFault when
// CCR.DIV_0_TRP is set (Core::set_divide_by_zero_trap). Operands: d, n, m.
void SDIV(Core& core, const DecodedInsn& insn);
void UDIV(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
