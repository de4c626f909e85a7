// MVE through gcc's auto-vectoriser: every loop of mve_autovec_kernels.c exists as vec_* (-O3,
// vectorised into MVE code: vector body plus scalar remainder) and ref_* (-O3
// -fno-tree-vectorize, scalar). Both run on the same pseudo-random data, with edge values mixed
// in, for lengths around the vector widths, and must give identical bits, including the bytes
// past the end that neither may touch. Each kernel prints a CRC of its results so that the QEMU
// differential run compares the values too.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "crc32.h"
#include "mve_autovec_kernels.h"
#include "test_check.h"

enum { CAPACITY_BYTES = 256 };
static const int kLengths[] = {0, 1, 3, 4, 7, 8, 15, 16, 17, 31, 33, 64, 100, 203, 256};
enum { LENGTH_COUNT = sizeof kLengths / sizeof kLengths[0] };

// Typed views of one 256-byte buffer. Kernels take a length n in bytes (0 to 256) and process
// n / sizeof(element) elements.
typedef union {
  int8_t i8[CAPACITY_BYTES];
  uint8_t u8[CAPACITY_BYTES];
  int16_t i16[CAPACITY_BYTES / 2];
  uint16_t u16[CAPACITY_BYTES / 2];
  int32_t i32[CAPACITY_BYTES / 4];
  uint32_t u32[CAPACITY_BYTES / 4];
  float f32[CAPACITY_BYTES / 4];
} Buffer;

// What a kernel writes: up to two arrays, and a reduction's result.
typedef struct {
  Buffer first, second;
  int32_t scalar;
} Outputs;

static Buffer in_a, in_b;
static Outputs vec_outputs, ref_outputs;

static uint32_t random_state = 0x2545F491u;
static uint32_t next_random(void) {
  random_state = random_state * 1664525u + 1013904223u;
  return random_state ^ (random_state >> 15);
}

// Random bytes, about one in four replaced by a signed or unsigned extreme.
static void fill_bytes(void* data, size_t bytes) {
  static const uint8_t kEdges[] = {0x00, 0x7F, 0x80, 0xFF, 0x01, 0xFE, 0x81, 0x7E};
  uint8_t* out = data;
  for (size_t i = 0; i < bytes; ++i) {
    uint32_t r = next_random();
    out[i] = (r & 0x300u) == 0 ? kEdges[(r >> 12) & 7u] : (uint8_t)(r >> 24);
  }
}

// Multiples of 1/64 in [-1024, 1024]: no kernel makes a denormal, an infinity or a NaN from
// them. (MVE arithmetic flushes denormals to zero and scalar code does not; mve_intrinsics tests
// that difference on purpose.)
static void fill_floats(float* data, int count) {
  for (int i = 0; i < count; ++i) {
    data[i] = (float)((int32_t)(next_random() % 131073u) - 65536) / 64.0f;
  }
}

// One kernel call: the vectorised copy when `vectorised`, else the scalar one, writing to `out`.
typedef void (*KernelCall)(int vectorised, Outputs* out, int n);

static void call_add_i8(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_add_i8 : ref_add_i8)(out->first.i8, in_a.i8, in_b.i8, n);
}
static void call_mla_i16(int vectorised, Outputs* out, int n) {
  memcpy(out->first.i16, in_b.i16, sizeof in_b);  // the accumulator's start values
  int count = n / 2 < 125 ? n / 2 : 125;          // b starts 3 elements in
  (vectorised ? vec_mla_i16 : ref_mla_i16)(out->first.i16, in_a.i16, &in_b.i16[3], count);
}
static void call_mul_i32(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_mul_i32 : ref_mul_i32)(out->first.i32, in_a.i32, in_b.i32, n / 4);
}
static void call_min_max_i8(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_min_max_i8 : ref_min_max_i8)(out->first.i8, out->second.i8, in_a.i8, in_b.i8,
                                                 n);
}
static void call_min_max_u16(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_min_max_u16 : ref_min_max_u16)(out->first.u16, out->second.u16, in_a.u16,
                                                   in_b.u16, n / 2);
}
static void call_clamp_i8(int vectorised, Outputs* out, int n) {
  memcpy(out->first.i8, in_a.i8, sizeof in_a);
  (vectorised ? vec_clamp_i8 : ref_clamp_i8)(out->first.i8, (int8_t)(in_b.i8[0] | -64),
                                             (int8_t)(in_b.i8[1] & 63), n);
}
static void call_abs_diff_u8(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_abs_diff_u8 : ref_abs_diff_u8)(out->first.u8, in_a.u8, in_b.u8, n);
}
static void call_rounding_average_u8(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_rounding_average_u8 : ref_rounding_average_u8)(out->first.u8, in_a.u8, in_b.u8,
                                                                   n);
}
static void call_shift_right_i16(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_shift_right_i16 : ref_shift_right_i16)(out->first.i16, in_a.i16, n / 2);
}
static void call_shift_left_by_lane_u32(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_shift_left_by_lane_u32 : ref_shift_left_by_lane_u32)(out->first.u32, in_a.u32,
                                                                         in_b.u32, n / 4);
}
static void call_select_i32(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_select_i32 : ref_select_i32)(out->first.i32, in_a.i32, in_b.i32, n / 4);
}
static void call_abs_i16(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_abs_i16 : ref_abs_i16)(out->first.i16, in_a.i16, n / 2);
}
static void call_bitwise_u32(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_bitwise_u32 : ref_bitwise_u32)(out->first.u32, in_a.u32, in_b.u32, n / 4);
}
static void call_count_leading_zeros_u32(int vectorised, Outputs* out, int n) {
  // Shifting by a random amount gives every leading-zero count a chance.
  for (int i = 0; i < CAPACITY_BYTES / 4; ++i)
    out->second.u32[i] = in_a.u32[i] >> (in_b.u8[i] & 31u);
  (vectorised ? vec_count_leading_zeros_u32 : ref_count_leading_zeros_u32)(out->first.u32,
                                                                           out->second.u32, n / 4);
}
static void call_sum_i32(int vectorised, Outputs* out, int n) {
  out->scalar = (vectorised ? vec_sum_i32 : ref_sum_i32)(in_a.i32, n / 4);
}
static void call_dot_i32(int vectorised, Outputs* out, int n) {
  out->scalar = (vectorised ? vec_dot_i32 : ref_dot_i32)(in_a.i32, in_b.i32, n / 4);
}
static void call_max_u8(int vectorised, Outputs* out, int n) {
  // Values below 0x80 except one, so that the position of the maximum matters.
  for (int i = 0; i < CAPACITY_BYTES; ++i) out->second.u8[i] = in_a.u8[i] & 0x7Fu;
  if (n > 0) out->second.u8[in_b.u8[0] % n] = (uint8_t)(0x80u | in_b.u8[1]);
  out->scalar = (vectorised ? vec_max_u8 : ref_max_u8)(out->second.u8, n);
}
static void call_max_i32(int vectorised, Outputs* out, int n) {
  out->scalar = (vectorised ? vec_max_i32 : ref_max_i32)(in_a.i32, n / 4);
}
static void call_saxpy(int vectorised, Outputs* out, int n) {
  memcpy(out->first.f32, in_b.f32, sizeof in_b);
  (vectorised ? vec_saxpy : ref_saxpy)(out->first.f32, in_a.f32[CAPACITY_BYTES / 4 - 1], in_a.f32,
                                       n / 4);
}
static void call_float_mul_sub(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_float_mul_sub : ref_float_mul_sub)(out->first.f32, in_a.f32, in_b.f32, n / 4);
}
static void call_float_minus_abs_scaled(int vectorised, Outputs* out, int n) {
  (vectorised ? vec_float_minus_abs_scaled : ref_float_minus_abs_scaled)(out->first.f32, in_a.f32,
                                                                         in_b.f32[0], n / 4);
}

typedef struct {
  const char* name;
  KernelCall call;
  int float_inputs;
} Kernel;

static const Kernel kKernels[] = {
    {"add_i8", call_add_i8, 0},
    {"mla_i16", call_mla_i16, 0},
    {"mul_i32", call_mul_i32, 0},
    {"min_max_i8", call_min_max_i8, 0},
    {"min_max_u16", call_min_max_u16, 0},
    {"clamp_i8", call_clamp_i8, 0},
    {"abs_diff_u8", call_abs_diff_u8, 0},
    {"rounding_average_u8", call_rounding_average_u8, 0},
    {"shift_right_i16", call_shift_right_i16, 0},
    {"shift_left_by_lane_u32", call_shift_left_by_lane_u32, 0},
    {"select_i32", call_select_i32, 0},
    {"abs_i16", call_abs_i16, 0},
    {"bitwise_u32", call_bitwise_u32, 0},
    {"count_leading_zeros_u32", call_count_leading_zeros_u32, 0},
    {"sum_i32", call_sum_i32, 0},
    {"dot_i32", call_dot_i32, 0},
    {"max_u8", call_max_u8, 0},
    {"max_i32", call_max_i32, 0},
    {"saxpy_f32", call_saxpy, 1},
    {"mul_sub_f32", call_float_mul_sub, 1},
    {"minus_abs_scaled_f32", call_float_minus_abs_scaled, 1},
};

// Runs one kernel over every length; returns the number of lengths where the copies disagreed.
static int run_kernel(const Kernel* kernel) {
  uint32_t crc = 0;
  int mismatches = 0;
  for (int l = 0; l < LENGTH_COUNT; ++l) {
    int n = kLengths[l];
    if (kernel->float_inputs) {
      fill_floats(in_a.f32, CAPACITY_BYTES / 4);
      fill_floats(in_b.f32, CAPACITY_BYTES / 4);
    } else {
      fill_bytes(&in_a, sizeof in_a);
      fill_bytes(&in_b, sizeof in_b);
    }
    fill_bytes(&vec_outputs, sizeof vec_outputs);
    memcpy(&ref_outputs, &vec_outputs, sizeof vec_outputs);
    kernel->call(1, &vec_outputs, n);
    kernel->call(0, &ref_outputs, n);
    if (memcmp(&vec_outputs, &ref_outputs, sizeof vec_outputs) != 0) {
      printf("  %s: n=%d: the vectorised and scalar copies differ\n", kernel->name, n);
      ++mismatches;
    }
    crc = crc32_update(crc, &vec_outputs, sizeof vec_outputs);
  }
  printf("%-24s %s, crc 0x%08lx\n", kernel->name, mismatches ? "DIFFERS" : "ok",
         (unsigned long)crc);
  return mismatches;
}

int main(void) {
  for (size_t k = 0; k < sizeof kKernels / sizeof kKernels[0]; ++k) {
    test_check(run_kernel(&kKernels[k]) == 0, kKernels[k].name, __FILE_NAME__, __LINE__);
  }
  return test_finish("mve_autovec");
}
