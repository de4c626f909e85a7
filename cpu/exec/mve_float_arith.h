// Execute functions of MVE floating-point arithmetic (Armv8.1-M ARM, "MVE instructions"): VADD,
// VSUB, VMUL, VABD, VMAXNM, VMINNM, VMAXNMA, VMINNMA, VFMA, VFMS, VABS, VNEG (vector), and VADD,
// VSUB, VMUL, VFMA, VFMAS with a general-purpose register scalar. Controls and flags:
// cpu/exec/mve_float_common.h. Operands (cpu/decode/table_mve_float.cpp):
//  - esize: 2 (F16 lanes) or 4 (F32 lanes);
//  - d, n, m: Qd, Qn, Qm (VMAXNMA/VMINNMA: n = d, the instruction reads and writes Qda);
//  - t: Rm of the scalar forms (its low esize bytes are the scalar).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec::mve {

// Qd = FPAdd/FPSub/FPMul(Qn, Qm) lane by lane.
void VADD_fp(Core& core, const DecodedInsn& insn);
void VSUB_fp(Core& core, const DecodedInsn& insn);
void VMUL_fp(Core& core, const DecodedInsn& insn);
// Qd = FPAbs(FPSub(Qn, Qm)).
void VABD_fp(Core& core, const DecodedInsn& insn);
// Qd = FPMaxNum/FPMinNum(Qn, Qm).
void VMAXNM_fp(Core& core, const DecodedInsn& insn);
void VMINNM_fp(Core& core, const DecodedInsn& insn);
// Qda = FPMaxNum/FPMinNum(FPAbs(Qda), FPAbs(Qm)).
void VMAXNMA_fp(Core& core, const DecodedInsn& insn);
void VMINNMA_fp(Core& core, const DecodedInsn& insn);
// Qda = FPMulAdd(Qda, Qn, Qm) / FPMulAdd(Qda, FPNeg(Qn), Qm), one rounding.
void VFMA_fp(Core& core, const DecodedInsn& insn);
void VFMS_fp(Core& core, const DecodedInsn& insn);
// Qd = FPAbs/FPNeg(Qm): sign-bit operations, no flushing, no exceptions.
void VABS_fp(Core& core, const DecodedInsn& insn);
void VNEG_fp(Core& core, const DecodedInsn& insn);
// Qd = FPAdd/FPSub/FPMul(Qn, Rm).
void VADD_fp_scalar(Core& core, const DecodedInsn& insn);
void VSUB_fp_scalar(Core& core, const DecodedInsn& insn);
void VMUL_fp_scalar(Core& core, const DecodedInsn& insn);
// VFMA: Qda = Qda + Qn * Rm; VFMAS: Qda = Qda * Qn + Rm (each one fused multiply-add).
void VFMA_fp_scalar(Core& core, const DecodedInsn& insn);
void VFMAS_fp_scalar(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec::mve
