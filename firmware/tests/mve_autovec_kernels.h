// Loops for mve_autovec: mve_autovec_kernels.c is compiled twice, at -O3 with gcc's
// auto-vectoriser (functions vec_*, which become MVE code) and at -O3 with -fno-tree-vectorize
// (functions ref_*, scalar code); mve_autovec.c runs both on the same data and compares.
// Every loop here is one that gcc 12 does vectorise for the Cortex-M55 (see the objdump check in
// tests/firmware/CMakeLists.txt); widening, narrowing and int<->float conversion loops are not
// (gcc 12 has no MVE patterns for them) and are tested with intrinsics in mve_intrinsics.c.
#ifndef MINIFVP_FW_MVE_AUTOVEC_KERNELS_H
#define MINIFVP_FW_MVE_AUTOVEC_KERNELS_H

#include <stdint.h>

#define MVE_AUTOVEC_DECLARE_KERNELS(prefix)                                                       \
  void prefix##add_i8(int8_t* out, const int8_t* a, const int8_t* b, int n);                      \
  void prefix##mla_i16(int16_t* acc, const int16_t* a, const int16_t* b, int n);                  \
  void prefix##mul_i32(int32_t* out, const int32_t* a, const int32_t* b, int n);                  \
  void prefix##min_max_i8(int8_t* lo, int8_t* hi, const int8_t* a, const int8_t* b, int n);       \
  void prefix##min_max_u16(uint16_t* lo, uint16_t* hi, const uint16_t* a, const uint16_t* b,      \
                           int n);                                                                \
  void prefix##clamp_i8(int8_t* data, int8_t lo, int8_t hi, int n);                               \
  void prefix##abs_diff_u8(uint8_t* out, const uint8_t* a, const uint8_t* b, int n);              \
  void prefix##rounding_average_u8(uint8_t* out, const uint8_t* a, const uint8_t* b, int n);      \
  void prefix##shift_right_i16(int16_t* out, const int16_t* in, int n);                           \
  void prefix##shift_left_by_lane_u32(uint32_t* out, const uint32_t* in, const uint32_t* amounts, \
                                      int n);                                                     \
  void prefix##select_i32(int32_t* out, const int32_t* a, const int32_t* b, int n);               \
  void prefix##abs_i16(int16_t* out, const int16_t* in, int n);                                   \
  void prefix##bitwise_u32(uint32_t* out, const uint32_t* a, const uint32_t* b, int n);           \
  void prefix##count_leading_zeros_u32(uint32_t* out, const uint32_t* in, int n);                 \
  int32_t prefix##sum_i32(const int32_t* a, int n);                                               \
  int32_t prefix##dot_i32(const int32_t* a, const int32_t* b, int n);                             \
  uint8_t prefix##max_u8(const uint8_t* a, int n);                                                \
  int32_t prefix##max_i32(const int32_t* a, int n);                                               \
  void prefix##saxpy(float* y, float a, const float* x, int n);                                   \
  void prefix##float_mul_sub(float* out, const float* a, const float* b, int n);                  \
  void prefix##float_minus_abs_scaled(float* out, const float* in, float scale, int n);

MVE_AUTOVEC_DECLARE_KERNELS(vec_)
MVE_AUTOVEC_DECLARE_KERNELS(ref_)

#endif
