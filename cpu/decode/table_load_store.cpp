// Encodings of the load store group (to be filled).
#include "cpu/decode/groups.h"

namespace minifvp::cpu {

EncodingGroup load_store_group() { return {"load store", {}, {}, {}}; }

}  // namespace minifvp::cpu
