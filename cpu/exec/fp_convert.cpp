#include "cpu/exec/fp_convert.h"

#include "cpu/exec/fp_common.h"
#include "cpu/exec/it_block_rules.h"

namespace minifvp::cpu::exec {
namespace {

fp::Rounding rounding_of(const CpuState& s, const DecodedInsn& insn) {
  if (insn.imm == kRoundingFromFpscr) return fp::FpEnv::from_fpscr(s.fpscr).rounding;
  return static_cast<fp::Rounding>(insn.imm);
}

// Sign- or zero-extends the low `width` bits of a fixed-point result.
uint64_t extend(uint32_t value, unsigned width, bool is_unsigned) {
  if (width == 16) {
    return is_unsigned ? uint64_t{value & 0xffffu}
                       : static_cast<uint64_t>(int64_t{static_cast<int16_t>(value)});
  }
  return is_unsigned ? uint64_t{value}
                     : static_cast<uint64_t>(int64_t{static_cast<int32_t>(value)});
}

}  // namespace

void VCVT_to_int(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  s.s[insn.d] =
      fp::to_fixed(format, read_fp(s, format, insn.m), 0, insn.flag, 32, rounding_of(s, insn), env);
  commit_fp_flags(s, env);
}

void VCVT_to_int_directed(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "VCVTA/VCVTN/VCVTP/VCVTM");
  VCVT_to_int(core, insn);
}

void VCVT_from_int(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  write_fp(s, format, insn.d,
           fp::from_fixed(format, s.s[insn.m], 0, insn.flag, 32, env.rounding, env));
  commit_fp_flags(s, env);
}

void VCVT_to_fixed(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  const uint32_t result = fp::to_fixed(format, read_fp(s, format, insn.d), insn.imm, insn.flag,
                                       insn.shift_n, fp::Rounding::Zero, env);
  const uint64_t extended = extend(result, insn.shift_n, insn.flag);
  if (format == fp::Format::F64) {
    write_fp(s, format, insn.d, extended);
  } else {
    s.s[insn.d] = static_cast<uint32_t>(extended);
  }
  commit_fp_flags(s, env);
}

void VCVT_from_fixed(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  // The fixed-point operand is the low 16 or 32 bits of the register, whatever the float format
  // (a half-precision destination still takes a 32-bit source from the whole of S[d]).
  const uint32_t source = format == fp::Format::F64 ? s.s[2 * insn.d] : s.s[insn.d];
  write_fp(s, format, insn.d,
           fp::from_fixed(format, source, insn.imm, insn.flag, insn.shift_n, fp::Rounding::TieEven,
                          env));
  commit_fp_flags(s, env);
}

void VCVT_fp(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format to = fp_format(insn), from = fp_source_format(insn);
  fp::FpEnv env = fp_env(s);
  write_fp(s, to, insn.d, fp::convert(to, from, read_fp(s, from, insn.m), env));
  commit_fp_flags(s, env);
}

void VCVT_to_half(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format from = fp_source_format(insn);
  fp::FpEnv env = fp_env(s);
  const auto half =
      static_cast<uint32_t>(fp::convert(fp::Format::F16, from, read_fp(s, from, insn.m), env));
  uint32_t& dest = s.s[insn.d];
  dest = insn.flag ? (dest & 0x0000ffffu) | (half << 16) : (dest & 0xffff0000u) | half;
  commit_fp_flags(s, env);
}

void VCVT_from_half(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format to = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  const uint32_t half = insn.flag ? s.s[insn.m] >> 16 : s.s[insn.m] & 0xffff;
  write_fp(s, to, insn.d, fp::convert(to, fp::Format::F16, half, env));
  commit_fp_flags(s, env);
}

void VRINT(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  write_fp(s, format, insn.d,
           fp::round_to_integral(format, read_fp(s, format, insn.m), rounding_of(s, insn),
                                 insn.flag, env));
  commit_fp_flags(s, env);
}

void VRINT_directed(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "VRINTA/VRINTN/VRINTP/VRINTM");
  VRINT(core, insn);
}

}  // namespace minifvp::cpu::exec
