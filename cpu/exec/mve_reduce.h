// MVE across-vector reductions to general-purpose registers (Armv8.1-M ARM, "MVE instructions"):
// VADDV, VADDLV, VMLADAV/VMLSDAV, VMLALDAV/VMLSLDAV, VRMLALDAVH/VRMLSLDAVH, VMAXV/VMINV,
// VMAXAV/VMINAV, VABAV and the floating-point VMAXNMV/VMINNMV/VMAXNMAV/VMINNMAV.
//
// All are beat-wise: only active lanes (cpu/exec/mve_common.h element_mask()) contribute, and the
// VPT block advances. A non-accumulating form that EPSR.ECI resumes after its first beat starts
// from the current register value, not 0 (the beats already done left their partial sum there).
//
// Operands (cpu/decode/table_mve_predicate_reduce.cpp):
//  - t = Rda (or RdaLo), t2 = RdaHi for the 64-bit forms; n = Qn, m = Qm; esize = element bytes;
//  - flag = unsigned elements; imm = 1 for the accumulating (A) forms; imm2 = 1 for the exchange
//    (X) forms; a = 1 for the subtracting forms (VMLSDAV, VMLSLDAV, VRMLSLDAVH: odd products are
//    subtracted).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// Rda = [Rda +] sum of the active elements (sign- or zero-extended), modulo 2^32.
void MVE_VADDV(Core& core, const DecodedInsn& insn);
// RdaHi:RdaLo = [RdaHi:RdaLo +] sum of the active 32-bit elements, modulo 2^64.
void MVE_VADDLV(Core& core, const DecodedInsn& insn);
// Rda = [Rda +] sum over active lanes e of Qn[e or e^1 with X] * Qm[e], odd lanes subtracted for
// VMLSDAV; modulo 2^32.
void MVE_VMLADAV(Core& core, const DecodedInsn& insn);
// As VMLADAV with 64-bit products into RdaHi:RdaLo.
void MVE_VMLALDAV(Core& core, const DecodedInsn& insn);
// 32-bit elements; RdaHi:RdaLo holds bits [71:8] of a 72-bit accumulator: each active lane adds
// its 64-bit product rounded to bits [63:8] (per beat, as the pseudocode squashes the accumulator
// back to 64 bits after every beat).
void MVE_VRMLALDAVH(Core& core, const DecodedInsn& insn);
// Rda = max/min of Rda (read as an element: truncated, sign- or zero-extended) and the active
// elements, written back extended to 32 bits.
void MVE_VMAXV(Core& core, const DecodedInsn& insn);
void MVE_VMINV(Core& core, const DecodedInsn& insn);
// As VMAXV/VMINV on |element| (signed elements), Rda read as an unsigned element.
void MVE_VMAXAV(Core& core, const DecodedInsn& insn);
void MVE_VMINAV(Core& core, const DecodedInsn& insn);
// Rda = Rda + sum of |Qn[e] - Qm[e]| over active lanes.
void MVE_VABAV(Core& core, const DecodedInsn& insn);
// Floating point (esize 2: F16 in Rda[15:0], result zero-extended; 4: F32), with the MVE
// floating-point controls (mve::standard_fp_env). Signalling NaNs (in Rda or an element) are
// quietened with Invalid Operation first, so a NaN loses against a number (maxNum/minNum); the
// A forms take maxNum/minNum of Rda as it is (sign included) and |element| (as QEMU does).
void MVE_VMAXNMV(Core& core, const DecodedInsn& insn);
void MVE_VMINNMV(Core& core, const DecodedInsn& insn);
void MVE_VMAXNMAV(Core& core, const DecodedInsn& insn);
void MVE_VMINNMAV(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
