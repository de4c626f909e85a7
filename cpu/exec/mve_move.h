// Execute functions of the MVE (Helium) data movement instructions (Armv8.1-M ARM: VDUP, VMOV
// (general-purpose register to/from vector lane), VMOV (two 32-bit vector lanes to/from two
// general-purpose registers), VREV16/32/64, VMOVNB/T, VQMOVNB/T, VQMOVUNB/T, VMOVLB/T).
//
// Operands (filled by cpu/decode/table_mve_move.cpp and, for the lane moves, by the VMOV scalar
// row of cpu/decode/table_floating_point.cpp), besides those of mve_common.h:
//  - VDUP: d = Qd, t = Rt, esize;
//  - VMOV lane: imm = byte offset of the lane in the extension register file (8 * Dn + index *
//    esize), esize, t = Rt (PC allowed as a source: reads as the address + 4), flag = to the
//    general-purpose register, imm2 = 1 to sign-extend;
//  - VMOV two lanes: d = Qd, t = Rt (lane imm), t2 = Rt2 (lane imm + 2), imm = 0 or 1,
//    flag = to the general-purpose registers;
//  - VREV: d, m, esize = element size, imm = container size in bytes (2, 4 or 8);
//  - VMOVN family: d, m, esize = narrow element size (1 or 2), flag = top (T: odd narrow lanes),
//    imm = NarrowKind;
//  - VMOVL: d, m, esize = narrow source element size (1 or 2), flag = top, imm2 = 1 if signed.
#pragma once

#include <cstdint>

#include "cpu/core.h"

namespace minifvp::cpu::exec {

enum class NarrowKind : uint8_t {
  Truncate = 0,          // VMOVN
  SignedSaturate = 1,    // VQMOVN.S
  UnsignedSaturate = 2,  // VQMOVN.U
  SignedToUnsigned = 3,  // VQMOVUN.S
};

void MVE_VDUP(Core& core, const DecodedInsn& insn);
// Not beat-wise here (InsnClass::Coprocessor): they may sit in IT blocks and a nonzero ECI makes
// them INVSTATE in our model (QEMU instead skips the lane when ECI marks its beat as done).
void MVE_VMOV_lane(Core& core, const DecodedInsn& insn);
void MVE_VMOV_two_lanes(Core& core, const DecodedInsn& insn);
void MVE_VREV(Core& core, const DecodedInsn& insn);
// Each wide lane i of Qm, narrowed, goes to narrow lane 2i + top of Qd; the other narrow lanes
// keep their value. Saturating forms set FPSCR.QC when an active lane saturates.
void MVE_VMOVN(Core& core, const DecodedInsn& insn);
// Narrow lane 2i + top of Qm, extended, goes to wide lane i of Qd.
void MVE_VMOVL(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
