#include "cpu/exec/branch_system.h"

#include "cpu/arm_pseudocode.h"

namespace minifvp::cpu::exec {

void B(Core& core, const DecodedInsn& insn) {
  if (condition_holds(core.state(), insn.cond)) core.branch_write_pc(core.pc_read() + insn.imm);
}

void BKPT(Core& core, const DecodedInsn& insn) {
  core.breakpoint(static_cast<uint8_t>(insn.imm));
}

}  // namespace minifvp::cpu::exec
