// Execute functions of the MVE integer arithmetic instructions (Armv8.1-M ARM, "MVE
// instructions"), decoded by cpu/decode/table_mve_integer.cpp. Every one is beat-wise
// (InsnClass::Vector): begin_beatwise, compute all lanes from the source registers as they were
// before the instruction, write Qd under the lane mask, finish_beatwise (cpu/exec/mve_common.h).
//
// Operands (beyond mve_common.h's conventions):
//  - d, n, m: Qd (Qda for accumulating forms), Qn, Qm; t: Rm of a vector-by-scalar form;
//  - esize: element size in bytes; for a widening instruction the size of the source elements;
//    8 for the bitwise instructions that do not depend on it;
//  - flag: the U bit (unsigned elements) of the instructions that have one; for the others the
//    lanes are signed (VABS, VNEG, ...) or signedness cannot change the result (VADD, VMUL, ...);
//  - imm: per instruction as documented below.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec::mve_int {

// Bitwise, whole register: Qd = Qn op Qm.
void VAND(Core& core, const DecodedInsn& insn);
void VBIC(Core& core, const DecodedInsn& insn);
void VORR(Core& core, const DecodedInsn& insn);
void VORN(Core& core, const DecodedInsn& insn);
void VEOR(Core& core, const DecodedInsn& insn);

// Lanewise Qd = Qn op Qm, and the vector-by-scalar forms Qd = Qn op R[t].
void VADD(Core& core, const DecodedInsn& insn);
void VSUB(Core& core, const DecodedInsn& insn);
void VADD_scalar(Core& core, const DecodedInsn& insn);
void VSUB_scalar(Core& core, const DecodedInsn& insn);
void VHADD(Core& core, const DecodedInsn& insn);
void VHSUB(Core& core, const DecodedInsn& insn);
void VHADD_scalar(Core& core, const DecodedInsn& insn);
void VHSUB_scalar(Core& core, const DecodedInsn& insn);
void VRHADD(Core& core, const DecodedInsn& insn);
void VABD(Core& core, const DecodedInsn& insn);
void VMAX(Core& core, const DecodedInsn& insn);
void VMIN(Core& core, const DecodedInsn& insn);
// Saturating; FPSCR.QC is set when an active lane saturates.
void VQADD(Core& core, const DecodedInsn& insn);
void VQSUB(Core& core, const DecodedInsn& insn);
void VQADD_scalar(Core& core, const DecodedInsn& insn);
void VQSUB_scalar(Core& core, const DecodedInsn& insn);

// One source: Qd = op(Qm). VMVN is bitwise; VQABS/VQNEG saturate and set QC.
void VABS(Core& core, const DecodedInsn& insn);
void VNEG(Core& core, const DecodedInsn& insn);
void VQABS(Core& core, const DecodedInsn& insn);
void VQNEG(Core& core, const DecodedInsn& insn);
void VCLS(Core& core, const DecodedInsn& insn);
void VCLZ(Core& core, const DecodedInsn& insn);
void VMVN(Core& core, const DecodedInsn& insn);
// Qda = max/min(unsigned Qda, |signed Qm|).
void VMAXA(Core& core, const DecodedInsn& insn);
void VMINA(Core& core, const DecodedInsn& insn);

// Multiplies. VMULH/VRMULH keep the high half of the double-width product (VRMULH rounds).
void VMUL(Core& core, const DecodedInsn& insn);
void VMUL_scalar(Core& core, const DecodedInsn& insn);
void VMULH(Core& core, const DecodedInsn& insn);
void VRMULH(Core& core, const DecodedInsn& insn);
// Widening: double-width lane i = product of source elements 2i + imm (imm 0: B, 1: T).
void VMULL(Core& core, const DecodedInsn& insn);
void VMULL_poly(Core& core, const DecodedInsn& insn);
// Widening saturating doubling multiply (signed); sets QC. imm: 0 B, 1 T.
void VQDMULL(Core& core, const DecodedInsn& insn);
void VQDMULL_scalar(Core& core, const DecodedInsn& insn);
// Qda = Qn * R[t] + Qda (VMLA); Qda = Qn * Qda + R[t] (VMLAS).
void VMLA(Core& core, const DecodedInsn& insn);
void VMLAS(Core& core, const DecodedInsn& insn);

// One register and modified immediate, on 64-bit lanes: imm (low word) and imm2 (high word) hold
// the expanded 64-bit immediate (already inverted for VMVN). Qd = imm; Qd |= imm; Qd &= ~imm.
void VMOV_imm(Core& core, const DecodedInsn& insn);
void VORR_imm(Core& core, const DecodedInsn& insn);
void VBIC_imm(Core& core, const DecodedInsn& insn);

// Whole-vector add/subtract with carry on 32-bit lanes, carry through FPSCR.C. imm bit 0: subtract
// (VSBC); flag: the carry-in is fixed (VADCI 0, VSBCI 1) rather than FPSCR.C.
void VADC(Core& core, const DecodedInsn& insn);
// Complex add with rotation: imm 0 = #90, 1 = #270; flag: halving (VHCADD, signed).
void VCADD(Core& core, const DecodedInsn& insn);

// Incrementing/decrementing dup: t = Rn (offset, written back), t2 = Rm (wrap), imm = step.
void VIDUP(Core& core, const DecodedInsn& insn);
void VDDUP(Core& core, const DecodedInsn& insn);
void VIWDUP(Core& core, const DecodedInsn& insn);
void VDWDUP(Core& core, const DecodedInsn& insn);
// Bit reverse and shift right: Qd lane = the low R[t] bits of Qn's lane, reversed.
void VBRSR(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec::mve_int
