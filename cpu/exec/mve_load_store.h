// Execute functions of the MVE (Helium) loads and stores (Armv8.1-M ARM, "VLDRB, VLDRH, VLDRW",
// "VSTRB, VSTRH, VSTRW", their vector-offset and vector-base forms and VLD2/VLD4/VST2/VST4).
//
// Operands (filled by cpu/decode/table_mve_load_store.cpp), besides those of mve_common.h:
//  - contiguous VLDR/VSTR: d = Qd, n = Rn, imm = the byte offset (imm7 already scaled by the
//    memory size), add, index (P: offset applied before the access), wback; esize = element size
//    in the register, imm2 = memory access size in bytes (smaller for widening loads and narrowing
//    stores), flag = sign-extend (widening loads);
//  - gather/scatter with vector offsets: d = Qd, m = Qm (the offsets), n = Rn (the base),
//    esize, imm2 = memory size, imm = left shift of each offset (0, or log2(memory size) for the
//    "UXTW #n" forms), flag = sign-extend;
//  - gather/scatter with a vector base: d = Qd, m = Qm (the base addresses), imm = byte offset,
//    add, wback (the addresses written back to Qm), esize = imm2 = 4 or 8;
//  - VLD2/VLD4/VST2/VST4: d = first Qd, n = Rn, esize, imm = pattern (0-1 or 0-3), imm2 = number
//    of registers (2 or 4), wback (Rn += 32 or 64).
//
// Every access is aligned to its size (MemA in the Arm ARM: an unaligned address takes an
// UNALIGNED UsageFault whatever CCR.UNALIGN_TRP says). QEMU 7.2 does not check MVE alignment; the
// manual wins here. Loads compute the whole result before writing any register, so a fault in
// any beat leaves Qd and Rn unchanged (the architecture allows either).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// Contiguous load: predicated-false lanes of the executed beats are written with zero; beats that
// EPSR.ECI marks as done keep their value. Rn is written back (not predicated) when wback.
void MVE_VLDR_contiguous(Core& core, const DecodedInsn& insn);
// Contiguous store of the active lanes (the low imm2 bytes of each esize element).
void MVE_VSTR_contiguous(Core& core, const DecodedInsn& insn);
// Gather load, address = R[n] + (ZeroExtend(Qm element) << imm); 64-bit elements as two word
// accesses using the low word of each Qm doubleword, as QEMU does.
void MVE_VLDR_gather_offset(Core& core, const DecodedInsn& insn);
void MVE_VSTR_scatter_offset(Core& core, const DecodedInsn& insn);
// Gather load / scatter store at Qm element +/- imm; with wback every executed element of Qm
// (predicated or not) receives its address.
void MVE_VLDR_gather_base(Core& core, const DecodedInsn& insn);
void MVE_VSTR_scatter_base(Core& core, const DecodedInsn& insn);
// Interleaving loads and stores: beat-wise (EPSR.ECI honoured) but not predicated; like QEMU they
// leave VPR (and so a VPT block's state) alone.
void MVE_VLD2_VLD4(Core& core, const DecodedInsn& insn);
void MVE_VST2_VST4(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
