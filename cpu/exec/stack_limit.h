// Armv8-M stack limit checking for instructions that write a new value to SP (rule R_YVWT lists
// the load/store forms: LDM/STM and their DB forms, PUSH/POP, single loads and stores and
// LDRD/STRD with writeback of SP).
//
// The check is made before any memory access of the instruction, so a violating PUSH writes
// nothing and leaves SP unchanged: the instruction takes a STKOF UsageFault instead. The limit is
// MSPLIM or PSPLIM, whichever belongs to the stack pointer in use (LookUpSPLim()).
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

inline void check_stack_limit(Core& core, uint32_t new_sp) {
  const CpuState& s = core.state();
  const bool process_stack = s.ipsr == 0 && (s.control & 2) != 0;
  const uint32_t limit = process_stack ? s.psplim : s.msplim;
  if (new_sp < limit) [[unlikely]] {
    core.raise(FaultKind::StackOverflow, "SP write below the stack limit");
  }
}

}  // namespace minifvp::cpu::exec
