// Armv8-M stack limit checking for instructions that write a new value to SP (rule R_YVWT lists
// the load/store forms: LDM/STM and their DB forms, PUSH/POP, single loads and stores and
// LDRD/STRD with writeback of SP).
//
// The check is made before any memory access of the instruction, so a violating PUSH writes
// nothing and leaves SP unchanged: the instruction takes a STKOF UsageFault instead. The limit is
// MSPLIM or PSPLIM, whichever belongs to the stack pointer in use (LookUpSPLim()), and
// CCR.STKOFHFNMIGN lifts it at negative execution priority (Core::violates_stack_limit()).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

inline void check_stack_limit(Core& core, uint32_t new_sp) {
  if (core.violates_stack_limit(new_sp)) [[unlikely]] {
    core.raise(FaultKind::StackOverflow, "SP write below the stack limit");
  }
}

}  // namespace minifvp::cpu::exec
