// Encodings of the multiply divide group (to be filled).
#include "cpu/decode/groups.h"

namespace minifvp::cpu {

EncodingGroup multiply_divide_group() { return {"multiply divide", {}, {}, {}}; }

}  // namespace minifvp::cpu
