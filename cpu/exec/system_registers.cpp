#include "cpu/exec/system_registers.h"

#include <utility>

namespace minifvp::cpu::exec {
namespace {

bool privileged(const CpuState& s) {
  return s.ipsr != 0 || (s.control & 1) == 0;
}

// LookUpSP(): the process stack is in use in Thread mode with CONTROL.SPSEL == 1. r[13] holds the
// stack pointer in use and banked_sp the other one.
bool process_stack_in_use(const CpuState& s) {
  return s.ipsr == 0 && (s.control & 2) != 0;
}

uint32_t& main_stack_pointer(CpuState& s) {
  return process_stack_in_use(s) ? s.banked_sp : s.r[13];
}
uint32_t& process_stack_pointer(CpuState& s) {
  return process_stack_in_use(s) ? s.r[13] : s.banked_sp;
}

constexpr uint32_t kControlMask = 0xf;  // nPRIV, SPSEL, FPCA, SFPA (the core has an FPU)

// MRS of one of the xPSR views: IPSR when SYSm<0>, EPSR (which reads as zero) when SYSm<1>, APSR
// (N Z C V Q and GE, the DSP extension being present) when SYSm<2> == 0.
uint32_t read_psr_view(const CpuState& s, uint32_t sysm) {
  uint32_t value = 0;
  if ((sysm & 1) != 0) value |= s.ipsr & 0x1ff;
  if ((sysm & 4) == 0) value |= s.xpsr() & 0xf80f0000u;
  return value;
}

}  // namespace

bool is_special_register(uint32_t sysm) {
  return (sysm <= 11 && sysm != 4) || (sysm >= 16 && sysm <= 20);
}

// MRS: unprivileged code reads the xPSR views and CONTROL; every other register reads as zero
// (the pseudocode guards them with CurrentModeIsPrivileged()).
void MRS(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t sysm = insn.imm;
  uint32_t value = 0;
  if (sysm <= 7) {
    value = read_psr_view(s, sysm);
  } else if (sysm == 20) {
    value = s.control & kControlMask;
  } else if (privileged(s)) {
    switch (sysm) {
      case 8:
        value = main_stack_pointer(s);
        break;
      case 9:
        value = process_stack_pointer(s);
        break;
      case 10:
        value = s.msplim;
        break;
      case 11:
        value = s.psplim;
        break;
      case 16:
        value = s.primask ? 1 : 0;
        break;
      case 17:
      case 18:
        value = s.basepri;
        break;
      case 19:
        value = s.faultmask ? 1 : 0;
        break;
      default:
        break;
    }
  }
  core.set_reg(insn.d, value);
}

// MSR: the APSR fields are writable at any privilege (mask<1>: N Z C V Q, mask<0>: GE); writes
// to IPSR/EPSR are ignored; every other register is written only when privileged.
//   MSP/PSP: SP = R[n]<31:2>:'00'; MSPLIM/PSPLIM: R[n]<31:3>:'000';
//   BASEPRI_MAX: written only if R[n]<7:0> != 0 and (it is below BASEPRI or BASEPRI == 0);
//   FAULTMASK: written only if ExecutionPriority() > -1 (not in HardFault or NMI);
//   CONTROL: nPRIV always; SPSEL only in Thread mode (switching the stack in use); FPCA, SFPA.
void MSR(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t sysm = insn.imm;
  const uint32_t value = core.reg(insn.n);
  if (sysm <= 7) {
    if ((sysm & 4) == 0) {
      if ((insn.imm2 & 2) != 0) s.set_apsr_nzcvq(value);
      if ((insn.imm2 & 1) != 0) s.ge = static_cast<uint8_t>((value >> 16) & 0xf);
    }
    return;
  }
  if (!privileged(s)) return;
  switch (sysm) {
    case 8:
      main_stack_pointer(s) = value & ~3u;
      break;
    case 9:
      process_stack_pointer(s) = value & ~3u;
      break;
    case 10:
      s.msplim = value & ~7u;
      break;
    case 11:
      s.psplim = value & ~7u;
      break;
    case 16:
      s.primask = (value & 1) != 0;
      break;
    case 17:
      s.basepri = static_cast<uint8_t>(value);
      break;
    case 18: {
      const auto requested = static_cast<uint8_t>(value);
      if (requested != 0 && (requested < s.basepri || s.basepri == 0)) s.basepri = requested;
      break;
    }
    case 19:
      if (s.ipsr != 2 && s.ipsr != 3) s.faultmask = (value & 1) != 0;
      break;
    case 20: {
      const bool was_process = process_stack_in_use(s);
      uint32_t control = (s.control & ~1u) | (value & 1);
      if (s.ipsr == 0) control = (control & ~2u) | (value & 2);
      control = (control & ~0xcu) | (value & 0xc);
      s.control = control;
      if (process_stack_in_use(s) != was_process) std::swap(s.r[13], s.banked_sp);
      break;
    }
    default:
      break;
  }
  // A mask or CONTROL change may let a pending exception preempt now.
  if (sysm >= 16 && sysm <= 19) core.request_exception_check();
}

}  // namespace minifvp::cpu::exec
