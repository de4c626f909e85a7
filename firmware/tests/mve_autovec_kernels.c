// The loops of mve_autovec as plain C for gcc's vectoriser. KERNEL_PREFIX (vec_ or ref_) names
// this compilation's copy (mve_autovec_kernels.h). Both copies are compiled with
// -ffp-contract=off: the vectoriser emits VMUL then VADD where scalar code would fuse into VFMA,
// so contraction would make the two copies round differently.
#include "mve_autovec_kernels.h"

#ifndef KERNEL_PREFIX
#error "compile with -DKERNEL_PREFIX=vec_ or -DKERNEL_PREFIX=ref_"
#endif
#define KERNEL_CONCAT(prefix, name) prefix##name
#define KERNEL_NAME(prefix, name) KERNEL_CONCAT(prefix, name)
#define KERNEL(name) KERNEL_NAME(KERNEL_PREFIX, name)

void KERNEL(add_i8)(int8_t* restrict out, const int8_t* restrict a, const int8_t* restrict b,
                    int n) {
  for (int i = 0; i < n; ++i) out[i] = (int8_t)(a[i] + b[i]);
}

void KERNEL(mla_i16)(int16_t* restrict acc, const int16_t* restrict a, const int16_t* restrict b,
                     int n) {
  for (int i = 0; i < n; ++i) acc[i] = (int16_t)(acc[i] + a[i] * b[i]);
}

void KERNEL(mul_i32)(int32_t* restrict out, const int32_t* restrict a, const int32_t* restrict b,
                     int n) {
  for (int i = 0; i < n; ++i) out[i] = (int32_t)((uint32_t)a[i] * (uint32_t)b[i]);
}

void KERNEL(min_max_i8)(int8_t* restrict lo, int8_t* restrict hi, const int8_t* restrict a,
                        const int8_t* restrict b, int n) {
  for (int i = 0; i < n; ++i) {
    lo[i] = a[i] < b[i] ? a[i] : b[i];
    hi[i] = a[i] > b[i] ? a[i] : b[i];
  }
}

void KERNEL(min_max_u16)(uint16_t* restrict lo, uint16_t* restrict hi, const uint16_t* restrict a,
                         const uint16_t* restrict b, int n) {
  for (int i = 0; i < n; ++i) {
    lo[i] = a[i] < b[i] ? a[i] : b[i];
    hi[i] = a[i] > b[i] ? a[i] : b[i];
  }
}

// Saturation to [lo, hi], as an int8 activation function (ReLU6-like) does.
void KERNEL(clamp_i8)(int8_t* restrict data, int8_t lo, int8_t hi, int n) {
  for (int i = 0; i < n; ++i) {
    int8_t v = data[i] < lo ? lo : data[i];
    data[i] = v > hi ? hi : v;
  }
}

void KERNEL(abs_diff_u8)(uint8_t* restrict out, const uint8_t* restrict a,
                         const uint8_t* restrict b, int n) {
  for (int i = 0; i < n; ++i) out[i] = (uint8_t)(a[i] > b[i] ? a[i] - b[i] : b[i] - a[i]);
}

void KERNEL(rounding_average_u8)(uint8_t* restrict out, const uint8_t* restrict a,
                                 const uint8_t* restrict b, int n) {
  for (int i = 0; i < n; ++i) out[i] = (uint8_t)((a[i] + b[i] + 1) >> 1);
}

void KERNEL(shift_right_i16)(int16_t* restrict out, const int16_t* restrict in, int n) {
  for (int i = 0; i < n; ++i) out[i] = (int16_t)(in[i] >> 3);
}

void KERNEL(shift_left_by_lane_u32)(uint32_t* restrict out, const uint32_t* restrict in,
                                    const uint32_t* restrict amounts, int n) {
  for (int i = 0; i < n; ++i) out[i] = in[i] << (amounts[i] & 31u);
}

void KERNEL(select_i32)(int32_t* restrict out, const int32_t* restrict a, const int32_t* restrict b,
                        int n) {
  for (int i = 0; i < n; ++i) {
    out[i] =
        a[i] > b[i] ? (int32_t)((uint32_t)a[i] - (uint32_t)b[i]) : (int32_t)((uint32_t)b[i] * 2u);
  }
}

void KERNEL(abs_i16)(int16_t* restrict out, const int16_t* restrict in, int n) {
  for (int i = 0; i < n; ++i) out[i] = (int16_t)(in[i] < 0 ? -in[i] : in[i]);
}

void KERNEL(bitwise_u32)(uint32_t* restrict out, const uint32_t* restrict a,
                         const uint32_t* restrict b, int n) {
  for (int i = 0; i < n; ++i) out[i] = (a[i] & b[i]) ^ (a[i] | ~b[i]);
}

void KERNEL(count_leading_zeros_u32)(uint32_t* restrict out, const uint32_t* restrict in, int n) {
  for (int i = 0; i < n; ++i) out[i] = (uint32_t)__builtin_clz(in[i] | 1u);
}

int32_t KERNEL(sum_i32)(const int32_t* restrict a, int n) {
  uint32_t sum = 0;
  for (int i = 0; i < n; ++i) sum += (uint32_t)a[i];
  return (int32_t)sum;
}

int32_t KERNEL(dot_i32)(const int32_t* restrict a, const int32_t* restrict b, int n) {
  uint32_t sum = 0;
  for (int i = 0; i < n; ++i) sum += (uint32_t)a[i] * (uint32_t)b[i];
  return (int32_t)sum;
}

uint8_t KERNEL(max_u8)(const uint8_t* restrict a, int n) {
  uint8_t best = 0;
  for (int i = 0; i < n; ++i) best = a[i] > best ? a[i] : best;
  return best;
}

int32_t KERNEL(max_i32)(const int32_t* restrict a, int n) {
  int32_t best = INT32_MIN;
  for (int i = 0; i < n; ++i) best = a[i] > best ? a[i] : best;
  return best;
}

void KERNEL(saxpy)(float* restrict y, float a, const float* restrict x, int n) {
  for (int i = 0; i < n; ++i) y[i] = a * x[i] + y[i];
}

void KERNEL(float_mul_sub)(float* restrict out, const float* restrict a, const float* restrict b,
                           int n) {
  for (int i = 0; i < n; ++i) out[i] = a[i] * b[i] - a[i];
}

void KERNEL(float_minus_abs_scaled)(float* restrict out, const float* restrict in, float scale,
                                    int n) {
  for (int i = 0; i < n; ++i) out[i] = -__builtin_fabsf(in[i]) * scale;
}
