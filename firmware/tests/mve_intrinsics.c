// Hand-written MVE kernels (arm_mve.h intrinsics and two assembly loops), each compared with a
// scalar C version of the same computation in this program: an int8 dot product (VMLADAVA), the
// CMSIS-NN style requantisation (VQSHL, VQRDMULH, VRSHL, offset, clamp, narrowing store), a
// convolution inner loop (widening loads, VMLADAVA.S16), a byte table lookup (gather load),
// float axpy (VFMA) and conversions. Loops are tail-predicated with VCTP and zeroing loads, or
// with DLSTP/WLSTP/LETP in the assembly ones. Spec-defined edge results (FPSCR.QC, MVE float
// flush-to-zero and default NaN, conversion saturation) are checked against constants.
#include <arm_mve.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "crc32.h"
#include "test_check.h"

// The scalar references must stay scalar: no auto-vectorisation, not inlined into the caller.
#define SCALAR_REFERENCE __attribute__((noinline, optimize("no-tree-vectorize")))

enum { MAX_LENGTH = 300 };
static const int kLengths[] = {0, 1, 2, 4, 5, 8, 15, 16, 17, 33, 64, 255, 300};
enum { LENGTH_COUNT = sizeof kLengths / sizeof kLengths[0] };

static uint32_t random_state = 0x9E3779B9u;
static uint32_t next_random(void) {
  random_state = random_state * 1664525u + 1013904223u;
  return random_state ^ (random_state >> 16);
}

// Random int8 values, about one in eight replaced by -128, 127, -1 or 0.
static void fill_int8(int8_t* data, int count) {
  static const int8_t kEdges[] = {-128, 127, -1, 0};
  for (int i = 0; i < count; ++i) {
    uint32_t r = next_random();
    data[i] = (r & 0x700u) == 0 ? kEdges[(r >> 12) & 3u] : (int8_t)(r >> 24);
  }
}

static uint32_t read_fpscr(void) {
  uint32_t value;
  __asm volatile("vmrs %0, fpscr" : "=r"(value));
  return value;
}
static void write_fpscr(uint32_t value) {
  __asm volatile("vmsr fpscr, %0" : : "r"(value));
}
enum { FPSCR_QC = 1u << 27 };

// ---- int8 dot product ----

SCALAR_REFERENCE static int32_t dot_s8_scalar(const int8_t* a, const int8_t* b, int n,
                                              int32_t acc) {
  for (int i = 0; i < n; ++i) acc += a[i] * b[i];
  return acc;
}

// VCTP.8 predicate, zeroing predicated loads, predicated VMLADAVA.S8.
static int32_t dot_s8_vctp(const int8_t* a, const int8_t* b, int n, int32_t acc) {
  while (n > 0) {
    mve_pred16_t p = vctp8q((uint32_t)n);
    int8x16_t va = vldrbq_z_s8(a, p);
    int8x16_t vb = vldrbq_z_s8(b, p);
    acc = vmladavaq_p_s8(acc, va, vb, p);
    a += 16;
    b += 16;
    n -= 16;
  }
  return acc;
}

// The same with a tail-predicated low-overhead loop: DLSTP.8 sets LTPSIZE so that the final
// iteration's loads and accumulation see only the remaining lanes.
static int32_t dot_s8_dlstp(const int8_t* a, const int8_t* b, int n, int32_t start) {
  register int32_t acc __asm("r6") = start;  // VMLADAVA's accumulator must be an even register
  __asm volatile(
      "   dlstp.8 lr, %[n]\n"
      "1: vldrb.8 q0, [%[a]], #16\n"
      "   vldrb.8 q1, [%[b]], #16\n"
      "   vmladava.s8 %[acc], q0, q1\n"
      "   letp lr, 1b\n"
      : [acc] "+r"(acc), [a] "+r"(a), [b] "+r"(b)
      : [n] "r"(n)
      : "lr", "d0", "d1", "d2", "d3", "memory");
  return acc;
}

static void test_dot_product(void) {
  static int8_t a[MAX_LENGTH], b[MAX_LENGTH];
  uint32_t crc = 0;
  for (int l = 0; l < LENGTH_COUNT; ++l) {
    int n = kLengths[l];
    fill_int8(a, MAX_LENGTH);
    fill_int8(b, MAX_LENGTH);
    int32_t start = (int32_t)next_random() >> 8;
    int32_t expected = dot_s8_scalar(a, b, n, start);
    int32_t with_vctp = dot_s8_vctp(a, b, n, start);
    // DLSTP runs the body once even for n = 0 (every lane predicated off); it must not change acc.
    int32_t with_dlstp = dot_s8_dlstp(a, b, n, start);
    CHECK_EQ(with_vctp, expected);
    CHECK_EQ(with_dlstp, expected);
    crc = crc32_update(crc, &with_dlstp, sizeof with_dlstp);
  }
  // All lanes at the extremes: 16 * (-128 * -128) = 262144 per vector.
  memset(a, 0x80, sizeof a);
  memset(b, 0x80, sizeof b);
  CHECK_EQ(dot_s8_vctp(a, b, 48, 0), 48 * 16384);
  CHECK_EQ(dot_s8_dlstp(a, b, 47, 0), 47 * 16384);
  printf("dot_s8: crc 0x%08lx\n", (unsigned long)crc);
}

// ---- requantisation: int32 accumulators to int8, as CMSIS-NN's MVE kernels do ----

typedef struct {
  int32_t multiplier;  // Q31
  int32_t shift;       // > 0: left shift before the multiply; < 0: rounding right shift after
  int32_t offset;      // output zero point
} Requantisation;

static int32_t saturate_s32(int64_t v) {
  return v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int32_t)v;
}

SCALAR_REFERENCE static void requantize_scalar(int8_t* out, const int32_t* acc, int n,
                                               Requantisation q) {
  int left = q.shift > 0 ? q.shift : 0;
  int right = q.shift > 0 ? 0 : -q.shift;
  for (int i = 0; i < n; ++i) {
    int32_t x = saturate_s32((int64_t)acc[i] * ((int64_t)1 << left));                   // VQSHL
    x = saturate_s32(((int64_t)x * q.multiplier * 2 + ((int64_t)1 << 31)) >> 32);       // VQRDMULH
    if (right > 0) x = (int32_t)(((int64_t)x + ((int64_t)1 << (right - 1))) >> right);  // VRSHL
    x = (int32_t)((uint32_t)x + (uint32_t)q.offset);
    out[i] = (int8_t)(x < -128 ? -128 : x > 127 ? 127 : x);
  }
}

static void requantize_mve(int8_t* out, const int32_t* acc, int n, Requantisation q) {
  int left = q.shift > 0 ? q.shift : 0;
  int right = q.shift > 0 ? 0 : -q.shift;
  const int32x4_t lowest = vdupq_n_s32(-128), highest = vdupq_n_s32(127);
  while (n > 0) {
    mve_pred16_t p = vctp32q((uint32_t)n);
    int32x4_t x = vldrwq_z_s32(acc, p);
    x = vqshlq_r_s32(x, left);
    x = vqrdmulhq_n_s32(x, q.multiplier);
    x = vrshlq_n_s32(x, -right);
    x = vaddq_n_s32(x, q.offset);
    x = vminq_s32(vmaxq_s32(x, lowest), highest);
    vstrbq_p_s32(out, x, p);  // narrowing store: the low byte of each active lane
    acc += 4;
    out += 4;
    n -= 4;
  }
}

static void test_requantize(void) {
  static int32_t acc[MAX_LENGTH];
  static int8_t expected[MAX_LENGTH + 16], actual[MAX_LENGTH + 16];
  static const Requantisation kCases[] = {
      {1073741824, -7, 0},    // 0.5, >> 7
      {1518500250, -11, -5},  // ~0.707
      {INT32_MIN, 0, 3},      // -1.0 (VQRDMULH saturates on INT32_MIN * INT32_MIN)
      {2147483647, 2, -128},  // left shift that saturates large accumulators
      {1234567890, -31, 17},  // rounding shift by 31
      {-987654321, -1, 0},
  };
  uint32_t crc = 0;
  for (size_t c = 0; c < sizeof kCases / sizeof kCases[0]; ++c) {
    for (int l = 0; l < LENGTH_COUNT; ++l) {
      int n = kLengths[l];
      for (int i = 0; i < MAX_LENGTH; ++i) {
        uint32_t r = next_random();
        acc[i] = (r & 7u) == 0 ? INT32_MIN : (r & 7u) == 1 ? INT32_MAX : (int32_t)r >> (r & 15u);
      }
      fill_int8(expected, MAX_LENGTH + 16);
      memcpy(actual, expected, sizeof actual);
      requantize_scalar(expected, acc, n, kCases[c]);
      requantize_mve(actual, acc, n, kCases[c]);
      CHECK(memcmp(actual, expected, sizeof actual) == 0);
      crc = crc32_update(crc, actual, sizeof actual);
    }
  }
  printf("requantize: crc 0x%08lx\n", (unsigned long)crc);

  // FPSCR.QC: set by a saturating VQRDMULH, left alone by one that does not saturate.
  write_fpscr(read_fpscr() & ~FPSCR_QC);
  int32x4_t big = vdupq_n_s32(INT32_MIN);
  int32x4_t product = vqrdmulhq_n_s32(big, 1 << 30);
  CHECK_EQ(vgetq_lane_s32(product, 2), -(1 << 30));
  CHECK_EQ(read_fpscr() & FPSCR_QC, 0);
  product = vqrdmulhq_n_s32(big, INT32_MIN);
  CHECK_EQ(vgetq_lane_s32(product, 0), INT32_MAX);
  CHECK_EQ(read_fpscr() & FPSCR_QC, FPSCR_QC);
  write_fpscr(read_fpscr() & ~FPSCR_QC);
}

// ---- convolution inner loop: one output of a 1-D HWC convolution, int8 in, int32 out ----

enum { CHANNELS = 13, KERNEL_TAPS = 5, POSITIONS = 24 };

SCALAR_REFERENCE static int32_t conv_point_scalar(const int8_t* in, const int8_t* w, int count,
                                                  int32_t input_offset, int32_t bias) {
  int32_t sum = bias;
  for (int i = 0; i < count; ++i) sum += (in[i] + input_offset) * w[i];
  return sum;
}

// The window of KERNEL_TAPS positions is contiguous in HWC layout: a dot product of
// KERNEL_TAPS * CHANNELS elements, widened to 16 bits for the input offset.
static int32_t conv_point_mve(const int8_t* in, const int8_t* w, int count, int32_t input_offset,
                              int32_t bias) {
  int32_t sum = bias;
  while (count > 0) {
    mve_pred16_t p = vctp16q((uint32_t)count);
    int16x8_t vin = vldrbq_z_s16(in, p);
    int16x8_t vw = vldrbq_z_s16(w, p);
    vin = vaddq_n_s16(vin, (int16_t)input_offset);
    sum = vmladavaq_p_s16(sum, vin, vw, p);
    in += 8;
    w += 8;
    count -= 8;
  }
  return sum;
}

static void test_convolution(void) {
  static int8_t input[(POSITIONS + KERNEL_TAPS) * CHANNELS];
  static int8_t weights[KERNEL_TAPS * CHANNELS];
  static int32_t expected[POSITIONS], actual[POSITIONS];
  fill_int8(input, sizeof input);
  fill_int8(weights, sizeof weights);
  for (int32_t input_offset = -127; input_offset <= 128; input_offset += 85) {
    for (int x = 0; x < POSITIONS; ++x) {
      int32_t bias = (int32_t)next_random() >> 12;
      const int8_t* window = &input[x * CHANNELS];
      expected[x] = conv_point_scalar(window, weights, KERNEL_TAPS * CHANNELS, input_offset, bias);
      actual[x] = conv_point_mve(window, weights, KERNEL_TAPS * CHANNELS, input_offset, bias);
    }
    CHECK(memcmp(actual, expected, sizeof actual) == 0);
    printf("conv1d offset %ld: crc 0x%08lx\n", (long)input_offset,
           (unsigned long)crc32_update(0, actual, sizeof actual));
  }
}

// ---- table lookup with a byte gather ----

SCALAR_REFERENCE static void lookup_scalar(uint8_t* out, const uint8_t* in, int n,
                                           const uint8_t* table) {
  for (int i = 0; i < n; ++i) out[i] = table[in[i]];
}

static void lookup_mve(uint8_t* out, const uint8_t* in, int n, const uint8_t* table) {
  while (n > 0) {
    mve_pred16_t p = vctp8q((uint32_t)n);
    uint8x16_t indices = vldrbq_z_u8(in, p);
    uint8x16_t values = vldrbq_gather_offset_z_u8(table, indices, p);
    vstrbq_p_u8(out, values, p);
    in += 16;
    out += 16;
    n -= 16;
  }
}

static void test_lookup(void) {
  static uint8_t table[256], in[MAX_LENGTH], expected[MAX_LENGTH], actual[MAX_LENGTH];
  fill_int8((int8_t*)table, sizeof table);
  uint32_t crc = 0;
  for (int l = 0; l < LENGTH_COUNT; ++l) {
    int n = kLengths[l];
    fill_int8((int8_t*)in, MAX_LENGTH);
    fill_int8((int8_t*)expected, MAX_LENGTH);
    memcpy(actual, expected, sizeof actual);
    lookup_scalar(expected, in, n, table);
    lookup_mve(actual, in, n, table);
    CHECK(memcmp(actual, expected, sizeof actual) == 0);
    crc = crc32_update(crc, actual, sizeof actual);
  }
  printf("lookup_u8: crc 0x%08lx\n", (unsigned long)crc);
}

// ---- float: axpy with fused multiply-add, and conversions ----

SCALAR_REFERENCE static void axpy_scalar(float* y, float a, const float* x, int n) {
  for (int i = 0; i < n; ++i) y[i] = __builtin_fmaf(a, x[i], y[i]);
}

static void axpy_mve(float* y, float a, const float* x, int n) {
  while (n > 0) {
    mve_pred16_t p = vctp32q((uint32_t)n);
    float32x4_t vy = vldrwq_z_f32(y, p);
    vy = vfmaq_n_f32(vy, vldrwq_z_f32(x, p), a);
    vstrwq_p_f32(y, vy, p);
    x += 4;
    y += 4;
    n -= 4;
  }
}

// The same loop with WLSTP.32 (skips the body when n is 0) and LETP.
static void axpy_wlstp(float* y, float a, const float* x, int n) {
  __asm volatile(
      "   wlstp.32 lr, %[n], 2f\n"
      "1: vldrw.32 q0, [%[x]], #16\n"
      "   vldrw.32 q1, [%[y]]\n"
      "   vfma.f32 q1, q0, %[a]\n"
      "   vstrw.32 q1, [%[y]], #16\n"
      "   letp lr, 1b\n"
      "2:\n"
      : [x] "+r"(x), [y] "+r"(y)
      : [n] "r"(n), [a] "r"(a)
      : "lr", "d0", "d1", "d2", "d3", "memory");
}

static float float_from_bits(uint32_t bits) {
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}
static uint32_t bits_of(float f) {
  uint32_t bits;
  memcpy(&bits, &f, sizeof bits);
  return bits;
}

static void test_float(void) {
  static float x[MAX_LENGTH], y_expected[MAX_LENGTH], y_vctp[MAX_LENGTH], y_wlstp[MAX_LENGTH];
  uint32_t crc = 0;
  for (int l = 0; l < LENGTH_COUNT; ++l) {
    int n = kLengths[l];
    for (int i = 0; i < MAX_LENGTH; ++i) {
      // Normal numbers of moderate size: exponent in [-20, 20], random sign and mantissa.
      uint32_t r = next_random();
      x[i] = float_from_bits((r & 0x807FFFFFu) | ((127u - 20u + (r >> 8) % 41u) << 23));
      y_expected[i] = (float)((int32_t)next_random() >> 10) / 1024.0f;
    }
    float a = x[MAX_LENGTH - 1];
    memcpy(y_vctp, y_expected, sizeof y_vctp);
    memcpy(y_wlstp, y_expected, sizeof y_wlstp);
    axpy_scalar(y_expected, a, x, n);
    axpy_mve(y_vctp, a, x, n);
    axpy_wlstp(y_wlstp, a, x, n);
    CHECK(memcmp(y_vctp, y_expected, sizeof y_vctp) == 0);
    CHECK(memcmp(y_wlstp, y_expected, sizeof y_wlstp) == 0);
    crc = crc32_update(crc, y_wlstp, sizeof y_wlstp);
  }
  printf("axpy_f32: crc 0x%08lx\n", (unsigned long)crc);

  // Conversions (Armv8.1-M ARM, VCVT between floating-point and integer): round towards zero
  // (VCVT) or to nearest with ties away (VCVTA) / even (VCVTN), saturating, NaN to 0.
  float32x4_t values = {2.5f, -2.5f, 3.0e9f, -3.0e9f};
  int32x4_t truncated = vcvtq_s32_f32(values);
  int32x4_t away = vcvtaq_s32_f32(values);
  int32x4_t even = vcvtnq_s32_f32(values);
  uint32x4_t unsigned_truncated = vcvtq_u32_f32(values);
  CHECK_EQ(vgetq_lane_s32(truncated, 0), 2);
  CHECK_EQ(vgetq_lane_s32(truncated, 1), -2);
  CHECK_EQ(vgetq_lane_s32(truncated, 2), INT32_MAX);
  CHECK_EQ(vgetq_lane_s32(truncated, 3), INT32_MIN);
  CHECK_EQ(vgetq_lane_s32(away, 0), 3);
  CHECK_EQ(vgetq_lane_s32(away, 1), -3);
  CHECK_EQ(vgetq_lane_s32(even, 0), 2);
  CHECK_EQ(vgetq_lane_s32(even, 1), -2);
  CHECK_EQ(vgetq_lane_u32(unsigned_truncated, 1), 0);
  CHECK_EQ(vgetq_lane_u32(unsigned_truncated, 2), 3000000000u);
  float32x4_t nan = vdupq_n_f32(float_from_bits(0x7FC12345u));
  CHECK_EQ(vgetq_lane_s32(vcvtq_s32_f32(nan), 0), 0);
  float32x4_t from_int = vcvtq_f32_s32(vdupq_n_s32(16777217));  // 2^24 + 1: rounds to even
  CHECK_EQ(bits_of(vgetq_lane_f32(from_int, 3)), 0x4B800000u);

  // MVE floating point uses the standard FPSCR value (flush-to-zero, default NaN), whatever
  // FPSCR.FZ and FPSCR.DN say; scalar VFP arithmetic follows FPSCR (both 0 here).
  float denormal = float_from_bits(0x00000003u);
  float32x4_t sum = vaddq_f32(vdupq_n_f32(denormal), vdupq_n_f32(0.0f));
  CHECK_EQ(bits_of(vgetq_lane_f32(sum, 1)), 0);
  volatile float scalar_denormal = denormal;
  CHECK_EQ(bits_of(scalar_denormal + 0.0f), 0x00000003u);
  float32x4_t nan_sum = vaddq_f32(nan, vdupq_n_f32(1.0f));
  CHECK_EQ(bits_of(vgetq_lane_f32(nan_sum, 0)), 0x7FC00000u);
  volatile float scalar_nan = float_from_bits(0x7FC12345u);
  CHECK_EQ(bits_of(scalar_nan + 1.0f), 0x7FC12345u);
}

// ---- saturating narrowing: int32 to int16 (VQMOVNB/T) with a VPSEL-based ReLU ----

SCALAR_REFERENCE static void narrow_relu_scalar(int16_t* out, const int32_t* in, int pairs) {
  for (int i = 0; i < pairs * 8; ++i) {
    int32_t v = in[i] < 0 ? 0 : in[i];
    out[i] = (int16_t)(v > INT16_MAX ? INT16_MAX : v);
  }
}

// out[2k] comes from the first vector (bottom halves), out[2k+1] from the second (top halves).
static void narrow_relu_mve(int16_t* out, const int32_t* in, int pairs) {
  for (int i = 0; i < pairs; ++i) {
    int32x4x2_t v = vld2q_s32(&in[8 * i]);  // de-interleaves even and odd elements
    int32x4_t zero = vdupq_n_s32(0);
    int32x4_t even = vpselq_s32(v.val[0], zero, vcmpgtq_n_s32(v.val[0], 0));
    int32x4_t odd = vpselq_s32(v.val[1], zero, vcmpgtq_n_s32(v.val[1], 0));
    int16x8_t narrowed = vqmovnbq_s32(vdupq_n_s16(0), even);
    narrowed = vqmovntq_s32(narrowed, odd);
    vst1q_s16(&out[8 * i], narrowed);
  }
}

static void test_narrowing(void) {
  enum { PAIRS = 12 };
  static int32_t in[PAIRS * 8];
  static int16_t expected[PAIRS * 8], actual[PAIRS * 8];
  for (int i = 0; i < PAIRS * 8; ++i) in[i] = (int32_t)next_random() >> (next_random() & 31u);
  narrow_relu_scalar(expected, in, PAIRS);
  narrow_relu_mve(actual, in, PAIRS);
  CHECK(memcmp(actual, expected, sizeof actual) == 0);
  printf("narrow_relu: crc 0x%08lx\n", (unsigned long)crc32_update(0, actual, sizeof actual));
}

int main(void) {
  test_dot_product();
  test_requantize();
  test_convolution();
  test_lookup();
  test_float();
  test_narrowing();
  return test_finish("mve_intrinsics");
}
