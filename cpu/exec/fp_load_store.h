// Execute functions of the floating-point loads and stores (Armv8-M ARM: VLDR, VSTR, VLDM, VSTM,
// VPUSH, VPOP, and VLDR/VSTR (System Register)). Operands as in cpu/exec/fp_common.h, plus n (the
// base register), imm (offset in bytes, or the register count for VLDM/VSTM), add (U), index (P)
// and wback (W). Accesses are MemA: word aligned (halfword for the .16 forms). Loads read all
// memory before writing any register.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// d (format imm2) <-> [Align(R[n], 4) +/- imm]; n == 15 reads Align(PC, 4).
void VLDR(Core& core, const DecodedInsn& insn);
void VSTR(Core& core, const DecodedInsn& insn);
// imm registers (S or D by format imm2) from d upwards, increment-after (add) or decrement-before.
void VLDM(Core& core, const DecodedInsn& insn);
void VSTM(Core& core, const DecodedInsn& insn);
// FP system register t (FpSystemRegister number) <-> memory, with P/U/W addressing.
void VLDR_system(Core& core, const DecodedInsn& insn);
void VSTR_system(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
