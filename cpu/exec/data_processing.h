// Execute functions of the data-processing group (Armv8-M ARM, "Alphabetical list of
// instructions"; one function per instruction, shared by all its encodings).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// MOV (immediate): Rd = imm; flags N, Z and (when decoded so) C from `flag`/carry.
// Operands: d, imm; flag = the carry out of ThumbExpandImm_C when it applies (imm2 == 1 marks
// "carry valid").
void MOV_imm(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
