// Execute functions of MVE floating-point complex arithmetic (Armv8.1-M ARM, "MVE instructions"):
// VCADD (rotation 90 or 270), VCMUL and VCMLA (rotation 0, 90, 180 or 270). Even lanes hold real
// parts, odd lanes imaginary parts. Controls and flags: cpu/exec/mve_float_common.h. Operands
// (cpu/decode/table_mve_float.cpp):
//  - esize: 2 (F16) or 4 (F32);
//  - d, n, m: Qd (Qda for VCMLA), Qn, Qm;
//  - imm: the rotation in degrees.
//
// Register overlap. With F32 lanes, Qd equal to Qm (VCADD, VCMUL) or Qn (VCMUL) is CONSTRAINED
// UNPREDICTABLE. QEMU 7.2 does not diagnose it: it reads every source element before writing a
// result (VCADD computes the whole vector first; VCMUL/VCMLA compute each real/imaginary pair from
// the sources before writing that pair, and a pair reads only its own lanes). We do the same: the
// sources are read whole before any result is written, so overlaps give the non-overlapping result.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec::mve {

// Rotation 90: real = Qn.re - Qm.im, imaginary = Qn.im + Qm.re; 270: real = Qn.re + Qm.im,
// imaginary = Qn.im - Qm.re (FPAdd/FPSub, each rounded).
void VCADD_fp(Core& core, const DecodedInsn& insn);
// Qd = Qn * Qm rotated: the products of VCMLA without the accumulator (FPMul, each rounded).
void VCMUL_fp(Core& core, const DecodedInsn& insn);
// Qda += Qn * Qm rotated (FPMulAdd per lane):
//   0:   re += n.re * m.re,    im += n.re * m.im
//   90:  re += n.im * -m.im,   im += n.im * m.re
//   180: re += n.re * -m.re,   im += n.re * -m.im
//   270: re += n.im * m.im,    im += n.im * -m.re
void VCMLA_fp(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec::mve
