#include "cpu/exec/fp_arith.h"

#include "cpu/arm_pseudocode.h"
#include "cpu/exec/fp_common.h"
#include "cpu/exec/it_block_rules.h"

namespace minifvp::cpu::exec {
namespace {

using BinaryFn = uint64_t (*)(fp::Format, uint64_t, uint64_t, fp::FpEnv&);

// d = op(n, m), optionally negated afterwards (FPNeg of the rounded result, as VNMUL does).
void binary(Core& core, const DecodedInsn& insn, BinaryFn op, bool negate_result) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  uint64_t result = op(format, read_fp(s, format, insn.n), read_fp(s, format, insn.m), env);
  if (negate_result) result = fp::negate(format, result);
  write_fp(s, format, insn.d, result);
  commit_fp_flags(s, env);
}

// FPMulAdd(addend, op1, op2) with the addend and/or the first factor negated first (FPNeg flips
// the sign of NaNs too, so a NaN result carries the flipped sign).
void fused(Core& core, const DecodedInsn& insn, bool negate_addend, bool negate_product) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  uint64_t addend = read_fp(s, format, insn.d);
  uint64_t op1 = read_fp(s, format, insn.n);
  if (negate_addend) addend = fp::negate(format, addend);
  if (negate_product) op1 = fp::negate(format, op1);
  write_fp(s, format, insn.d, fp::mul_add(format, addend, op1, read_fp(s, format, insn.m), env));
  commit_fp_flags(s, env);
}

// FPAdd(+/-d, +/-FPMul(n, m)): the product is rounded, then the sum.
void chained(Core& core, const DecodedInsn& insn, bool negate_addend, bool negate_product) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  uint64_t product = fp::mul(format, read_fp(s, format, insn.n), read_fp(s, format, insn.m), env);
  uint64_t addend = read_fp(s, format, insn.d);
  if (negate_addend) addend = fp::negate(format, addend);
  if (negate_product) product = fp::negate(format, product);
  write_fp(s, format, insn.d, fp::add(format, addend, product, env));
  commit_fp_flags(s, env);
}

using UnaryBitsFn = uint64_t (*)(fp::Format, uint64_t);

uint64_t copy_bits(fp::Format, uint64_t bits) {
  return bits;
}

// Sign-bit and move operations: no exceptions, no flushing.
void unary_bits(Core& core, const DecodedInsn& insn, UnaryBitsFn op) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  write_fp(s, format, insn.d, op(format, read_fp(s, format, insn.m)));
}

void compare_into_fpscr(Core& core, const DecodedInsn& insn, uint64_t op2) {
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  const uint32_t nzcv = fp::compare(format, read_fp(s, format, insn.d), op2, insn.flag, env);
  s.fpscr = (s.fpscr & ~fp::fpscr::kNZCV) | nzcv;
  commit_fp_flags(s, env);
}

}  // namespace

void VADD(Core& core, const DecodedInsn& insn) {
  binary(core, insn, fp::add, false);
}
void VSUB(Core& core, const DecodedInsn& insn) {
  binary(core, insn, fp::sub, false);
}
void VMUL(Core& core, const DecodedInsn& insn) {
  binary(core, insn, fp::mul, false);
}
void VNMUL(Core& core, const DecodedInsn& insn) {
  binary(core, insn, fp::mul, true);
}
void VDIV(Core& core, const DecodedInsn& insn) {
  binary(core, insn, fp::div, false);
}

void VFMA(Core& core, const DecodedInsn& insn) {
  fused(core, insn, false, false);
}
void VFMS(Core& core, const DecodedInsn& insn) {
  fused(core, insn, false, true);
}
void VFNMA(Core& core, const DecodedInsn& insn) {
  fused(core, insn, true, true);
}
void VFNMS(Core& core, const DecodedInsn& insn) {
  fused(core, insn, true, false);
}

void VMLA(Core& core, const DecodedInsn& insn) {
  chained(core, insn, false, false);
}
void VMLS(Core& core, const DecodedInsn& insn) {
  chained(core, insn, false, true);
}
void VNMLA(Core& core, const DecodedInsn& insn) {
  chained(core, insn, true, true);
}
void VNMLS(Core& core, const DecodedInsn& insn) {
  chained(core, insn, true, false);
}

void VSQRT(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  fp::FpEnv env = fp_env(s);
  write_fp(s, format, insn.d, fp::sqrt(format, read_fp(s, format, insn.m), env));
  commit_fp_flags(s, env);
}

void VNEG(Core& core, const DecodedInsn& insn) {
  unary_bits(core, insn, fp::negate);
}
void VABS(Core& core, const DecodedInsn& insn) {
  unary_bits(core, insn, fp::absolute);
}
void VMOV_reg(Core& core, const DecodedInsn& insn) {
  unary_bits(core, insn, copy_bits);
}

void VMAXNM(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "VMAXNM");
  binary(core, insn, fp::max_num, false);
}
void VMINNM(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "VMINNM");
  binary(core, insn, fp::min_num, false);
}

void VCMP(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  compare_into_fpscr(core, insn, read_fp(core.state(), fp_format(insn), insn.m));
}

void VCMP_zero(Core& core, const DecodedInsn& insn) {
  execute_fp_check(core);
  compare_into_fpscr(core, insn, fp::zero(fp_format(insn), false));
}

void VSEL(Core& core, const DecodedInsn& insn) {
  require_outside_it_block(core, "VSEL");
  execute_fp_check(core);
  CpuState& s = core.state();
  const fp::Format format = fp_format(insn);
  const unsigned source = condition_holds(s, insn.cond) ? insn.n : insn.m;
  write_fp(s, format, insn.d, read_fp(s, format, source));
}

}  // namespace minifvp::cpu::exec
