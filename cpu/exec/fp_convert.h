// Execute functions of the floating-point conversions and round-to-integral instructions (Armv8-M
// ARM: VCVT, VCVTR, VCVTA/N/P/M, VCVTB/VCVTT, VRINTA/N/P/M/X/Z/R). Operands as in
// cpu/exec/fp_common.h, plus:
//  - imm: the rounding mode as an fp::Rounding value, or kRoundingFromFpscr; for the fixed-point
//    forms the number of fraction bits;
//  - flag: unsigned integer (VCVT integer/fixed forms), top half (VCVTT), exact (VRINTX);
//  - shift_n: the fixed-point size in bits (16 or 32).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

constexpr uint32_t kRoundingFromFpscr = 0xff;

// S[d] = FPToFixed(m in format imm2, 0 fraction bits, 32-bit) with rounding imm.
void VCVT_to_int(Core& core, const DecodedInsn& insn);
// VCVTA/N/P/M: as VCVT_to_int, unconditional (UNPREDICTABLE, here UNDEFINED, in an IT block).
void VCVT_to_int_directed(Core& core, const DecodedInsn& insn);
// d (format imm2) = FixedToFP(S[m], 32-bit, 0 fraction bits) with FPSCR rounding.
void VCVT_from_int(Core& core, const DecodedInsn& insn);
// d = FPToFixed(d, imm fraction bits, shift_n-bit, round towards zero), extended to the register.
void VCVT_to_fixed(Core& core, const DecodedInsn& insn);
// d = FixedToFP(d<shift_n-1:0>, imm fraction bits), round to nearest (not FPSCR.RMode).
void VCVT_from_fixed(Core& core, const DecodedInsn& insn);
// d (format imm2) = FPConvert(m (format a)) between single and double precision.
void VCVT_fp(Core& core, const DecodedInsn& insn);
// VCVTB/VCVTT to half precision: the bottom (flag clear) or top half of S[d] = FPConvert(m, format
// a); the other half of S[d] is kept.
void VCVT_to_half(Core& core, const DecodedInsn& insn);
// VCVTB/VCVTT from half precision: d (format imm2) = FPConvert(bottom or top half of S[m]).
void VCVT_from_half(Core& core, const DecodedInsn& insn);
// d = FPRoundInt(m, rounding imm, exact flag) (VRINTX/Z/R).
void VRINT(Core& core, const DecodedInsn& insn);
// VRINTA/N/P/M: as VRINT, unconditional.
void VRINT_directed(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
