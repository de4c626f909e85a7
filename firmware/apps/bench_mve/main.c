// bench_mve: a fixed MVE (Helium) workload for measuring guest MIPS on vector code, in the shape
// of a small int8 network run with CMSIS-NN style kernels written with arm_mve.h intrinsics:
// two fully connected layers (int8 matrix-vector products with VMLADAVA, requantised with
// VQRDMULH and a rounding shift), a 3x3 convolution (widening loads and VMLA), and a float
// matrix-vector product (VFMA). Each iteration's output feeds the next one, and a CRC of every
// output gives the checksum: the same ELF always prints the same checksum, and the first
// iteration is also computed by scalar C and compared, so a wrong vector result is reported as
// such, not only as a changed checksum.
#include <arm_mve.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "crc32.h"

#ifndef BENCH_ITERATIONS
#define BENCH_ITERATIONS 60
#endif

#define SCALAR_REFERENCE __attribute__((noinline, optimize("no-tree-vectorize")))

enum {
  FC_IN = 512,      // first layer: FC_IN inputs, FC_HIDDEN outputs
  FC_HIDDEN = 250,  // not a multiple of 16: the second layer's rows end in a predicated tail
  IMAGE = 34,       // convolution input IMAGE x IMAGE, output (IMAGE - 2) squared
  CONV_OUT = IMAGE - 2,
  FLOAT_ROWS = 64,
  FLOAT_COLS = 96,
};

static int8_t weights1[FC_HIDDEN][FC_IN], weights2[FC_IN][FC_HIDDEN];
static int32_t bias1[FC_HIDDEN], bias2[FC_IN];
static int8_t activations_in[FC_IN], hidden[FC_HIDDEN], activations_out[FC_IN];
static int8_t image[IMAGE][IMAGE], conv_kernel[3][3];
static int32_t conv_out[CONV_OUT][CONV_OUT];
static float float_matrix[FLOAT_ROWS][FLOAT_COLS], float_in[FLOAT_COLS], float_out[FLOAT_ROWS];

typedef struct {
  int32_t multiplier;  // Q31
  int32_t right_shift;
  int32_t offset;
} Requantisation;

static uint32_t random_state = 12345u;
static uint32_t next_random(void) {
  random_state = random_state * 1103515245u + 12345u;
  return random_state >> 8;
}

// ---- MVE kernels ----

static int8_t requantize_one(int32_t acc, Requantisation q);

// out[r] = requantise(bias[r] + sum_k w[r][k] * in[k]); rows of `cols` int8 weights.
static void fully_connected_mve(int8_t* out, const int8_t* w, const int8_t* in, const int32_t* bias,
                                int rows, int cols, Requantisation q) {
  for (int r = 0; r < rows; ++r) {
    const int8_t* row = w + (size_t)r * (size_t)cols;
    int32_t acc = bias[r];
    for (int k = 0; k < cols; k += 16) {
      mve_pred16_t p = vctp8q((uint32_t)(cols - k));
      acc = vmladavaq_p_s8(acc, vldrbq_z_s8(row + k, p), vldrbq_z_s8(in + k, p), p);
    }
    out[r] = requantize_one(acc, q);
  }
}

// The requantisation of one accumulator through the vector unit (lane 0 of a VQRDMULH and a
// VRSHL), so that the scalar reference below is an independent formulation.
static int8_t requantize_one(int32_t acc, Requantisation q) {
  int32x4_t x = vqrdmulhq_n_s32(vdupq_n_s32(acc), q.multiplier);
  x = vrshlq_n_s32(x, -q.right_shift);
  x = vaddq_n_s32(x, q.offset);
  x = vmaxq_s32(vminq_s32(x, vdupq_n_s32(127)), vdupq_n_s32(-128));
  return (int8_t)vgetq_lane_s32(x, 0);
}

// 3x3 convolution, valid padding, four output columns per vector (int8 widened to int32).
static void convolution_mve(int32_t out[CONV_OUT][CONV_OUT], const int8_t in[IMAGE][IMAGE],
                            const int8_t kernel[3][3]) {
  for (int y = 0; y < CONV_OUT; ++y) {
    for (int x = 0; x < CONV_OUT; x += 4) {
      int32x4_t acc = vdupq_n_s32(0);
      for (int ky = 0; ky < 3; ++ky) {
        for (int kx = 0; kx < 3; ++kx) {
          int32x4_t pixels = vldrbq_s32(&in[y + ky][x + kx]);
          acc = vmlaq_n_s32(acc, pixels, kernel[ky][kx]);
        }
      }
      vst1q_s32(&out[y][x], acc);
    }
  }
}

static void float_matrix_vector_mve(float* out, const float matrix[FLOAT_ROWS][FLOAT_COLS],
                                    const float* in) {
  for (int r = 0; r < FLOAT_ROWS; ++r) {
    float32x4_t acc = vdupq_n_f32(0.0f);
    for (int c = 0; c < FLOAT_COLS; c += 4)
      acc = vfmaq_f32(acc, vld1q_f32(&matrix[r][c]), vld1q_f32(&in[c]));
    out[r] = vgetq_lane_f32(acc, 0) + vgetq_lane_f32(acc, 1) + vgetq_lane_f32(acc, 2) +
             vgetq_lane_f32(acc, 3);
  }
}

// ---- scalar references (first iteration only) ----

SCALAR_REFERENCE static int8_t requantize_scalar(int32_t acc, Requantisation q) {
  int64_t doubled = (int64_t)acc * q.multiplier * 2 + ((int64_t)1 << 31);
  int64_t high = doubled >> 32;  // VQRDMULH; saturates only for INT32_MIN * INT32_MIN
  if (high > INT32_MAX) high = INT32_MAX;
  if (q.right_shift > 0) high = (high + ((int64_t)1 << (q.right_shift - 1))) >> q.right_shift;
  int64_t v = (int32_t)((uint32_t)high + (uint32_t)q.offset);
  return (int8_t)(v > 127 ? 127 : v < -128 ? -128 : v);
}

SCALAR_REFERENCE static void fully_connected_scalar(int8_t* out, const int8_t* w, const int8_t* in,
                                                    const int32_t* bias, int rows, int cols,
                                                    Requantisation q) {
  for (int r = 0; r < rows; ++r) {
    int32_t acc = bias[r];
    for (int k = 0; k < cols; ++k) acc += w[(size_t)r * (size_t)cols + (size_t)k] * in[k];
    out[r] = requantize_scalar(acc, q);
  }
}

SCALAR_REFERENCE static void convolution_scalar(int32_t out[CONV_OUT][CONV_OUT],
                                                const int8_t in[IMAGE][IMAGE],
                                                const int8_t kernel[3][3]) {
  for (int y = 0; y < CONV_OUT; ++y)
    for (int x = 0; x < CONV_OUT; ++x) {
      int32_t acc = 0;
      for (int ky = 0; ky < 3; ++ky)
        for (int kx = 0; kx < 3; ++kx) acc += in[y + ky][x + kx] * kernel[ky][kx];
      out[y][x] = acc;
    }
}

// Same association as the vector version: four lane sums, each fused in column order.
SCALAR_REFERENCE static void float_matrix_vector_scalar(float* out,
                                                        const float matrix[FLOAT_ROWS][FLOAT_COLS],
                                                        const float* in) {
  for (int r = 0; r < FLOAT_ROWS; ++r) {
    float lane[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    for (int c = 0; c < FLOAT_COLS; ++c)
      lane[c % 4] = __builtin_fmaf(matrix[r][c], in[c], lane[c % 4]);
    out[r] = lane[0] + lane[1] + lane[2] + lane[3];
  }
}

// ---- the benchmark ----

static const Requantisation kLayer1 = {1395864371, 10, -3};  // ~0.65 / 2^10
static const Requantisation kLayer2 = {1932735283, 9, 5};    // ~0.9 / 2^9

static void initialise(void) {
  for (int r = 0; r < FC_HIDDEN; ++r) {
    bias1[r] = (int32_t)(next_random() % 4001u) - 2000;
    for (int k = 0; k < FC_IN; ++k) weights1[r][k] = (int8_t)next_random();
  }
  for (int r = 0; r < FC_IN; ++r) {
    bias2[r] = (int32_t)(next_random() % 4001u) - 2000;
    for (int k = 0; k < FC_HIDDEN; ++k) weights2[r][k] = (int8_t)next_random();
  }
  for (int k = 0; k < FC_IN; ++k) activations_in[k] = (int8_t)next_random();
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 3; ++x) conv_kernel[y][x] = (int8_t)((int)(next_random() % 15u) - 7);
  for (int r = 0; r < FLOAT_ROWS; ++r)
    for (int c = 0; c < FLOAT_COLS; ++c)
      float_matrix[r][c] = (float)((int)(next_random() % 2001u) - 1000) / 512.0f;
}

// The image and the float input of an iteration are taken from the current activations.
static void derive_inputs(void) {
  for (int y = 0; y < IMAGE; ++y)
    for (int x = 0; x < IMAGE; ++x) image[y][x] = activations_in[(y * IMAGE + x) % FC_IN];
  for (int c = 0; c < FLOAT_COLS; ++c) float_in[c] = (float)activations_in[c] / 128.0f;
}

static int self_check(void) {
  static int8_t hidden_ref[FC_HIDDEN], out_ref[FC_IN];
  static int32_t conv_ref[CONV_OUT][CONV_OUT];
  static float float_ref[FLOAT_ROWS];
  derive_inputs();
  fully_connected_mve(hidden, &weights1[0][0], activations_in, bias1, FC_HIDDEN, FC_IN, kLayer1);
  fully_connected_mve(activations_out, &weights2[0][0], hidden, bias2, FC_IN, FC_HIDDEN, kLayer2);
  convolution_mve(conv_out, image, conv_kernel);
  float_matrix_vector_mve(float_out, float_matrix, float_in);
  fully_connected_scalar(hidden_ref, &weights1[0][0], activations_in, bias1, FC_HIDDEN, FC_IN,
                         kLayer1);
  fully_connected_scalar(out_ref, &weights2[0][0], hidden_ref, bias2, FC_IN, FC_HIDDEN, kLayer2);
  convolution_scalar(conv_ref, image, conv_kernel);
  float_matrix_vector_scalar(float_ref, float_matrix, float_in);
  int failures = 0;
  if (memcmp(hidden, hidden_ref, sizeof hidden) != 0) {
    printf("bench_mve: self-check: fully connected layer 1 differs from scalar C\n");
    ++failures;
  }
  if (memcmp(activations_out, out_ref, sizeof out_ref) != 0) {
    printf("bench_mve: self-check: fully connected layer 2 differs from scalar C\n");
    ++failures;
  }
  if (memcmp(conv_out, conv_ref, sizeof conv_ref) != 0) {
    printf("bench_mve: self-check: convolution differs from scalar C\n");
    ++failures;
  }
  if (memcmp(float_out, float_ref, sizeof float_ref) != 0) {
    printf("bench_mve: self-check: float matrix-vector product differs from scalar C\n");
    ++failures;
  }
  return failures;
}

int main(void) {
  initialise();
  int failures = self_check();
  printf("bench_mve: self-check %s\n", failures ? "FAILED" : "ok");
  uint32_t crc = 0;
  for (int i = 0; i < BENCH_ITERATIONS; ++i) {
    derive_inputs();
    fully_connected_mve(hidden, &weights1[0][0], activations_in, bias1, FC_HIDDEN, FC_IN, kLayer1);
    fully_connected_mve(activations_out, &weights2[0][0], hidden, bias2, FC_IN, FC_HIDDEN, kLayer2);
    convolution_mve(conv_out, image, conv_kernel);
    float_matrix_vector_mve(float_out, float_matrix, float_in);
    crc = crc32_update(crc, hidden, sizeof hidden);
    crc = crc32_update(crc, activations_out, sizeof activations_out);
    crc = crc32_update(crc, conv_out, sizeof conv_out);
    crc = crc32_update(crc, float_out, sizeof float_out);
    // The next iteration's input: this one's output mixed with the convolution's.
    for (int k = 0; k < FC_IN; ++k) {
      activations_in[k] =
          (int8_t)(activations_out[k] ^ (int8_t)conv_out[k / CONV_OUT % CONV_OUT][k % CONV_OUT]);
    }
  }
  printf("bench_mve checksum 0x%08lx\n", (unsigned long)crc);
  return failures ? 1 : 0;
}
