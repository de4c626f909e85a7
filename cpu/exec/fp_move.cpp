#include "cpu/exec/fp_move.h"

#include "cpu/exec/fp_common.h"
#include "cpu/exec/it_block_rules.h"

namespace minifvp::cpu::exec {

void VMOV_imm(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  const fp::Format format = fp_format(insn);
  const uint64_t value = format == fp::Format::F64 ? uint64_t{insn.imm} << 32 : insn.imm;
  write_fp(core.state(), format, insn.d, value);
}

void VMOV_core_single(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const bool half = fp_format(insn) == fp::Format::F16;
  if (insn.flag) {
    s.r[insn.t] = half ? s.s[insn.n] & 0xffff : s.s[insn.n];
  } else {
    s.s[insn.n] = half ? s.r[insn.t] & 0xffff : s.r[insn.t];
  }
}

void VMOV_core_pair_double(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  if (insn.flag) {
    s.r[insn.t] = s.s[2 * insn.m];
    s.r[insn.t2] = s.s[2 * insn.m + 1];
  } else {
    s.s[2 * insn.m] = s.r[insn.t];
    s.s[2 * insn.m + 1] = s.r[insn.t2];
  }
}

void VMOV_core_pair_singles(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  if (insn.flag) {
    s.r[insn.t] = s.s[insn.m];
    s.r[insn.t2] = s.s[insn.m + 1];
  } else {
    s.s[insn.m] = s.r[insn.t];
    s.s[insn.m + 1] = s.r[insn.t2];
  }
}

void VINS(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "VINS");
  execute_fp_check(core);
  CpuState& s = core.state();
  s.s[insn.d] = (s.s[insn.d] & 0xffff) | (s.s[insn.m] << 16);
}

void VMOVX(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "VMOVX");
  execute_fp_check(core);
  CpuState& s = core.state();
  s.s[insn.d] = s.s[insn.m] >> 16;
}

uint32_t read_fp_system_register(const CpuState& s, unsigned reg) {
  switch (static_cast<FpSystemRegister>(reg)) {
    case FpSystemRegister::FPSCR:
      return s.fpscr;
    case FpSystemRegister::FPSCR_nzcvqc:
      return s.fpscr & (fp::fpscr::kNZCV | fp::fpscr::kQC);
    case FpSystemRegister::VPR:
      return s.vpr;
    case FpSystemRegister::P0:
      return s.vpr & 0xffff;
  }
  return 0;
}

void write_fp_system_register(CpuState& s, unsigned reg, uint32_t value) {
  switch (static_cast<FpSystemRegister>(reg)) {
    case FpSystemRegister::FPSCR:
      s.fpscr = (s.fpscr & ~fp::fpscr::kWritable) | (value & fp::fpscr::kWritable);
      break;
    case FpSystemRegister::FPSCR_nzcvqc: {
      constexpr uint32_t kMask = fp::fpscr::kNZCV | fp::fpscr::kQC;
      s.fpscr = (s.fpscr & ~kMask) | (value & kMask);
      break;
    }
    case FpSystemRegister::VPR:
      s.vpr = value & 0x00ffffffu;
      break;
    case FpSystemRegister::P0:
      s.vpr = (s.vpr & ~0xffffu) | (value & 0xffff);
      break;
  }
}

void VMRS(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  if (insn.t == 15) {
    s.set_apsr_nzcvq((s.fpscr & fp::fpscr::kNZCV) | (s.q ? 1u << 27 : 0));
  } else {
    s.r[insn.t] = read_fp_system_register(s, insn.imm);
  }
}

void VMSR(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  write_fp_system_register(s, insn.imm, s.r[insn.t]);
}

}  // namespace minifvp::cpu::exec
