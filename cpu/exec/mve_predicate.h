// MVE predication: VCMP and VPT (integer and floating point, vector and scalar forms), VPST,
// VPNOT, VPSEL and VCTP (Armv8.1-M ARM, "MVE instructions"). All of them are beat-wise: they are
// predicated by the current lane mask, honour EPSR.ECI and advance the VPT block
// (cpu/exec/mve_common.h).
//
// VPR.P0 rules shared by VCMP, VPT, VPNOT and VCTP: for the beats this instruction executes, a
// P0 bit takes the new predicate where its lane is active and 0 where the lane is predicated
// off; the P0 bits of beats that ECI says already executed keep their value (QEMU's
// mve_helper.c does the same).
//
// Operands (cpu/decode/table_mve_predicate_reduce.cpp):
//  - VCMP/VPT: n = Qn, m = Qm (vector forms) or t = Rm (scalar forms; Rm == 15 means zero),
//    esize = element bytes, cond = mve::Compare, imm = the VPT mask (0 for VCMP).
//  - VPST: imm = mask (never 0: mask 0 is VPNOT). VPSEL: d, n, m. VCTP: n = Rn, esize.
#pragma once

#include <cstdint>

#include "cpu/core.h"
#include "cpu/exec/softfloat.h"

namespace minifvp::cpu::exec {

namespace mve {

// The comparison of VCMP/VPT, in the order of the Arm ARM's fc/size tables.
enum class Compare : uint8_t { EQ, NE, CS, HI, GE, LT, GT, LE };

// Writes the P0 bits of the executed beats: `new_p0` where `lane_mask` is set, 0 elsewhere.
void write_p0(CpuState& s, uint16_t new_p0, uint16_t lane_mask, uint16_t executed_beats);

// Sets VPR.MASK01/MASK23 from a VPT/VPST mask. MASK01 is written only when beat 1 executes now
// (ECI names at most beat 0 as done); MASK23 always is.
void set_vpt_mask(CpuState& s, uint32_t mask, uint16_t executed_beats);

}  // namespace mve

// VCMP/VPT: P0 = the comparison of each element (under the lane mask), then the VPT block
// advances like any beat-wise instruction; a VPT (mask != 0) then writes MASK01/MASK23 from its
// mask, so a VPT inside a block is predicated by that block and starts a new one (the Arm ARM
// makes this UNPREDICTABLE; this is what QEMU does).
void MVE_VCMP_vector(Core& core, const DecodedInsn& insn);
void MVE_VCMP_scalar(Core& core, const DecodedInsn& insn);
// Floating point: esize 2 (F16) or 4 (F32); the compare uses the Armv8.1-M MVE floating-point
// controls (StandardFPSCRValue(): round to nearest, default NaN, FZ for F32, FPSCR.FZ16 for F16)
// and sets FPSCR's cumulative flags for active lanes. Every compare, EQ and NE included, signals
// Invalid Operation on any NaN (as QEMU). Unordered operands give true for NE, LT and LE.
void MVE_VCMP_fp_vector(Core& core, const DecodedInsn& insn);
void MVE_VCMP_fp_scalar(Core& core, const DecodedInsn& insn);
void MVE_VPST(Core& core, const DecodedInsn& insn);
void MVE_VPNOT(Core& core, const DecodedInsn& insn);
void MVE_VPSEL(Core& core, const DecodedInsn& insn);
void MVE_VCTP(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
