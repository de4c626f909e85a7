#include "cpu/exec/branch_system.h"

#include <algorithm>
#include <bit>

#include "cpu/arm_pseudocode.h"
#include "cpu/exec/fp_common.h"
#include "cpu/exec/it_block_rules.h"
#include "cpu/exec/mve_common.h"

namespace minifvp::cpu::exec {
namespace {

// CurrentModeIsPrivileged(): Handler mode, or Thread mode with CONTROL.nPRIV == 0.
bool privileged(const CpuState& s) {
  return s.ipsr != 0 || (s.control & 1) == 0;
}

// ExecutionPriority() > -1 without the exception model: only HardFault (-1) and NMI (-2) run at
// negative priorities, and both are identified by IPSR.
bool execution_priority_nonnegative(const CpuState& s) {
  return s.ipsr != 2 && s.ipsr != 3;
}

}  // namespace

void B_conditional(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "a conditional branch");
  if (condition_holds(core.state(), insn.cond)) core.branch_write_pc(core.pc_read() + insn.imm);
}

void B(Core& core, const DecodedInsn& insn) {
  require_outside_or_last_in_it_block(core, "B");
  core.branch_write_pc(core.pc_read() + insn.imm);
}

void BL(Core& core, const DecodedInsn& insn) {
  require_outside_or_last_in_it_block(core, "BL");
  const uint32_t next_instr_addr = core.pc_read();  // BL is 32-bit: PC is the next instruction
  core.set_reg(14, next_instr_addr | 1);
  core.branch_write_pc(core.pc_read() + insn.imm);
}

void BX(Core& core, const DecodedInsn& insn) {
  require_outside_or_last_in_it_block(core, "BX");
  core.bx_write_pc(core.reg(insn.m));
}

void BLX_reg(Core& core, const DecodedInsn& insn) {
  require_outside_or_last_in_it_block(core, "BLX");
  const uint32_t target = core.reg(insn.m);  // read before LR is written (m may be 14)
  const uint32_t next_instr_addr = core.pc_read() - 2;
  core.set_reg(14, next_instr_addr | 1);
  core.bx_write_pc(target);  // BLXWritePC(): EPSR.T = target<0>
}

void CBZ_CBNZ(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "CBZ/CBNZ");
  const bool nonzero = insn.flag;
  if (nonzero != (core.reg(insn.n) == 0)) core.branch_write_pc(core.pc_read() + insn.imm);
}

void IT(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "IT");
  core.state().it.bits = static_cast<uint8_t>(insn.imm);
}

void no_operation(Core&, const DecodedInsn&) {}

void WFE(Core& core, const DecodedInsn&) {
  CpuState& s = core.state();
  if (s.event_register) {
    s.event_register = false;
    return;
  }
  core.enter_sleep(/*wait_for_event=*/true);
}

void WFI(Core& core, const DecodedInsn&) {
  core.enter_sleep();
}

void SEV(Core& core, const DecodedInsn&) {
  core.state().event_register = true;
}

void CLREX(Core& core, const DecodedInsn&) {
  core.state().exclusive_open = false;
}

// CPS: if CurrentModeIsPrivileged() then
//   if enable:  if affectPRI then PRIMASK.PM = '0'; if affectFAULT then FAULTMASK.FM = '0';
//   if disable: if affectPRI then PRIMASK.PM = '1';
//               if affectFAULT && ExecutionPriority() > -1 then FAULTMASK.FM = '1';
// (Unprivileged, CPS has no effect.)
void CPS(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "CPS");
  CpuState& s = core.state();
  if (!privileged(s)) return;
  const bool disable = insn.flag;
  const bool affect_primask = (insn.imm & 2) != 0;
  const bool affect_faultmask = (insn.imm & 1) != 0;
  if (affect_primask) s.primask = disable;
  if (affect_faultmask) {
    if (!disable) {
      s.faultmask = false;
    } else if (execution_priority_nonnegative(s)) {
      s.faultmask = true;
    }
  }
  if (!disable) core.request_exception_check();  // a masked exception may now be taken
}

void BKPT(Core& core, const DecodedInsn& insn) {
  core.breakpoint(static_cast<uint8_t>(insn.imm));
}

void SVC(Core& core, const DecodedInsn& insn) {
  core.supervisor_call(static_cast<uint8_t>(insn.imm));
}

void UDF(Core& core, const DecodedInsn& insn) {
  core.raise(FaultKind::UndefinedInstruction, "UDF #" + std::to_string(insn.imm));
}

void WLS(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "WLS");
  const uint32_t count = core.reg(insn.n);
  if (count == 0) {
    core.branch_write_pc(core.pc_read() + insn.imm);
  } else {
    core.set_reg(14, count);
  }
}

void DLS(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "DLS");
  core.set_reg(14, core.reg(insn.n));
}

// LTPSIZE() of the pseudocode: FPSCR.LTPSIZE while the FP state is active, else 4. (Lazy state
// preservation is not modelled, so FPCCR.LSPACT never makes it inactive.)
uint32_t active_ltpsize(const Core& core) {
  const CpuState& s = core.state();
  if (!core.fp_access_allowed() || new_fp_context_pending(core)) return mve::kNoTailPredication;
  return mve::ltpsize(s);
}

void LE(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "LE");
  if (active_ltpsize(core) != mve::kNoTailPredication) [[unlikely]] {
    core.raise(FaultKind::InvalidState, "LE in a tail-predicated loop (FPSCR.LTPSIZE != 4)");
  }
  const bool loop_forever = insn.flag;
  if (!loop_forever) {
    const uint32_t lr = core.reg(14);
    if (lr <= 1) return;  // the last iteration: fall through
    core.set_reg(14, lr - 1);
  }
  core.branch_write_pc(core.pc_read() - insn.imm);
}

void DLSTP(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "DLSTP");
  execute_fp_check(core);
  core.set_reg(14, core.reg(insn.n));
  mve::set_ltpsize(core.state(), static_cast<uint32_t>(std::countr_zero(unsigned{insn.esize})));
}

void WLSTP(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "WLSTP");
  check_fp_access(core);
  const uint32_t count = core.reg(insn.n);
  if (count == 0) {
    core.branch_write_pc(core.pc_read() + insn.imm);
    return;
  }
  execute_fp_check(core);
  core.set_reg(14, count);
  mve::set_ltpsize(core.state(), static_cast<uint32_t>(std::countr_zero(unsigned{insn.esize})));
}

void LETP(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "LETP");
  execute_fp_check(core);
  CpuState& s = core.state();
  const uint32_t elements_per_vector = 1u << (4 - std::min<uint32_t>(mve::ltpsize(s), 4));
  const uint32_t lr = core.reg(14);
  if (lr <= elements_per_vector) {
    mve::set_ltpsize(s, mve::kNoTailPredication);
    return;
  }
  core.set_reg(14, lr - elements_per_vector);
  core.branch_write_pc(core.pc_read() - insn.imm);
}

void LCTP(Core& core, const DecodedInsn&) {
  execute_fp_check(core);
  mve::set_ltpsize(core.state(), mve::kNoTailPredication);
}

void branch_future(Core&, const DecodedInsn&) {}

}  // namespace minifvp::cpu::exec
