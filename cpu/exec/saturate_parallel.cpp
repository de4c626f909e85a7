#include "cpu/exec/saturate_parallel.h"

namespace minifvp::cpu::exec {
namespace {

int64_t signed_of(uint32_t x) {
  return static_cast<int32_t>(x);
}

}  // namespace

void SSAT(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t operand = shift(s.r[insn.n], insn.shift_type, insn.shift_n, s.c);
  const SatResult r = signed_sat(signed_of(operand), insn.imm);
  s.r[insn.d] = r.value;
  if (r.saturated) s.q = true;
}

void USAT(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t operand = shift(s.r[insn.n], insn.shift_type, insn.shift_n, s.c);
  const SatResult r = unsigned_sat(signed_of(operand), insn.imm);
  s.r[insn.d] = r.value;
  if (r.saturated) s.q = true;
}

void SSAT16(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t rn = s.r[insn.n];
  const SatResult lo = signed_sat(lane16_signed(rn, 0), insn.imm);
  const SatResult hi = signed_sat(lane16_signed(rn, 1), insn.imm);
  s.r[insn.d] = (hi.value << 16) | (lo.value & 0xffff);
  if (lo.saturated || hi.saturated) s.q = true;
}

void USAT16(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t rn = s.r[insn.n];
  const SatResult lo = unsigned_sat(lane16_signed(rn, 0), insn.imm);
  const SatResult hi = unsigned_sat(lane16_signed(rn, 1), insn.imm);
  s.r[insn.d] = (hi.value << 16) | (lo.value & 0xffff);
  if (lo.saturated || hi.saturated) s.q = true;
}

void QADD(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const SatResult r = signed_sat(signed_of(s.r[insn.m]) + signed_of(s.r[insn.n]), 32);
  s.r[insn.d] = r.value;
  if (r.saturated) s.q = true;
}

void QSUB(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const SatResult r = signed_sat(signed_of(s.r[insn.m]) - signed_of(s.r[insn.n]), 32);
  s.r[insn.d] = r.value;
  if (r.saturated) s.q = true;
}

void QDADD(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const SatResult doubled = signed_sat(2 * signed_of(s.r[insn.n]), 32);
  const SatResult r = signed_sat(signed_of(s.r[insn.m]) + signed_of(doubled.value), 32);
  s.r[insn.d] = r.value;
  if (doubled.saturated || r.saturated) s.q = true;
}

void QDSUB(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const SatResult doubled = signed_sat(2 * signed_of(s.r[insn.n]), 32);
  const SatResult r = signed_sat(signed_of(s.r[insn.m]) - signed_of(doubled.value), 32);
  s.r[insn.d] = r.value;
  if (doubled.saturated || r.saturated) s.q = true;
}

void SEL(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  uint32_t byte_mask = 0;
  for (unsigned i = 0; i < 4; ++i) {
    if ((s.ge >> i) & 1) byte_mask |= 0xffu << (8 * i);
  }
  s.r[insn.d] = (s.r[insn.n] & byte_mask) | (s.r[insn.m] & ~byte_mask);
}

}  // namespace minifvp::cpu::exec
