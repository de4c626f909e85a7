// More MVE through arm_mve.h, in the shape of DSP and image kernels, each compared with scalar C
// in this program: q15 dot product with a 64-bit accumulator (VMLALDAVA), 64-bit sum (VADDLVA),
// sum of absolute differences (VABAV), absolute maximum (VMAXAV), widening (VMOVLB/T, VSHLLB),
// saturating doubling multiplies (VQDMULH, VQDMULLB), strided gathers with VIDUP offsets, FFT
// bit-reversed order (VBRSR), a 4x4 transpose with scatter stores, RGBA de-interleave and
// re-interleave (VLD4/VST4), multi-word addition with the carry chain (VADCI/VADC), complex float
// multiplication (VCMUL, VCMLA), float rounding (VRINT*), half-precision conversion (VCVTB/T) and
// a float max reduction (VMAXNMV).
#include <arm_mve.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "crc32.h"
#include "test_check.h"

#define SCALAR_REFERENCE __attribute__((noinline, optimize("no-tree-vectorize")))

enum { N = 96 };  // a multiple of 16 (the kernels here use whole vectors, except where stated)

static uint32_t random_state = 0xC0FFEE11u;
static uint32_t next_random(void) {
  random_state = random_state * 1664525u + 1013904223u;
  return random_state ^ (random_state >> 13);
}
static void fill(void* data, size_t bytes) {
  uint8_t* p = data;
  for (size_t i = 0; i < bytes; ++i) {
    uint32_t r = next_random();
    p[i] = (r & 0xF00u) == 0 ? ((r & 1u) ? 0x80 : 0x7F) : (uint8_t)(r >> 24);
  }
}
static uint32_t crc;  // over every vector result, printed at the end for the QEMU comparison

static void check_bytes(const char* what, const void* actual, const void* expected, size_t n) {
  int same = memcmp(actual, expected, n) == 0;
  if (!same) printf("  %s: vector and scalar results differ\n", what);
  test_check(same, what, __FILE_NAME__, __LINE__);
  crc = crc32_update(crc, actual, n);
}
static void check_u64(const char* what, uint64_t actual, uint64_t expected) {
  test_check_u64(actual, expected, what, __FILE_NAME__, __LINE__);
  crc = crc32_update(crc, &actual, sizeof actual);
}

// ---- reductions ----

SCALAR_REFERENCE static int64_t dot_q15_scalar(const int16_t* a, const int16_t* b, int n,
                                               int64_t acc) {
  for (int i = 0; i < n; ++i) acc += (int32_t)a[i] * b[i];
  return acc;
}
SCALAR_REFERENCE static int64_t sum_wide_scalar(const int32_t* a, int n, int64_t acc) {
  for (int i = 0; i < n; ++i) acc += a[i];
  return acc;
}
SCALAR_REFERENCE static uint32_t sad_scalar(const uint8_t* a, const uint8_t* b, int n,
                                            uint32_t acc) {
  for (int i = 0; i < n; ++i) acc += (uint32_t)(a[i] > b[i] ? a[i] - b[i] : b[i] - a[i]);
  return acc;
}
SCALAR_REFERENCE static uint8_t abs_max_scalar(const int8_t* a, int n, uint8_t acc) {
  for (int i = 0; i < n; ++i) {
    uint8_t m = (uint8_t)(a[i] < 0 ? -a[i] : a[i]);
    acc = m > acc ? m : acc;
  }
  return acc;
}

static void test_reductions(void) {
  static int16_t a16[N], b16[N];
  static int32_t a32[N];
  static uint8_t a8[N], b8[N];
  fill(a16, sizeof a16);
  fill(b16, sizeof b16);
  fill(a32, sizeof a32);
  fill(a8, sizeof a8);
  fill(b8, sizeof b8);

  int64_t dot = -123456789012345LL;
  for (int i = 0; i < N; i += 8) dot = vmlaldavaq_s16(dot, vld1q_s16(&a16[i]), vld1q_s16(&b16[i]));
  check_u64("dot_q15 (VMLALDAVA)", (uint64_t)dot,
            (uint64_t)dot_q15_scalar(a16, b16, N, -123456789012345LL));

  int64_t sum = 0x7FFFFFF000000000LL;
  for (int i = 0; i < N; i += 4) sum = vaddlvaq_s32(sum, vld1q_s32(&a32[i]));
  check_u64("sum_wide (VADDLVA)", (uint64_t)sum,
            (uint64_t)sum_wide_scalar(a32, N, 0x7FFFFFF000000000LL));

  uint32_t sad = 17;
  for (int i = 0; i < N; i += 16) sad = vabavq_u8(sad, vld1q_u8(&a8[i]), vld1q_u8(&b8[i]));
  check_u64("sad (VABAV)", sad, sad_scalar(a8, b8, N, 17));

  uint8_t abs_max = 3;
  for (int i = 0; i < N; i += 16) abs_max = vmaxavq_s8(abs_max, vld1q_s8((const int8_t*)&a8[i]));
  check_u64("abs_max (VMAXAV)", abs_max, abs_max_scalar((const int8_t*)a8, N, 3));
}

// ---- widening and saturating doubling multiplies ----

SCALAR_REFERENCE static void widen_scalar(int16_t* bottom, int16_t* top, int16_t* shifted,
                                          const int8_t* in) {
  for (int i = 0; i < 8; ++i) {
    bottom[i] = in[2 * i];
    top[i] = in[2 * i + 1];
    shifted[i] = (int16_t)(in[2 * i] * 8);
  }
}

SCALAR_REFERENCE static void doubling_scalar(int16_t* high, int32_t* wide, const int16_t* a,
                                             const int16_t* b) {
  for (int i = 0; i < 8; ++i) {
    int32_t doubled = 2 * (int32_t)a[i] * b[i];  // overflows only for -32768 * -32768
    high[i] = a[i] == INT16_MIN && b[i] == INT16_MIN ? INT16_MAX : (int16_t)(doubled >> 16);
  }
  for (int i = 0; i < 4; ++i) {
    int64_t doubled = 2 * (int64_t)a[2 * i] * b[2 * i];
    wide[i] = doubled > INT32_MAX ? INT32_MAX : (int32_t)doubled;
  }
}

static void test_widening(void) {
  static int8_t in[16];
  static int16_t a[8], b[8];
  int16_t bottom[8], top[8], shifted[8], bottom_ref[8], top_ref[8], shifted_ref[8];
  int16_t high[8], high_ref[8];
  int32_t wide[4], wide_ref[4];
  for (int round = 0; round < 4; ++round) {
    fill(in, sizeof in);
    fill(a, sizeof a);
    fill(b, sizeof b);
    a[round] = INT16_MIN;  // one saturating lane per round
    b[round] = INT16_MIN;
    int8x16_t v = vld1q_s8(in);
    vst1q_s16(bottom, vmovlbq_s8(v));
    vst1q_s16(top, vmovltq_s8(v));
    vst1q_s16(shifted, vshllbq_n_s8(v, 3));
    widen_scalar(bottom_ref, top_ref, shifted_ref, in);
    check_bytes("VMOVLB.S8", bottom, bottom_ref, sizeof bottom);
    check_bytes("VMOVLT.S8", top, top_ref, sizeof top);
    check_bytes("VSHLLB.S8 #3", shifted, shifted_ref, sizeof shifted);
    vst1q_s16(high, vqdmulhq_s16(vld1q_s16(a), vld1q_s16(b)));
    vst1q_s32(wide, vqdmullbq_s16(vld1q_s16(a), vld1q_s16(b)));
    doubling_scalar(high_ref, wide_ref, a, b);
    check_bytes("VQDMULH.S16", high, high_ref, sizeof high);
    check_bytes("VQDMULLB.S16", wide, wide_ref, sizeof wide);
  }
}

// ---- addressing: strided gathers, bit-reversed order, scatter transpose, VLD4/VST4 ----

SCALAR_REFERENCE static int32_t strided_sum_scalar(const int32_t* data, int stride, int count) {
  int32_t sum = 0;
  for (int i = 0; i < count; ++i) sum += data[i * stride];
  return sum;
}

SCALAR_REFERENCE static uint32_t bit_reverse_scalar(uint32_t value, int bits) {
  uint32_t reversed = 0;
  for (int i = 0; i < bits; ++i) reversed |= ((value >> i) & 1u) << (bits - 1 - i);
  return reversed;
}

SCALAR_REFERENCE static void swap_red_blue_scalar(uint8_t* out, const uint8_t* in, int pixels) {
  for (int i = 0; i < pixels; ++i) {
    out[4 * i] = in[4 * i + 2];
    out[4 * i + 1] = (uint8_t)(in[4 * i + 1] ^ 0xFF);
    out[4 * i + 2] = in[4 * i];
    out[4 * i + 3] = in[4 * i + 3];
  }
}

static void test_addressing(void) {
  static int32_t data[256];
  fill(data, sizeof data);
  // Every third word: VIDUP makes byte offsets 0, 12, 24, 36, then 48, ... (step 12 = 3 words,
  // VIDUP steps by 1, 2, 4 or 8, so it counts in words and VSHL scales them).
  int32x4_t sum = vdupq_n_s32(0);
  uint32_t start = 0;
  for (int i = 0; i < 16; ++i) {
    uint32x4_t index = vidupq_wb_u32(&start, 1);  // 4i, 4i+1, 4i+2, 4i+3; start += 4
    uint32x4_t byte_offsets = vmulq_n_u32(index, 12);
    sum = vaddq_s32(sum, vldrwq_gather_offset_s32(data, byte_offsets));
  }
  check_u64("strided gather (VIDUP, VLDRW gather)", (uint32_t)vaddvq_s32(sum),
            (uint32_t)strided_sum_scalar(data, 3, 64));

  // FFT input order for 64 points: VBRSR reverses the low 6 bits of each lane.
  static uint32_t reversed[64], reversed_ref[64];
  uint32_t counter = 0;
  for (int i = 0; i < 64; i += 4) {
    uint32x4_t index = vidupq_wb_u32(&counter, 1);
    vst1q_u32(&reversed[i], vbrsrq_n_u32(index, 6));
  }
  for (int i = 0; i < 64; ++i) reversed_ref[i] = bit_reverse_scalar((uint32_t)i, 6);
  check_bytes("bit-reversed indices (VBRSR)", reversed, reversed_ref, sizeof reversed);

  // 4x4 transpose: row r of the input is scattered to column r of the output.
  static int32_t matrix[16], transposed[16], transposed_ref[16];
  fill(matrix, sizeof matrix);
  const uint32x4_t column_offsets = {0, 4, 8, 12};  // in words (shifted-offset scatter)
  for (int r = 0; r < 4; ++r) {
    vstrwq_scatter_shifted_offset_s32(&transposed[r], column_offsets, vld1q_s32(&matrix[4 * r]));
  }
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) transposed_ref[4 * c + r] = matrix[4 * r + c];
  check_bytes("transpose (VSTRW scatter)", transposed, transposed_ref, sizeof transposed);

  // RGBA: swap red and blue, invert green (VLD4 de-interleaves, VST4 re-interleaves).
  static uint8_t pixels[4 * 32], out[4 * 32], out_ref[4 * 32];
  fill(pixels, sizeof pixels);
  for (int i = 0; i < 32; i += 16) {
    uint8x16x4_t rgba = vld4q_u8(&pixels[4 * i]);
    uint8x16x4_t bgra = {
        {rgba.val[2], veorq_u8(rgba.val[1], vdupq_n_u8(0xFF)), rgba.val[0], rgba.val[3]}};
    vst4q_u8(&out[4 * i], bgra);
  }
  swap_red_blue_scalar(out_ref, pixels, 32);
  check_bytes("RGBA swap (VLD4, VST4)", out, out_ref, sizeof out);
}

// ---- multi-word addition: 256-bit numbers as 8 words, carry through VADCI/VADC ----

SCALAR_REFERENCE static uint32_t add_256_scalar(uint32_t* sum, const uint32_t* a,
                                                const uint32_t* b) {
  uint64_t carry = 0;
  for (int i = 0; i < 8; ++i) {
    uint64_t s = (uint64_t)a[i] + b[i] + carry;
    sum[i] = (uint32_t)s;
    carry = s >> 32;
  }
  return (uint32_t)carry;
}

static void test_carry_chain(void) {
  static uint32_t a[8], b[8], sum[8], sum_ref[8];
  for (int round = 0; round < 6; ++round) {
    fill(a, sizeof a);
    fill(b, sizeof b);
    if (round < 2) {  // long carry propagation
      for (int i = 0; i < 8; ++i) a[i] = 0xFFFFFFFFu;
      b[0] = 1u + (uint32_t)round;
    }
    unsigned carry;
    uint32x4_t low = vadciq_u32(vld1q_u32(&a[0]), vld1q_u32(&b[0]), &carry);
    uint32x4_t high = vadcq_u32(vld1q_u32(&a[4]), vld1q_u32(&b[4]), &carry);
    vst1q_u32(&sum[0], low);
    vst1q_u32(&sum[4], high);
    uint32_t carry_ref = add_256_scalar(sum_ref, a, b);
    check_bytes("256-bit add (VADCI, VADC)", sum, sum_ref, sizeof sum);
    check_u64("256-bit add carry out", carry, carry_ref);
  }
}

// ---- float: complex multiply, rounding, half precision, max reduction ----

// Normal floats with exponents in [-8, 8]: no denormal, infinity or NaN comes out of the kernels.
static float moderate_float(void) {
  uint32_t r = next_random();
  uint32_t bits = (r & 0x807FFFFFu) | ((127u - 8u + (r >> 7) % 17u) << 23);
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

// VCMUL #0 then VCMLA #90: (ar*br, ar*bi) rounded, then (-ai*bi, ai*br) added with one rounding.
SCALAR_REFERENCE static void complex_multiply_scalar(float* out, const float* a, const float* b,
                                                     int pairs) {
  for (int i = 0; i < pairs; ++i) {
    float ar = a[2 * i], ai = a[2 * i + 1], br = b[2 * i], bi = b[2 * i + 1];
    float real = ar * br, imag = ar * bi;
    out[2 * i] = fmaf(-ai, bi, real);
    out[2 * i + 1] = fmaf(ai, br, imag);
  }
}

SCALAR_REFERENCE static void rounding_scalar(float* out, const float* in) {
  for (int i = 0; i < 4; ++i) {
    out[i] = roundf(in[i]);
    out[4 + i] = rintf(in[i]);
    out[8 + i] = floorf(in[i]);
    out[12 + i] = ceilf(in[i]);
    out[16 + i] = truncf(in[i]);
  }
}

// wide[0..3] to the even binary16 lanes of a vector (VCVTB), wide[4..7] to the odd ones (VCVTT),
// then both back to binary32. The four conversions are written as encodings: GNU as 2.40
// assembles the MVE VCVTB/VCVTT (F16 <-> F32) with Qd and Qm doubled ("q1" becomes q2), which
// also breaks gcc 12's vcvtbq/vcvttq intrinsics. Fields (Armv8.1-M ARM, VCVTB/VCVTT between
// single and half precision): hw2 = Qd << 13 | T << 12 | 0x0E01 | Qm << 1; hw1 0xEE3F converts
// F32 to F16, 0xFE3F F16 to F32.
static void half_precision_round_trip(float* back, const float* wide) {
  __asm volatile(
      "vldrw.u32 q0, [%[in]]\n"
      "vldrw.u32 q1, [%[in], #16]\n"
      ".inst.w 0xEE3F4E01\n"  // vcvtb.f16.f32 q2, q0
      ".inst.w 0xEE3F5E03\n"  // vcvtt.f16.f32 q2, q1
      ".inst.w 0xFE3F6E05\n"  // vcvtb.f32.f16 q3, q2
      ".inst.w 0xFE3F1E05\n"  // vcvtt.f32.f16 q0, q2
      "vstrw.32 q3, [%[out]]\n"
      "vstrw.32 q0, [%[out], #16]\n"
      :
      : [in] "r"(wide), [out] "r"(back)
      : "memory", "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7");
}

static void test_float(void) {
  static float a[16], b[16], product[16], product_ref[16];
  for (int i = 0; i < 16; ++i) {
    a[i] = moderate_float();
    b[i] = moderate_float();
  }
  for (int i = 0; i < 16; i += 4) {
    float32x4_t va = vld1q_f32(&a[i]), vb = vld1q_f32(&b[i]);
    vst1q_f32(&product[i], vcmlaq_rot90_f32(vcmulq_f32(va, vb), va, vb));
  }
  complex_multiply_scalar(product_ref, a, b, 8);
  check_bytes("complex multiply (VCMUL, VCMLA)", product, product_ref, sizeof product);

  static const float kHalves[] = {2.5f, -2.5f, 3.5f, -0.5f, 1.25f, -7.75f, 0.49999997f, 8388607.5f};
  float rounded[20], rounded_ref[20];
  for (int half = 0; half < 2; ++half) {
    float32x4_t v = vld1q_f32(&kHalves[4 * half]);
    vst1q_f32(&rounded[0], vrndaq_f32(v));
    vst1q_f32(&rounded[4], vrndnq_f32(v));
    vst1q_f32(&rounded[8], vrndmq_f32(v));
    vst1q_f32(&rounded[12], vrndpq_f32(v));
    vst1q_f32(&rounded[16], vrndq_f32(v));
    rounding_scalar(rounded_ref, &kHalves[4 * half]);
    check_bytes("VRINTA/N/M/P/Z", rounded, rounded_ref, sizeof rounded);
  }

  // Half precision: 8 floats to the bottom and top halves of one vector and back.
  float wide[8], back[8], back_ref[8];
  for (int i = 0; i < 8; ++i) wide[i] = a[i];  // within binary16's normal range
  half_precision_round_trip(back, wide);
  for (int i = 0; i < 8; ++i) back_ref[i] = (float)(__fp16)wide[i];
  check_bytes("F32 -> F16 -> F32 (VCVTB/T)", back, back_ref, sizeof back);

  float max_ref = -1000.0f;
  float32_t max = -1000.0f;
  for (int i = 0; i < 16; i += 4) max = vmaxnmvq_f32(max, vld1q_f32(&a[i]));
  for (int i = 0; i < 16; ++i) max_ref = fmaxf(max_ref, a[i]);
  uint32_t max_bits, max_ref_bits;
  memcpy(&max_bits, &max, sizeof max_bits);
  memcpy(&max_ref_bits, &max_ref, sizeof max_ref_bits);
  check_u64("max (VMAXNMV)", max_bits, max_ref_bits);
}

int main(void) {
  test_reductions();
  test_widening();
  test_addressing();
  test_carry_chain();
  test_float();
  printf("mve_dsp: crc 0x%08lx\n", (unsigned long)crc);
  return test_finish("mve_dsp");
}
