// The list of encoding groups that make up the core's decoder. A new group file adds its
// EncodingGroup here; nothing else needs to know about it.
#include "cpu/decode/decoder.h"
#include "cpu/decode/groups.h"

namespace minifvp::cpu {

std::span<const EncodingGroup> encoding_groups() {
  static const EncodingGroup groups[] = {
      data_processing_group(),    multiply_divide_group(),
      load_store_group(),         branch_system_group(),
      floating_point_group(),     mve_load_store_group(),
      mve_move_group(),           mve_integer_group(),
      mve_shift_saturate_group(), mve_predicate_reduce_group(),
      mve_float_group(),          mve_cross_table_overlaps(),
  };
  return groups;
}

}  // namespace minifvp::cpu
