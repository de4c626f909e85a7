// Execute functions of the branch and system group.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// B (T1-T4): if ConditionPassed(cond) then BranchWritePC(PC + imm). Operands: imm (signed offset),
// cond (14 for unconditional encodings).
void B(Core& core, const DecodedInsn& insn);
// BKPT #imm8. Operands: imm.
void BKPT(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
