// Execute functions of the load/store group (Armv8-M ARM, "Alphabetical list of instructions":
// LDR*, STR*, LDM*, STM*, PUSH, POP, LDRD/STRD, exclusives, acquire/release, TBB/TBH, PLD/PLI).
// One function per instruction and addressing form, shared by all its encodings.
//
// Operand conventions (filled by cpu/decode/table_load_store.cpp):
//  - immediate forms: n, t, imm (imm32), add (U), index (P), wback (W);
//  - register forms: n, t, m, shift_n (LSL amount 0-3); offset added, no writeback;
//  - literal forms: t, imm, add; the base is Align(PC, 4);
//  - multiple: n, imm (register list, bit i = Ri), wback;
//  - dual: t, t2 plus the immediate or literal operands;
//  - exclusive: n, t, imm (offset), d (status register of the store forms).
// Every function reads all memory before it writes any register, so an access that faults leaves
// the registers as they were (the core restarts the instruction's report at its address).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// Single loads and stores, immediate offset with P/U/W (T16 imm forms, T32 imm12 and imm8).
void LDR_imm(Core& core, const DecodedInsn& insn);
void LDRH_imm(Core& core, const DecodedInsn& insn);
void LDRSH_imm(Core& core, const DecodedInsn& insn);
void LDRB_imm(Core& core, const DecodedInsn& insn);
void LDRSB_imm(Core& core, const DecodedInsn& insn);
void STR_imm(Core& core, const DecodedInsn& insn);
void STRH_imm(Core& core, const DecodedInsn& insn);
void STRB_imm(Core& core, const DecodedInsn& insn);

// Unprivileged forms (LDRT, ...): offset addressing with imm, accesses made as unprivileged.
void LDRT(Core& core, const DecodedInsn& insn);
void LDRHT(Core& core, const DecodedInsn& insn);
void LDRSHT(Core& core, const DecodedInsn& insn);
void LDRBT(Core& core, const DecodedInsn& insn);
void LDRSBT(Core& core, const DecodedInsn& insn);
void STRT(Core& core, const DecodedInsn& insn);
void STRHT(Core& core, const DecodedInsn& insn);
void STRBT(Core& core, const DecodedInsn& insn);

// Register offset: address = R[n] + LSL(R[m], shift_n).
void LDR_reg(Core& core, const DecodedInsn& insn);
void LDRH_reg(Core& core, const DecodedInsn& insn);
void LDRSH_reg(Core& core, const DecodedInsn& insn);
void LDRB_reg(Core& core, const DecodedInsn& insn);
void LDRSB_reg(Core& core, const DecodedInsn& insn);
void STR_reg(Core& core, const DecodedInsn& insn);
void STRH_reg(Core& core, const DecodedInsn& insn);
void STRB_reg(Core& core, const DecodedInsn& insn);

// Literal: address = Align(PC, 4) +/- imm.
void LDR_lit(Core& core, const DecodedInsn& insn);
void LDRH_lit(Core& core, const DecodedInsn& insn);
void LDRSH_lit(Core& core, const DecodedInsn& insn);
void LDRB_lit(Core& core, const DecodedInsn& insn);
void LDRSB_lit(Core& core, const DecodedInsn& insn);

// PLD, PLI and the reserved memory hints: no architectural effect. The address they name is
// never accessed, so they cannot fault.
void memory_hint(Core& core, const DecodedInsn& insn);

// LDM/LDMIA/POP, LDMDB, STM/STMIA, STMDB/PUSH.
void LDM(Core& core, const DecodedInsn& insn);
void LDMDB(Core& core, const DecodedInsn& insn);
void STM(Core& core, const DecodedInsn& insn);
void STMDB(Core& core, const DecodedInsn& insn);

// LDRD/STRD (immediate) and LDRD (literal).
void LDRD_imm(Core& core, const DecodedInsn& insn);
void LDRD_lit(Core& core, const DecodedInsn& insn);
void STRD_imm(Core& core, const DecodedInsn& insn);

// Exclusives (LDAEX*/STLEX* share these: ordering has no visible effect on one core).
void LDREX(Core& core, const DecodedInsn& insn);
void LDREXH(Core& core, const DecodedInsn& insn);
void LDREXB(Core& core, const DecodedInsn& insn);
void STREX(Core& core, const DecodedInsn& insn);
void STREXH(Core& core, const DecodedInsn& insn);
void STREXB(Core& core, const DecodedInsn& insn);

// Load-acquire / store-release (LDA, LDAH, LDAB, STL, STLH, STLB): aligned single accesses.
void LDA(Core& core, const DecodedInsn& insn);
void LDAH(Core& core, const DecodedInsn& insn);
void LDAB(Core& core, const DecodedInsn& insn);
void STL(Core& core, const DecodedInsn& insn);
void STLH(Core& core, const DecodedInsn& insn);
void STLB(Core& core, const DecodedInsn& insn);

// TBB/TBH: branch forward by twice the table entry. Operands: n, m, flag (true: TBH).
void TBB_TBH(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
