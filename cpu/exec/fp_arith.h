// Execute functions of the floating-point data-processing instructions (Armv8-M ARM,
// "Alphabetical list of instructions": VADD ... VSEL). Operands as cpu/exec/fp_common.h describes:
// d, n, m registers and imm2 the format (F16, F32 or F64).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// d = n op m, one rounding.
void VADD(Core& core, const DecodedInsn& insn);
void VSUB(Core& core, const DecodedInsn& insn);
void VMUL(Core& core, const DecodedInsn& insn);
void VNMUL(Core& core, const DecodedInsn& insn);  // FPNeg(FPMul(n, m))
void VDIV(Core& core, const DecodedInsn& insn);
// Fused multiply-accumulate (FPMulAdd, one rounding): VFMA d + n*m, VFMS d - n*m,
// VFNMA -d - n*m, VFNMS -d + n*m.
void VFMA(Core& core, const DecodedInsn& insn);
void VFMS(Core& core, const DecodedInsn& insn);
void VFNMA(Core& core, const DecodedInsn& insn);
void VFNMS(Core& core, const DecodedInsn& insn);
// Chained multiply-accumulate (FPMul then FPAdd, two roundings): VMLA d + n*m, VMLS d - n*m,
// VNMLA -d - n*m, VNMLS -d + n*m.
void VMLA(Core& core, const DecodedInsn& insn);
void VMLS(Core& core, const DecodedInsn& insn);
void VNMLA(Core& core, const DecodedInsn& insn);
void VNMLS(Core& core, const DecodedInsn& insn);
// d = op(m).
void VSQRT(Core& core, const DecodedInsn& insn);
void VNEG(Core& core, const DecodedInsn& insn);
void VABS(Core& core, const DecodedInsn& insn);
void VMOV_reg(Core& core, const DecodedInsn& insn);
// FPMaxNum / FPMinNum. Unconditional encodings: UNPREDICTABLE (UNDEFINED here) in an IT block.
void VMAXNM(Core& core, const DecodedInsn& insn);
void VMINNM(Core& core, const DecodedInsn& insn);
// FPSCR.NZCV = FPCompare(d, m) (VCMP_zero: with +0). flag: VCMPE (quiet NaNs signal too).
void VCMP(Core& core, const DecodedInsn& insn);
void VCMP_zero(Core& core, const DecodedInsn& insn);
// d = ConditionPassed(cond) ? n : m, cond one of EQ, VS, GE, GT. Unconditional encoding.
void VSEL(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
