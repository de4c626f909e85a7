#include "cpu/exec/multiply_divide.h"

#include "cpu/arm_pseudocode.h"
#include "cpu/timing/m55_timing.h"

namespace minifvp::cpu::exec {
namespace {

int64_t sint(uint32_t x) {
  return static_cast<int32_t>(x);
}

// The signed halfword of `x` selected by `top`.
int64_t half(uint32_t x, bool top) {
  return lane16_signed(x, top ? 1 : 0);
}

// Writes a 64-bit result to RdHi:RdLo.
void write_pair(CpuState& s, const DecodedInsn& insn, uint64_t result) {
  s.r[insn.t2] = static_cast<uint32_t>(result >> 32);
  s.r[insn.t] = static_cast<uint32_t>(result);
}

uint64_t read_pair(const CpuState& s, const DecodedInsn& insn) {
  return (uint64_t{s.r[insn.t2]} << 32) | s.r[insn.t];
}

// Writes a 32-bit accumulate result and sets APSR.Q when it does not fit (result != SInt(R[d])).
void write_checked(CpuState& s, unsigned d, int64_t result) {
  const auto low = static_cast<uint32_t>(result);
  s.r[d] = low;
  if (result != sint(low)) s.q = true;
}

// The two products of the dual multiplies; operand2 is R[m] with its halves swapped for X.
struct DualProducts {
  int64_t low, high;
};
DualProducts dual_products(const CpuState& s, const DecodedInsn& insn) {
  uint32_t operand2 = s.r[insn.m];
  if (insn.flag) operand2 = (operand2 >> 16) | (operand2 << 16);
  const uint32_t rn = s.r[insn.n];
  return {half(rn, false) * half(operand2, false), half(rn, true) * half(operand2, true)};
}

uint32_t most_significant_word(uint64_t result, bool round) {
  if (round) result += 0x80000000u;
  return static_cast<uint32_t>(result >> 32);
}

uint32_t sum_of_absolute_differences(uint32_t x, uint32_t y) {
  uint32_t sum = 0;
  for (unsigned i = 0; i < 4; ++i) {
    const int32_t diff = lane8_unsigned(x, i) - lane8_unsigned(y, i);
    sum += static_cast<uint32_t>(diff < 0 ? -diff : diff);
  }
  return sum;
}

}  // namespace

void MUL(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t result = s.r[insn.n] * s.r[insn.m];
  s.r[insn.d] = result;
  if (core.setflags(insn)) {
    s.n = (result >> 31) != 0;
    s.z = result == 0;
  }
}

void MLA(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = s.r[insn.a] + s.r[insn.n] * s.r[insn.m];
}

void MLS(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = s.r[insn.a] - s.r[insn.n] * s.r[insn.m];
}

void SMULxy(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const int64_t result = half(s.r[insn.n], insn.imm != 0) * half(s.r[insn.m], insn.imm2 != 0);
  s.r[insn.d] = static_cast<uint32_t>(result);  // cannot overflow
}

void SMLAxy(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const int64_t result =
      half(s.r[insn.n], insn.imm != 0) * half(s.r[insn.m], insn.imm2 != 0) + sint(s.r[insn.a]);
  write_checked(s, insn.d, result);
}

void SMULWy(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const int64_t product = sint(s.r[insn.n]) * half(s.r[insn.m], insn.imm2 != 0);
  s.r[insn.d] = static_cast<uint32_t>(static_cast<uint64_t>(product) >> 16);
}

void SMLAWy(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const int64_t result =
      sint(s.r[insn.n]) * half(s.r[insn.m], insn.imm2 != 0) + sint(s.r[insn.a]) * 65536;
  // R[d] = result<47:16>; Q when (result >> 16) != SInt(R[d]).
  write_checked(s, insn.d, result >> 16);
}

void SMUAD(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const DualProducts p = dual_products(s, insn);
  write_checked(s, insn.d, p.low + p.high);
}

void SMLAD(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const DualProducts p = dual_products(s, insn);
  write_checked(s, insn.d, p.low + p.high + sint(s.r[insn.a]));
}

void SMUSD(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const DualProducts p = dual_products(s, insn);
  s.r[insn.d] = static_cast<uint32_t>(p.low - p.high);  // cannot overflow; Q unchanged
}

void SMLSD(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const DualProducts p = dual_products(s, insn);
  write_checked(s, insn.d, p.low - p.high + sint(s.r[insn.a]));
}

// The SMM* results are taken modulo 2^64: only bits <63:32> are kept, so wrapping unsigned
// arithmetic gives the pseudocode's unbounded-integer answer.
void SMMUL(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const auto product = static_cast<uint64_t>(sint(s.r[insn.n]) * sint(s.r[insn.m]));
  s.r[insn.d] = most_significant_word(product, insn.flag);
}

void SMMLA(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const auto product = static_cast<uint64_t>(sint(s.r[insn.n]) * sint(s.r[insn.m]));
  s.r[insn.d] = most_significant_word((uint64_t{s.r[insn.a]} << 32) + product, insn.flag);
}

void SMMLS(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const auto product = static_cast<uint64_t>(sint(s.r[insn.n]) * sint(s.r[insn.m]));
  s.r[insn.d] = most_significant_word((uint64_t{s.r[insn.a]} << 32) - product, insn.flag);
}

void USAD8(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = sum_of_absolute_differences(s.r[insn.n], s.r[insn.m]);
}

void USADA8(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  s.r[insn.d] = s.r[insn.a] + sum_of_absolute_differences(s.r[insn.n], s.r[insn.m]);
}

void SMULL(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  write_pair(s, insn, static_cast<uint64_t>(sint(s.r[insn.n]) * sint(s.r[insn.m])));
}

void UMULL(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  write_pair(s, insn, uint64_t{s.r[insn.n]} * s.r[insn.m]);
}

void SMLAL(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const auto product = static_cast<uint64_t>(sint(s.r[insn.n]) * sint(s.r[insn.m]));
  write_pair(s, insn, product + read_pair(s, insn));
}

void UMLAL(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  write_pair(s, insn, uint64_t{s.r[insn.n]} * s.r[insn.m] + read_pair(s, insn));
}

void UMAAL(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  write_pair(s, insn, uint64_t{s.r[insn.n]} * s.r[insn.m] + s.r[insn.t2] + s.r[insn.t]);
}

void SMLALxy(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const int64_t product = half(s.r[insn.n], insn.imm != 0) * half(s.r[insn.m], insn.imm2 != 0);
  write_pair(s, insn, static_cast<uint64_t>(product) + read_pair(s, insn));
}

void SMLALD(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const DualProducts p = dual_products(s, insn);
  write_pair(s, insn, static_cast<uint64_t>(p.low + p.high) + read_pair(s, insn));
}

void SMLSLD(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const DualProducts p = dual_products(s, insn);
  write_pair(s, insn, static_cast<uint64_t>(p.low - p.high) + read_pair(s, insn));
}

namespace {

// |x| of a two's complement word, as an unsigned magnitude (|INT32_MIN| = 2^31).
uint32_t magnitude(uint32_t x) {
  return (x & 0x80000000u) != 0 ? 0u - x : x;
}

// The operand-dependent part of a divide's time (early termination, cpu/timing/m55_timing.cpp);
// the base cost is the encoding's static cycles.
void report_divide_time(Core& core, uint32_t dividend, uint32_t divisor) {
  core.timing().report(timing::StallCause::Divide,
                       timing::divide_cycles(dividend, divisor) - timing::kDivideMinCycles);
}

}  // namespace

void SDIV(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const auto divisor = static_cast<int32_t>(s.r[insn.m]);
  report_divide_time(core, magnitude(s.r[insn.n]), magnitude(s.r[insn.m]));
  if (divisor == 0) {
    if (core.divide_by_zero_trap()) core.raise(FaultKind::DivideByZero, "SDIV by zero");
    s.r[insn.d] = 0;
    return;
  }
  // RoundTowardsZero(SInt(R[n]) / SInt(R[m])) in 64 bits: INT32_MIN / -1 gives 2^31, whose low 32
  // bits are 0x80000000.
  s.r[insn.d] = static_cast<uint32_t>(sint(s.r[insn.n]) / divisor);
}

void UDIV(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t divisor = s.r[insn.m];
  report_divide_time(core, s.r[insn.n], divisor);
  if (divisor == 0) {
    if (core.divide_by_zero_trap()) core.raise(FaultKind::DivideByZero, "UDIV by zero");
    s.r[insn.d] = 0;
    return;
  }
  s.r[insn.d] = s.r[insn.n] / divisor;
}

}  // namespace minifvp::cpu::exec
