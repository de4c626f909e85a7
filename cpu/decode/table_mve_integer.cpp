// Encodings of MVE integer arithmetic, logic, moves (VMOV lanes, VDUP, VMOV immediate),
// widening/narrowing moves, multiplies, complex integer arithmetic (Armv8.1-M ARM, "MVE
// instructions"). Execute functions: cpu/exec/mve_integer*.cpp; operand conventions:
// cpu/exec/mve_common.h.
#include <array>

#include "cpu/decode/groups.h"

namespace minifvp::cpu {

EncodingGroup mve_integer_group() {
  return {"mve_integer", {}, {}, {}};
}

}  // namespace minifvp::cpu
