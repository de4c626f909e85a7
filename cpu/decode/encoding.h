// One row of an encoding table: one Arm ARM encoding of one instruction.
#pragma once

#include <span>
#include <string_view>

#include "cpu/decode/decoded_insn.h"
#include "cpu/decode/pattern.h"

namespace minifvp::cpu {

enum class DecodeStatus : uint8_t {
  Ok,
  Undefined,      // the encoding is UNDEFINED (or an absent feature's)
  Unpredictable,  // UNPREDICTABLE: our documented CONSTRAINED UNPREDICTABLE choice is UNDEFINED
};

using DecodeFn = DecodeStatus (*)(Fields f, DecodedInsn& out);

// Broad classes, used by the timing model, the random-instruction tests and traces.
enum class InsnClass : uint8_t {
  DataProcessing,
  Multiply,
  Divide,
  Load,
  Store,
  LoadMultiple,
  StoreMultiple,
  Branch,
  System,  // MRS/MSR, CPS, barriers, hints, IT, BKPT, SVC, UDF
  Coprocessor,
  // An MVE (Helium) beat-wise vector instruction: predicated per lane by VPR, tail predication and
  // EPSR.ECI, and advancing the VPT block (cpu/exec/mve_common.h). MVE instructions that are not
  // beat-wise (VMOV to a general-purpose register, ...) are Coprocessor.
  Vector,
};

struct Encoding {
  std::string_view name;  // Arm ARM name: T32_ADD_imm_T3
  BitPattern pattern;
  DecodeFn decode;
  ExecFn exec;
  InsnClass klass;
};

// A declared overlap: every encoding matched by `specific` is also matched by `general`, and the
// Arm ARM says `specific` wins (its decode pseudocode for `general` says "SEE specific").
struct Overlap {
  std::string_view specific;
  std::string_view general;
};

// Builds a row; the pattern is parsed at compile time.
consteval Encoding encoding(std::string_view name, std::string_view pattern, DecodeFn decode,
                            ExecFn exec, InsnClass klass) {
  return Encoding{name, parse_pattern(pattern), decode, exec, klass};
}

}  // namespace minifvp::cpu
