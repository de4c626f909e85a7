// The static half of the Cortex-M55 timing model: per-encoding issue cycles and result latencies,
// applied once per decoded instruction (zero run-time cost). See cpu/timing/m55_timing.cpp for the
// table and the source of every figure, and cpu/timing/tracker.h for the dynamic half.
#pragma once

#include <cstdint>

#include "cpu/decode/decoded_insn.h"

namespace minifvp::cpu::timing {

// Cycles to refill the pipeline after a taken branch or any other write to the PC, on top of the
// branch's own issue cycle.
inline constexpr uint8_t kTakenBranchPenalty = 2;
// Cycles from a load's issue to the cycle its result can be used (one load-use stall).
inline constexpr uint8_t kLoadLatency = 2;
// Cycles from a multiply's issue to the cycle its result can be used.
inline constexpr uint8_t kMultiplyLatency = 2;
// SDIV/UDIV: base cost when the quotient has no significant bits, and the upper bound.
inline constexpr uint32_t kDivideMinCycles = 2;
inline constexpr uint32_t kDivideMaxCycles = 11;

// Fills insn.cycles and the timing fields from insn.encoding and the raw encoding. Instructions
// without an encoding (UNDEFINED) keep the defaults.
void annotate(DecodedInsn& insn);

// Total cycles of an SDIV/UDIV with these operand magnitudes (early termination rule, see the
// .cpp). For SDIV pass the absolute values.
uint32_t divide_cycles(uint32_t dividend, uint32_t divisor);

}  // namespace minifvp::cpu::timing
