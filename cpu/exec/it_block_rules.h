// Execution-time UNPREDICTABLE checks that depend on the IT state, which decode cannot see
// (decoded instructions are cached per address, not per IT state).
//
// Our CONSTRAINED UNPREDICTABLE choice for each of them is the one the decoder makes for
// UNPREDICTABLE encodings: the instruction is UNDEFINED (UsageFault UNDEFINSTR), with a report that
// names the rule.
#pragma once

#include "cpu/core.h"

namespace minifvp::cpu::exec {

// "if InITBlock() then UNPREDICTABLE" (CBZ, IT, CPS, B<c> T1/T3, WLS, LE, ...).
inline void require_outside_it_block(Core& core, const char* what) {
  if (core.in_it_block()) [[unlikely]] {
    core.raise(FaultKind::UndefinedInstruction,
               std::string(what) + " inside an IT block is UNPREDICTABLE (treated as UNDEFINED)");
  }
}

// "if InITBlock() && !LastInITBlock() then UNPREDICTABLE" (branches, loads to the PC).
inline void require_outside_or_last_in_it_block(Core& core, const char* what) {
  if (core.in_it_block() && !core.last_in_it_block()) [[unlikely]] {
    core.raise(FaultKind::UndefinedInstruction,
               std::string(what) +
                   " inside an IT block but not last is UNPREDICTABLE (treated as UNDEFINED)");
  }
}

}  // namespace minifvp::cpu::exec
