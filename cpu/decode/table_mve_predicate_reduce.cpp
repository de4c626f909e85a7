// Encodings of MVE predication (VPT, VPST, VCMP, VPSEL, VPNOT, VCTP), across-vector reductions
// (VADDV, VMLADAV, VMAXV, ...), tail-predicated loops (DLSTP, WLSTP, LETP, LCTP) (Armv8.1-M ARM,
// "MVE instructions"). Execute functions: cpu/exec/mve_predicate_reduce*.cpp; operand conventions:
// cpu/exec/mve_common.h.
#include <array>

#include "cpu/decode/groups.h"

namespace minifvp::cpu {

EncodingGroup mve_predicate_reduce_group() {
  return {"mve_predicate_reduce", {}, {}, {}};
}

}  // namespace minifvp::cpu
