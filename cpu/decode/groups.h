// One accessor per encoding-table file (cpu/decode/table_<group>.cpp).
#pragma once

#include "cpu/decode/decoder.h"

namespace minifvp::cpu {

// Data processing (immediate, register, shifted register, register-controlled shift), extend,
// bitfield, saturate, parallel add/subtract, miscellaneous (CLZ, REV, ...), conditional select.
EncodingGroup data_processing_group();
// Multiply, multiply-accumulate, long multiply, DSP multiplies, divide.
EncodingGroup multiply_divide_group();
// Loads and stores: single, dual, exclusive, acquire/release, multiple, PUSH/POP, table branch,
// preload hints.
EncodingGroup load_store_group();
// Branches, IT, hints, barriers, MRS/MSR, CPS, BKPT, SVC, UDF, low-overhead loops, branch future.
EncodingGroup branch_system_group();
// Scalar floating point (FPv5 with Armv8.1-M half precision): data processing, conversions,
// register transfers, VMRS/VMSR, loads and stores, and the NOCP catch-all of coprocessors 8-11.
EncodingGroup floating_point_group();
// MVE (Helium), cpu/decode/table_mve_*.cpp: loads and stores; data movement; integer arithmetic;
// shifts and saturating multiplies; predication, reductions and tail-predicated loops; floating
// point.
EncodingGroup mve_load_store_group();
EncodingGroup mve_move_group();
EncodingGroup mve_integer_group();
EncodingGroup mve_shift_saturate_group();
EncodingGroup mve_predicate_reduce_group();
EncodingGroup mve_float_group();
// No rows: the overlaps between rows of different MVE tables.
EncodingGroup mve_cross_table_overlaps();

}  // namespace minifvp::cpu
