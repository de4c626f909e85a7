// Shared pieces of the floating-point execute functions (cpu/exec/fp_*.cpp): ExecuteFPCheck,
// register-file access by format, and the FPSCR round trip of an arithmetic operation.
//
// Operand conventions (filled by cpu/decode/table_floating_point.cpp):
//  - d, n, m: extension register numbers, already combined with their D/N/M bit: S0-S31 for
//    half and single precision operands, D0-D15 for double precision ones;
//  - imm2: the operation's fp::Format (0 F16, 1 F32, 2 F64); a: a second format where there is
//    one (the source format of a conversion);
//  - t, t2: general-purpose registers (VMOV, VMRS/VMSR, loads and stores use n as the base);
//  - imm, cond, flag: per instruction, documented in the instruction's header.
#pragma once

#include "cpu/core.h"
#include "cpu/exec/softfloat.h"

namespace minifvp::cpu::exec {

constexpr uint32_t kControlFpca = 1u << 2;

inline fp::Format fp_format(const DecodedInsn& insn) {
  return static_cast<fp::Format>(insn.imm2);
}
inline fp::Format fp_source_format(const DecodedInsn& insn) {
  return static_cast<fp::Format>(insn.a);
}

// CheckCPEnabled(10) alone: the NOCP UsageFault when CPACR denies access.
inline void check_fp_access(Core& core) {
  if (!core.fp_access_allowed()) [[unlikely]] {
    core.raise(FaultKind::NoCoprocessor,
               "floating-point instruction with CPACR.CP10 access denied");
  }
}

// The part of ExecuteFPCheck() after the access check, when Core::fp_context_work_pending():
// PreserveFPState() if FPCCR.LSPACT is set (which may throw to take a fault it raised), FPCCR.S
// set to the current security state (always Secure here), and with FPCCR.ASPEN set and no active
// context (CONTROL.FPCA clear) a new context: FPSCR = FPDSCR (its control fields; flags and NZCV
// clear, LTPSIZE 4), VPR = 0 and CONTROL.FPCA = 1.
void update_fp_context(Core& core);

// ExecuteFPCheck() (Armv8-M ARM; every FP and MVE instruction runs it first): the NOCP
// UsageFault when CPACR denies access, then the lazy-preservation and context work above.
// Not modelled: the Security Extension's CONTROL_S.SFPA and FPDSCR_S banking.
inline void execute_fp_check(Core& core) {
  check_fp_access(core);
  if (core.fp_context_work_pending()) [[unlikely]]
    update_fp_context(core);
}

// S[n], D[n] and the low half of S[n], by format, as raw bits.
inline uint64_t read_fp(const CpuState& s, fp::Format format, unsigned reg) {
  switch (format) {
    case fp::Format::F16:
      return s.s[reg] & 0xffff;
    case fp::Format::F32:
      return s.s[reg];
    case fp::Format::F64:
      return s.s[2 * reg] | (uint64_t{s.s[2 * reg + 1]} << 32);
  }
  return 0;
}
// Writes a result; a half-precision result clears the top half of S[reg] (Armv8.1-M FP16).
inline void write_fp(CpuState& s, fp::Format format, unsigned reg, uint64_t value) {
  switch (format) {
    case fp::Format::F16:
      s.s[reg] = static_cast<uint32_t>(value & 0xffff);
      break;
    case fp::Format::F32:
      s.s[reg] = static_cast<uint32_t>(value);
      break;
    case fp::Format::F64:
      s.s[2 * reg] = static_cast<uint32_t>(value);
      s.s[2 * reg + 1] = static_cast<uint32_t>(value >> 32);
      break;
  }
}

// The FPSCR controls for one operation.
inline fp::FpEnv fp_env(const CpuState& s) {
  return fp::FpEnv::from_fpscr(s.fpscr);
}
// Accumulates the operation's exception flags into FPSCR.
inline void commit_fp_flags(CpuState& s, const fp::FpEnv& env) {
  s.fpscr |= env.flags;
}

// Execute function for an encoding in the floating-point coprocessor space (coprocessors 8-11)
// that is UNDEFINED or UNPREDICTABLE: the access check comes first, so with CPACR denying access it
// is a NOCP UsageFault, otherwise UNDEFINSTR.
void fp_undefined(Core& core, const DecodedInsn& insn);

}  // namespace minifvp::cpu::exec
