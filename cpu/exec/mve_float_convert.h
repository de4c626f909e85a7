// Execute functions of the MVE floating-point conversions and round-to-integral instructions
// (Armv8.1-M ARM, "MVE instructions"): VCVT between floating point and integer or fixed point,
// VCVTA/VCVTN/VCVTP/VCVTM, VCVTB/VCVTT between half and single precision, VRINTN/X/A/Z/M/P.
// Controls and flags: cpu/exec/mve_float_common.h. Operands (cpu/decode/table_mve_float.cpp):
//  - esize: 2 (F16 lanes, 16-bit integers) or 4 (F32 lanes, 32-bit integers); the VCVTB/VCVTT
//    forms use 32-bit containers and ignore it;
//  - d, m: Qd, Qm;
//  - imm: fraction bits of the fixed-point forms (0 for the integer forms), or the rounding mode as
//    an fp::Rounding value (VCVTA/N/P/M, VRINT);
//  - flag: unsigned integer (VCVT), top half (VCVTT), exact (VRINTX).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec::mve {

// Qd = FPToFixed(Qm, imm fraction bits, unsigned = flag, round towards zero), saturated.
void VCVT_fp_to_fixed(Core& core, const DecodedInsn& insn);
// Qd = FixedToFP(Qm, imm fraction bits, unsigned = flag), round to nearest even.
void VCVT_fixed_to_fp(Core& core, const DecodedInsn& insn);
// VCVTA/N/P/M: Qd = FPToFixed(Qm, 0, unsigned = flag, rounding imm), saturated.
void VCVT_fp_to_int_directed(Core& core, const DecodedInsn& insn);
// VCVTB/VCVTT.F16.F32: the bottom (flag clear) or top half of each 32-bit lane of Qd =
// FPConvert(Qm's F32 lane); the other halves are kept.
void VCVT_f32_to_f16(Core& core, const DecodedInsn& insn);
// VCVTB/VCVTT.F32.F16: each 32-bit lane of Qd = FPConvert(the bottom or top half of Qm's lane).
void VCVT_f16_to_f32(Core& core, const DecodedInsn& insn);
// Qd = FPRoundInt(Qm, rounding imm, exact = flag).
void VRINT_fp(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec::mve
