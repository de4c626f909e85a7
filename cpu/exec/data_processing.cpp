#include "cpu/exec/data_processing.h"

#include "cpu/arm_pseudocode.h"

namespace minifvp::cpu::exec {

void MOV_imm(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t result = insn.imm;
  core.write_reg_or_pc(insn.d, result);
  if (core.setflags(insn)) {
    s.n = result >> 31;
    s.z = result == 0;
    if (insn.imm2 == 1) s.c = insn.flag;
  }
}

}  // namespace minifvp::cpu::exec
