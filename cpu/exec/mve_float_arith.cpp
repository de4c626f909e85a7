#include "cpu/exec/mve_float_arith.h"

#include "cpu/exec/mve_float_common.h"

namespace minifvp::cpu::exec::mve {
namespace {

using fp::Format;
using fp::FpEnv;

// Qd[i] = op(Qn[i], Qm[i]).
template <typename T, typename Op>
void vector_binary(Core& core, const DecodedInsn& insn, Op op) {
  const uint16_t mask = begin_beatwise(core);
  const Vector n = read_q(core.state(), insn.n);
  const Vector m = read_q(core.state(), insn.m);
  float_lanes<T>(core, insn.d, mask, [&](FpEnv& env, unsigned i) {
    return op(lane_format<T>(), n.lane<T>(i), m.lane<T>(i), env);
  });
  finish_beatwise(core);
}
template <typename Op>
void vector_binary(Core& core, const DecodedInsn& insn, Op op) {
  if (insn.esize == 2) {
    vector_binary<uint16_t>(core, insn, op);
  } else {
    vector_binary<uint32_t>(core, insn, op);
  }
}

// Qd[i] = op(Qn[i], scalar), the scalar being the low lane-sized part of Rm.
template <typename T, typename Op>
void scalar_binary(Core& core, const DecodedInsn& insn, Op op) {
  const uint16_t mask = begin_beatwise(core);
  const Vector n = read_q(core.state(), insn.n);
  const T scalar = static_cast<T>(core.state().r[insn.t]);
  float_lanes<T>(core, insn.d, mask, [&](FpEnv& env, unsigned i) {
    return op(lane_format<T>(), n.lane<T>(i), scalar, env);
  });
  finish_beatwise(core);
}
template <typename Op>
void scalar_binary(Core& core, const DecodedInsn& insn, Op op) {
  if (insn.esize == 2) {
    scalar_binary<uint16_t>(core, insn, op);
  } else {
    scalar_binary<uint32_t>(core, insn, op);
  }
}

// Qda[i] = op(Qda[i], Qn[i], other), other being Qm[i] or the scalar of Rm.
template <typename T, typename Op>
void accumulate(Core& core, const DecodedInsn& insn, bool scalar_operand, Op op) {
  const uint16_t mask = begin_beatwise(core);
  const CpuState& s = core.state();
  const Vector d = read_q(s, insn.d);
  const Vector n = read_q(s, insn.n);
  const Vector m = read_q(s, insn.m);
  const T scalar = static_cast<T>(s.r[insn.t]);
  float_lanes<T>(core, insn.d, mask, [&](FpEnv& env, unsigned i) {
    const T other = scalar_operand ? scalar : m.lane<T>(i);
    return op(lane_format<T>(), d.lane<T>(i), n.lane<T>(i), other, env);
  });
  finish_beatwise(core);
}
template <typename Op>
void accumulate(Core& core, const DecodedInsn& insn, bool scalar_operand, Op op) {
  if (insn.esize == 2) {
    accumulate<uint16_t>(core, insn, scalar_operand, op);
  } else {
    accumulate<uint32_t>(core, insn, scalar_operand, op);
  }
}

// Qd[i] = op(Qm[i]) without exceptions.
template <typename T>
void sign_operation(Core& core, const DecodedInsn& insn, uint64_t (*op)(Format, uint64_t)) {
  const uint16_t mask = begin_beatwise(core);
  const Vector m = read_q(core.state(), insn.m);
  float_lanes<T>(core, insn.d, mask,
                 [&](FpEnv&, unsigned i) { return op(lane_format<T>(), m.lane<T>(i)); });
  finish_beatwise(core);
}
void sign_operation(Core& core, const DecodedInsn& insn, uint64_t (*op)(Format, uint64_t)) {
  if (insn.esize == 2) {
    sign_operation<uint16_t>(core, insn, op);
  } else {
    sign_operation<uint32_t>(core, insn, op);
  }
}

uint64_t absolute_difference(Format format, uint64_t op1, uint64_t op2, FpEnv& env) {
  return fp::absolute(format, fp::sub(format, op1, op2, env));
}
uint64_t max_of_magnitudes(Format format, uint64_t op1, uint64_t op2, FpEnv& env) {
  return fp::max_num(format, fp::absolute(format, op1), fp::absolute(format, op2), env);
}
uint64_t min_of_magnitudes(Format format, uint64_t op1, uint64_t op2, FpEnv& env) {
  return fp::min_num(format, fp::absolute(format, op1), fp::absolute(format, op2), env);
}

// FPMulAdd(addend = acc, op1, op2), the first factor negated for VFMS.
uint64_t fused_add(Format format, uint64_t acc, uint64_t op1, uint64_t op2, FpEnv& env) {
  return fp::mul_add(format, acc, op1, op2, env);
}
uint64_t fused_subtract(Format format, uint64_t acc, uint64_t op1, uint64_t op2, FpEnv& env) {
  return fp::mul_add(format, acc, fp::negate(format, op1), op2, env);
}
// VFMAS: the accumulator and Qn are the factors, the scalar is the addend.
uint64_t fused_scalar_addend(Format format, uint64_t acc, uint64_t op1, uint64_t scalar,
                             FpEnv& env) {
  return fp::mul_add(format, scalar, op1, acc, env);
}

}  // namespace

void VADD_fp(Core& core, const DecodedInsn& insn) {
  vector_binary(core, insn, fp::add);
}
void VSUB_fp(Core& core, const DecodedInsn& insn) {
  vector_binary(core, insn, fp::sub);
}
void VMUL_fp(Core& core, const DecodedInsn& insn) {
  vector_binary(core, insn, fp::mul);
}
void VABD_fp(Core& core, const DecodedInsn& insn) {
  vector_binary(core, insn, absolute_difference);
}
void VMAXNM_fp(Core& core, const DecodedInsn& insn) {
  vector_binary(core, insn, fp::max_num);
}
void VMINNM_fp(Core& core, const DecodedInsn& insn) {
  vector_binary(core, insn, fp::min_num);
}
void VMAXNMA_fp(Core& core, const DecodedInsn& insn) {
  vector_binary(core, insn, max_of_magnitudes);
}
void VMINNMA_fp(Core& core, const DecodedInsn& insn) {
  vector_binary(core, insn, min_of_magnitudes);
}
void VFMA_fp(Core& core, const DecodedInsn& insn) {
  accumulate(core, insn, false, fused_add);
}
void VFMS_fp(Core& core, const DecodedInsn& insn) {
  accumulate(core, insn, false, fused_subtract);
}
void VABS_fp(Core& core, const DecodedInsn& insn) {
  sign_operation(core, insn, fp::absolute);
}
void VNEG_fp(Core& core, const DecodedInsn& insn) {
  sign_operation(core, insn, fp::negate);
}
void VADD_fp_scalar(Core& core, const DecodedInsn& insn) {
  scalar_binary(core, insn, fp::add);
}
void VSUB_fp_scalar(Core& core, const DecodedInsn& insn) {
  scalar_binary(core, insn, fp::sub);
}
void VMUL_fp_scalar(Core& core, const DecodedInsn& insn) {
  scalar_binary(core, insn, fp::mul);
}
void VFMA_fp_scalar(Core& core, const DecodedInsn& insn) {
  accumulate(core, insn, true, fused_add);
}
void VFMAS_fp_scalar(Core& core, const DecodedInsn& insn) {
  accumulate(core, insn, true, fused_scalar_addend);
}

}  // namespace minifvp::cpu::exec::mve
