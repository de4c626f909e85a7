// Execute functions of the MVE saturating doubling multiplies that return the high half
// (Armv8.1-M ARM, "MVE instructions": VQDMULH, VQRDMULH (vector and scalar), VQDMLAH, VQRDMLAH,
// VQDMLASH, VQRDMLASH, VQDMLADH{X}, VQRDMLADH{X}, VQDMLSDH{X}, VQRDMLSDH{X}). All are signed,
// beat-wise (cpu/exec/mve_common.h), and set FPSCR.QC when an active element saturates.
//
// Operands (filled by cpu/decode/table_mve_shift_saturate.cpp):
//  - vector forms: d, n, m, esize; VQ(R)DML{A,S}DH: flag = exchange (X);
//  - scalar forms: d (Qd, or Qda for the accumulating ones), n, t (Rm; its low esize bits are the
//    scalar), esize.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// Qd[e] = SignedSat((2 * Qn[e] * Qm[e] (+ rounding)) >> esize).
void VQDMULH_vec(Core& core, const DecodedInsn& insn);
void VQRDMULH_vec(Core& core, const DecodedInsn& insn);
// The same with Rm in place of every element of Qm.
void VQDMULH_scalar(Core& core, const DecodedInsn& insn);
void VQRDMULH_scalar(Core& core, const DecodedInsn& insn);
// VQ(R)DMLAH: Qda[e] = SignedSat(((Qda[e] << esize) + 2 * Qn[e] * Rm (+ rounding)) >> esize).
void VQDMLAH(Core& core, const DecodedInsn& insn);
void VQRDMLAH(Core& core, const DecodedInsn& insn);
// VQ(R)DMLASH: Qda[e] = SignedSat(((Rm << esize) + 2 * Qda[e] * Qn[e] (+ rounding)) >> esize).
void VQDMLASH(Core& core, const DecodedInsn& insn);
void VQRDMLASH(Core& core, const DecodedInsn& insn);
// Dual multiply add/subtract, doubling, high half: without X, even element e gets
// Qn[e]*Qm[e] +- Qn[e+1]*Qm[e+1]; with X, odd element e gets Qn[e]*Qm[e-1] +- Qn[e-1]*Qm[e]. The
// other elements of Qd keep their value.
void VQDMLADH(Core& core, const DecodedInsn& insn);
void VQRDMLADH(Core& core, const DecodedInsn& insn);
void VQDMLSDH(Core& core, const DecodedInsn& insn);
void VQRDMLSDH(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
