// Execute functions of the floating-point register moves and the FP system-register transfers
// (Armv8-M ARM: VMOV (all forms), VINS, VMOVX, VMRS, VMSR). Operands as in cpu/exec/fp_common.h,
// plus flag = "to the general-purpose registers" for the core<->extension register moves.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// d (format imm2) = the VFPExpandImm constant in imm (for F64 imm is the high word; the low word
// of the constant is zero).
void VMOV_imm(Core& core, const DecodedInsn& insn);
// R[t] <-> S[n] (F32), or the low half of S[n] (F16: to S[n] the top half is cleared, to R[t]
// zero-extended).
void VMOV_core_single(Core& core, const DecodedInsn& insn);
// R[t] (low word), R[t2] (high word) <-> D[m].
void VMOV_core_pair_double(Core& core, const DecodedInsn& insn);
// R[t] <-> S[m], R[t2] <-> S[m+1].
void VMOV_core_pair_singles(Core& core, const DecodedInsn& insn);
// VMOV (general-purpose register to/from a vector lane): exec::MVE_VMOV_lane, mve_move.h.
// VINS.F16: S[d]<31:16> = S[m]<15:0>. VMOVX.F16: S[d] = Zeros(16):S[m]<31:16>. Unconditional.
void VINS(Core& core, const DecodedInsn& insn);
void VMOVX(Core& core, const DecodedInsn& insn);

// The VMRS/VMSR register numbers (and those of VLDR/VSTR system register).
enum class FpSystemRegister : uint8_t {
  FPSCR = 0b0001,
  FPSCR_nzcvqc = 0b0010,
  VPR = 0b1100,
  P0 = 0b1101,
};
// Reads / writes the FP system register imm as the architecture defines each view of it.
uint32_t read_fp_system_register(const CpuState& s, unsigned reg);
void write_fp_system_register(CpuState& s, unsigned reg, uint32_t value);

// R[t] = register imm; t == 15 (only with FPSCR) copies FPSCR.NZCV to APSR.NZCV.
void VMRS(Core& core, const DecodedInsn& insn);
// register imm = R[t].
void VMSR(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
