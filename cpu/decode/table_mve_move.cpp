// Encodings of MVE loads and stores: contiguous (VLDR/VSTR, widening and narrowing),
// gather/scatter, interleaving (VLD2/VLD4/VST2/VST4) (Armv8.1-M ARM, "MVE instructions"). Execute
// functions: cpu/exec/mve_move*.cpp; operand conventions: cpu/exec/mve_common.h.
#include <array>

#include "cpu/decode/groups.h"

namespace minifvp::cpu {

EncodingGroup mve_move_group() {
  return {"mve_move", {}, {}, {}};
}

}  // namespace minifvp::cpu
