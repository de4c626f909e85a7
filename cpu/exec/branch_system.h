// Execute functions of the branch and system group (Armv8-M ARM, "Alphabetical list of
// instructions"): branches, compare-and-branch, IT, hints, barriers, CPS, BKPT, SVC, UDF, the
// Armv8.1-M low-overhead loops and branch future. MRS/MSR are in cpu/exec/system_registers.h.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// B T1/T3: if ConditionPassed(cond) then BranchWritePC(PC + imm32). Operands: imm (signed
// offset), cond. UNPREDICTABLE inside an IT block.
void B_conditional(Core& core, const DecodedInsn& insn);
// B T2/T4: BranchWritePC(PC + imm32). Operands: imm. Outside or last in an IT block.
void B(Core& core, const DecodedInsn& insn);
// BL T1: LR = next instruction address | 1; BranchWritePC(PC + imm32). Operands: imm.
void BL(Core& core, const DecodedInsn& insn);
// BX T1: BXWritePC(R[m]). Operands: m.
void BX(Core& core, const DecodedInsn& insn);
// BLX (register) T1: LR = (PC - 2) | 1; BLXWritePC(R[m]). Operands: m.
void BLX_reg(Core& core, const DecodedInsn& insn);
// CBZ/CBNZ T1: if nonzero != (R[n] == 0) then BranchWritePC(PC + imm32). Operands: n, imm,
// flag (true: CBNZ).
void CBZ_CBNZ(Core& core, const DecodedInsn& insn);
// IT T1: ITSTATE = firstcond:mask. Operands: imm (the eight bits firstcond:mask).
void IT(Core& core, const DecodedInsn& insn);

// NOP, YIELD, DBG, CSDB, ESB, reserved hints, and the barriers DSB/DMB/ISB (this core has no
// write buffer or prefetch state to order): no effect.
void no_operation(Core& core, const DecodedInsn& insn);
// WFE: if the event register is set, clear it and continue; otherwise sleep until an event.
void WFE(Core& core, const DecodedInsn& insn);
// WFI: sleep until an interrupt (the platform wakes the core).
void WFI(Core& core, const DecodedInsn& insn);
// SEV: sets the event register (a single-core system: the only PE to signal is this one).
void SEV(Core& core, const DecodedInsn& insn);
// CLREX: ClearExclusiveLocal().
void CLREX(Core& core, const DecodedInsn& insn);
// CPS T1: CPSIE/CPSID on PRIMASK (I) and FAULTMASK (F) when privileged. Operands: flag (true:
// disable, i.e. im == 1), imm bit 1 = I, bit 0 = F.
void CPS(Core& core, const DecodedInsn& insn);

// BKPT #imm8. Operands: imm.
void BKPT(Core& core, const DecodedInsn& insn);
// SVC #imm8. Operands: imm.
void SVC(Core& core, const DecodedInsn& insn);
// UDF #imm: always UNDEFINED. Operands: imm.
void UDF(Core& core, const DecodedInsn& insn);

// Armv8.1-M low-overhead loops.
// WLS LR, Rn, label: if R[n] == 0 then branch forward by imm (skip the loop) else LR = R[n].
// Operands: n, imm.
void WLS(Core& core, const DecodedInsn& insn);
// DLS LR, Rn: LR = R[n]. Operands: n.
void DLS(Core& core, const DecodedInsn& insn);
// LE {LR,} label: with flag false (LE LR, label): if LR > 1 then LR = LR - 1 and branch back by
// imm, else fall through leaving LR as it is. With flag true (LE label, the loop-forever form):
// always branch back. Operands: imm (the backward distance), flag.
// With MVE, a plain LE while the pseudocode's LTPSIZE() is not 4 (FPSCR.LTPSIZE, when the FP
// state is active: access allowed and no new FP context pending) takes an INVSTATE UsageFault:
// the loop was started by DLSTP/WLSTP and must end with LETP (QEMU does the same).
void LE(Core& core, const DecodedInsn& insn);

// MVE tail-predicated loops (Armv8.1-M ARM). FPSCR.LTPSIZE = log2 of the element size; LR counts
// elements, and cpu/exec/mve_common.h element_mask() predicates the tail in the last iteration.
// All need the FP/MVE access check (NOCP). Operands: n = Rn, esize (element bytes), imm.
// DLSTP.<size> LR, Rn: ExecuteFPCheck; LR = R[n]; LTPSIZE = log2(esize).
void DLSTP(Core& core, const DecodedInsn& insn);
// WLSTP.<size> LR, Rn, label: NOCP check; if R[n] == 0 branch forward by imm without touching
// the FP state (no new FP context, LTPSIZE unchanged); else ExecuteFPCheck, LR = R[n] and
// LTPSIZE = log2(esize).
void WLSTP(Core& core, const DecodedInsn& insn);
// LETP LR, label: ExecuteFPCheck; with N = 1 << (4 - LTPSIZE) elements per vector, if LR > N
// then LR = LR - N and branch back by imm, else fall through with LTPSIZE = 4 (LR unchanged).
void LETP(Core& core, const DecodedInsn& insn);
// LCTP: ExecuteFPCheck; LTPSIZE = 4.
void LCTP(Core& core, const DecodedInsn& insn);
// BF, BFX, BFL, BFLX, BFCSEL: branch-future hints. The architecture allows an implementation to
// have no branch-future cache, so that they have no effect; the branch instruction at the branch
// point (which these encodings only announce) then executes as usual.
void branch_future(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
