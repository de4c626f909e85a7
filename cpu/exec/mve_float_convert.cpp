#include "cpu/exec/mve_float_convert.h"

#include "cpu/exec/mve_float_common.h"

namespace minifvp::cpu::exec::mve {
namespace {

using fp::FpEnv;

// Qd[i] = op(Qm[i]).
template <typename T, typename Op>
void unary(Core& core, const DecodedInsn& insn, Op op) {
  const uint16_t mask = begin_beatwise(core);
  const Vector m = read_q(core.state(), insn.m);
  float_lanes<T>(core, insn.d, mask, [&](FpEnv& env, unsigned i) { return op(m.lane<T>(i), env); });
  finish_beatwise(core);
}

template <typename T>
void to_fixed(Core& core, const DecodedInsn& insn, unsigned fraction_bits, fp::Rounding rounding) {
  unary<T>(core, insn, [&](T op, FpEnv& env) {
    return fp::to_fixed(lane_format<T>(), op, fraction_bits, insn.flag, sizeof(T) * 8, rounding,
                        env);
  });
}

template <typename T>
void from_fixed(Core& core, const DecodedInsn& insn) {
  unary<T>(core, insn, [&](T op, FpEnv& env) {
    return fp::from_fixed(lane_format<T>(), op, insn.imm, insn.flag, sizeof(T) * 8,
                          fp::Rounding::TieEven, env);
  });
}

template <typename T>
void round_integral(Core& core, const DecodedInsn& insn) {
  const auto rounding = static_cast<fp::Rounding>(insn.imm);
  unary<T>(core, insn, [&](T op, FpEnv& env) {
    return fp::round_to_integral(lane_format<T>(), op, rounding, insn.flag, env);
  });
}

constexpr uint16_t kBottomHalves = 0x3333;  // bytes 0-1 of every 32-bit lane

}  // namespace

void VCVT_fp_to_fixed(Core& core, const DecodedInsn& insn) {
  if (insn.esize == 2) {
    to_fixed<uint16_t>(core, insn, insn.imm, fp::Rounding::Zero);
  } else {
    to_fixed<uint32_t>(core, insn, insn.imm, fp::Rounding::Zero);
  }
}

void VCVT_fixed_to_fp(Core& core, const DecodedInsn& insn) {
  if (insn.esize == 2) {
    from_fixed<uint16_t>(core, insn);
  } else {
    from_fixed<uint32_t>(core, insn);
  }
}

void VCVT_fp_to_int_directed(Core& core, const DecodedInsn& insn) {
  const auto rounding = static_cast<fp::Rounding>(insn.imm);
  if (insn.esize == 2) {
    to_fixed<uint16_t>(core, insn, 0, rounding);
  } else {
    to_fixed<uint32_t>(core, insn, 0, rounding);
  }
}

// Lane e's flags count when byte 4e is active, whichever half is written (as QEMU decides it).
void VCVT_f32_to_f16(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = begin_beatwise(core);
  CpuState& s = core.state();
  const Vector m = read_q(s, insn.m);
  const unsigned half = insn.flag ? 1 : 0;
  const FpEnv base = standard_fp_env(s.fpscr);
  Vector result;
  uint32_t flags = 0;
  for (unsigned e = 0; e < 4; ++e) {
    if ((mask & element_bytes<uint32_t>(e)) == 0) continue;
    FpEnv env = base;
    result.set_lane<uint16_t>(
        2 * e + half, static_cast<uint16_t>(
                          fp::convert(fp::Format::F16, fp::Format::F32, m.lane<uint32_t>(e), env)));
    if (lane_active<uint32_t>(mask, e)) flags |= env.flags;
  }
  write_q(s, insn.d, result, mask & static_cast<uint16_t>(kBottomHalves << (2 * half)));
  s.fpscr |= flags;
  finish_beatwise(core);
}

// Lane e's flags count when the first byte of the half it reads is active.
void VCVT_f16_to_f32(Core& core, const DecodedInsn& insn) {
  const uint16_t mask = begin_beatwise(core);
  CpuState& s = core.state();
  const Vector m = read_q(s, insn.m);
  const unsigned half = insn.flag ? 1 : 0;
  const FpEnv base = standard_fp_env(s.fpscr);
  Vector result;
  uint32_t flags = 0;
  for (unsigned e = 0; e < 4; ++e) {
    if ((mask & element_bytes<uint32_t>(e)) == 0) continue;
    FpEnv env = base;
    result.set_lane<uint32_t>(
        e, static_cast<uint32_t>(
               fp::convert(fp::Format::F32, fp::Format::F16, m.lane<uint16_t>(2 * e + half), env)));
    if (lane_active<uint16_t>(mask, 2 * e + half)) flags |= env.flags;
  }
  write_q(s, insn.d, result, mask);
  s.fpscr |= flags;
  finish_beatwise(core);
}

void VRINT_fp(Core& core, const DecodedInsn& insn) {
  if (insn.esize == 2) {
    round_integral<uint16_t>(core, insn);
  } else {
    round_integral<uint32_t>(core, insn);
  }
}

}  // namespace minifvp::cpu::exec::mve
