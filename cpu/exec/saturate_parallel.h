// Execute functions of the DSP-extension saturating, parallel add/subtract and select instructions
// (Armv8-M ARM, "Alphabetical list of instructions": SSAT, USAT, SSAT16, USAT16, QADD, QSUB,
// QDADD, QDSUB, the S/Q/SH/U/UQ/UH x ADD16/ASX/SAX/SUB16/ADD8/SUB8 family and SEL).
#pragma once

#include "cpu/arm_pseudocode.h"
#include "cpu/core.h"

namespace minifvp::cpu::exec {

// SSAT / USAT: operand = Shift(R[n], shift_type, shift_n, C); R[d] = {Signed,Unsigned}Sat(operand,
// imm); APSR.Q is set (sticky) when saturation happened. Operands: d, n, shift_type, shift_n, imm.
void SSAT(Core& core, const DecodedInsn& insn);
void USAT(Core& core, const DecodedInsn& insn);
// SSAT16 / USAT16: each halfword of R[n] saturated to imm bits. Operands: d, n, imm.
void SSAT16(Core& core, const DecodedInsn& insn);
void USAT16(Core& core, const DecodedInsn& insn);

// QADD: R[d] = SignedSat(R[m] + R[n], 32); QSUB: R[m] - R[n]; QDADD / QDSUB: the same with
// SignedSat(2 * R[n], 32) in place of R[n]. APSR.Q sticky. Operands: d, n, m.
void QADD(Core& core, const DecodedInsn& insn);
void QSUB(Core& core, const DecodedInsn& insn);
void QDADD(Core& core, const DecodedInsn& insn);
void QDSUB(Core& core, const DecodedInsn& insn);

// SEL: each byte of R[d] from R[n] where its APSR.GE bit is set, else from R[m]. Operands: d, n, m.
void SEL(Core& core, const DecodedInsn& insn);

// ---- parallel add and subtract ----

// The prefix of a parallel instruction: S and U set APSR.GE; Q/UQ saturate; SH/UH halve.
enum class ParallelKind : uint8_t {
  Signed,
  SignedSaturating,
  SignedHalving,
  Unsigned,
  UnsignedSaturating,
  UnsignedHalving,
};
// The lane operation. ASX: low lane n.lo - m.hi, high lane n.hi + m.lo; SAX the other way round.
enum class ParallelOp : uint8_t { ADD16, ASX, SAX, SUB16, ADD8, SUB8 };

namespace detail {

constexpr bool parallel_is_signed(ParallelKind kind) {
  return kind == ParallelKind::Signed || kind == ParallelKind::SignedSaturating ||
         kind == ParallelKind::SignedHalving;
}

constexpr bool parallel_on_halfwords(ParallelOp op) {
  return op == ParallelOp::ADD16 || op == ParallelOp::ASX || op == ParallelOp::SAX ||
         op == ParallelOp::SUB16;
}

// For lane `i`: whether it adds, and which lane of R[m] it uses.
constexpr bool parallel_lane_adds(ParallelOp op, unsigned i) {
  switch (op) {
    case ParallelOp::ADD16:
    case ParallelOp::ADD8:
      return true;
    case ParallelOp::SUB16:
    case ParallelOp::SUB8:
      return false;
    case ParallelOp::ASX:
      return i == 1;
    case ParallelOp::SAX:
      return i == 0;
  }
  return true;
}
constexpr unsigned parallel_m_lane(ParallelOp op, unsigned i) {
  return (op == ParallelOp::ASX || op == ParallelOp::SAX) ? 1 - i : i;
}

}  // namespace detail

// One parallel add/subtract instruction. Operands: d, n, m.
template <ParallelKind kind, ParallelOp op>
void parallel(Core& core, const DecodedInsn& insn) {
  CpuState& s = core.state();
  const uint32_t rn = s.r[insn.n];
  const uint32_t rm = s.r[insn.m];
  constexpr bool is_signed = detail::parallel_is_signed(kind);
  constexpr bool halfwords = detail::parallel_on_halfwords(op);
  constexpr unsigned lanes = halfwords ? 2 : 4;
  constexpr unsigned bits = halfwords ? 16 : 8;
  constexpr uint32_t lane_mask = (1u << bits) - 1;
  constexpr uint8_t ge_per_lane = halfwords ? 0b11 : 0b1;
  uint32_t result = 0;
  uint8_t ge = 0;
  for (unsigned i = 0; i < lanes; ++i) {
    const unsigned j = detail::parallel_m_lane(op, i);
    int32_t a, b;
    if constexpr (halfwords) {
      a = is_signed ? lane16_signed(rn, i) : lane16_unsigned(rn, i);
      b = is_signed ? lane16_signed(rm, j) : lane16_unsigned(rm, j);
    } else {
      a = is_signed ? lane8_signed(rn, i) : lane8_unsigned(rn, i);
      b = is_signed ? lane8_signed(rm, j) : lane8_unsigned(rm, j);
    }
    const bool adds = detail::parallel_lane_adds(op, i);
    const int32_t v = adds ? a + b : a - b;
    uint32_t out;
    bool ge_bit = false;
    if constexpr (kind == ParallelKind::Signed) {
      out = static_cast<uint32_t>(v);
      ge_bit = v >= 0;
    } else if constexpr (kind == ParallelKind::Unsigned) {
      out = static_cast<uint32_t>(v);
      ge_bit = adds ? v >= (1 << bits) : v >= 0;
    } else if constexpr (kind == ParallelKind::SignedSaturating) {
      out = signed_sat(v, bits).value;
    } else if constexpr (kind == ParallelKind::UnsignedSaturating) {
      out = unsigned_sat(v, bits).value;
    } else {
      out = static_cast<uint32_t>(v >> 1);  // sum<bits:1>
    }
    result |= (out & lane_mask) << (bits * i);
    if (ge_bit) ge |= static_cast<uint8_t>(ge_per_lane << (i * (halfwords ? 2 : 1)));
  }
  s.r[insn.d] = result;
  if constexpr (kind == ParallelKind::Signed || kind == ParallelKind::Unsigned) s.ge = ge;
}

}  // namespace minifvp::cpu::exec
