// Fixed-point rescaling as the NPU's output (and operand) scaling units perform it.
//
// A scale is an unsigned 32-bit multiplier and a right shift (0..63): the result is
// round(value * scale / 2^shift) under one of three rounding rules. Where each rule comes from:
//
// - DBL ("TFL", round_mode 0) reproduces TensorFlow Lite's double rounding,
//   MultiplyByQuantizedMultiplier = RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x, m), s)
//   (tensorflow/lite/kernels/internal/common.h, gemmlowp fixedpoint.h): a first rounding, half
//   up, at bit 31 of the product, then a second one, half away from zero, for the rest of the
//   shift. Folded into a single addition this is: add 2^(shift-1), plus 2^30 for non-negative or
//   minus 2^30 for negative values when shift > 31, then shift right (floor). Vela's own constant
//   folder models the hardware with exactly this formula (regor compiler/graphir_optimiser.cpp,
//   Scale()), which is how we know the register values Vela emits mean this. With a "double round
//   position" d (the left shift TFLite applies before scaling an ADD/SUB operand: 20 for 8-bit,
//   15 for 16-bit), the first rounding sits at bit 31-d instead; this is U85's explicit dbl_rnd
//   field and is implicit in the U55's OPA_32/OPB_32 operand scaling.
// - NATURAL (round_mode 2): round half up, floor((v*m + 2^(s-1)) / 2^s) (Vela: "HalfUp").
// - TRUNCATE (round_mode 1): toward zero (Vela: "ToZero").
//
// Our unit tests check the DBL formula against a direct transcription of the TFLite functions.
#pragma once

#include <cstdint>

#include "npu/command_stream.h"

namespace minifvp::npu {

// round(value * scale / 2^shift). `value` is at most 48 bits (a 40-bit accumulator, or a 32x16
// product); the product is formed in 128 bits so no input overflows.
int64_t rescale(int64_t value, uint32_t scale, unsigned shift, RoundMode mode,
                unsigned double_round_position = 0);

// Shift right by `shift` with the rounding of `mode` (no multiplier): the SHR elementwise op and
// the scale of 32-bit operations, where only the shift applies.
int64_t shift_right_rounded(int64_t value, unsigned shift, RoundMode mode);

// TensorFlow Lite reference functions, transcribed for the tests and for documentation of what
// DBL must equal (gemmlowp's SaturatingRoundingDoublingHighMul and RoundingDivideByPOT).
int32_t tflite_saturating_rounding_doubling_high_mul(int32_t a, int32_t b);
int32_t tflite_rounding_divide_by_pot(int32_t x, int exponent);
// MultiplyByQuantizedMultiplier(x, m, tflite_shift) with TFLite's shift convention (positive =
// left shift).
int32_t tflite_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift);

int64_t saturate(int64_t v, int64_t lo, int64_t hi);

}  // namespace minifvp::npu
