/* Host-side check of the generated sine_model.c: runs the float and the int8 networks from the
 * exported arrays and compares them with the test points the pipeline recorded. Exit code 0 on
 * agreement. Built and run by test_pipeline_quick.py. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "sine_model.h"

static void dense_float(const float* w, const float* b, int in, int out, const float* x, float* y,
                        int relu) {
  for (int o = 0; o < out; ++o) {
    float acc = b[o];
    for (int i = 0; i < in; ++i) acc += w[o * in + i] * x[i];
    y[o] = (relu && acc < 0.0f) ? 0.0f : acc;
  }
}

/* TFLite MultiplyByQuantizedMultiplier with double rounding. */
static int32_t srdhm(int32_t a, int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
  int64_t ab = (int64_t)a * (int64_t)b;
  int64_t nudge = ab >= 0 ? (1LL << 30) : (1 - (1LL << 30));
  return (int32_t)((ab + nudge) / (1LL << 31));
}

static int32_t rdbpot(int32_t x, int e) {
  int32_t mask = (int32_t)((1LL << e) - 1);
  int32_t remainder = x & mask;
  int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> e) + (remainder > threshold ? 1 : 0);
}

static int32_t requantize(int32_t acc, int32_t multiplier, int shift) {
  int left = shift > 0 ? shift : 0;
  int right = shift > 0 ? 0 : -shift;
  return rdbpot(srdhm(acc * (1 << left), multiplier), right);
}

static void dense_int8(const int8_t* w, const int32_t* b, const int32_t* m, const int8_t* s, int in,
                       int out, int in_zp, int out_zp, int lo, int hi, const int8_t* x, int8_t* y) {
  for (int o = 0; o < out; ++o) {
    int32_t acc = b[o];
    for (int i = 0; i < in; ++i) acc += (int32_t)(x[i] - in_zp) * w[o * in + i];
    int32_t v = requantize(acc, m[o], s[o]) + out_zp;
    y[o] = (int8_t)(v < lo ? lo : v > hi ? hi : v);
  }
}

int main(void) {
  int failures = 0;
  for (int t = 0; t < SINE_TEST_POINTS; ++t) {
    float h1[SINE_L1_OUT], h2[SINE_L2_OUT], yf[SINE_L3_OUT];
    dense_float(sine_l1_weight, sine_l1_bias, SINE_L1_IN, SINE_L1_OUT, &sine_test_x[t], h1, 1);
    dense_float(sine_l2_weight, sine_l2_bias, SINE_L2_IN, SINE_L2_OUT, h1, h2, 1);
    dense_float(sine_l3_weight, sine_l3_bias, SINE_L3_IN, SINE_L3_OUT, h2, yf, 0);
    if (fabsf(yf[0] - sine_test_y_float[t]) > 1e-4f) {
      printf("float mismatch at %d: %f vs %f\n", t, (double)yf[0], (double)sine_test_y_float[t]);
      ++failures;
    }
    int8_t q1[SINE_L1_OUT], q2[SINE_L2_OUT], yq[SINE_L3_OUT];
    dense_int8(sine_q1_weight, sine_q1_bias, sine_q1_multiplier, sine_q1_shift, SINE_L1_IN,
               SINE_L1_OUT, SINE_Q1_INPUT_ZERO_POINT, SINE_Q1_OUTPUT_ZERO_POINT, SINE_Q1_ACT_MIN,
               SINE_Q1_ACT_MAX, &sine_test_x_int8[t], q1);
    dense_int8(sine_q2_weight, sine_q2_bias, sine_q2_multiplier, sine_q2_shift, SINE_L2_IN,
               SINE_L2_OUT, SINE_Q2_INPUT_ZERO_POINT, SINE_Q2_OUTPUT_ZERO_POINT, SINE_Q2_ACT_MIN,
               SINE_Q2_ACT_MAX, q1, q2);
    dense_int8(sine_q3_weight, sine_q3_bias, sine_q3_multiplier, sine_q3_shift, SINE_L3_IN,
               SINE_L3_OUT, SINE_Q3_INPUT_ZERO_POINT, SINE_Q3_OUTPUT_ZERO_POINT, SINE_Q3_ACT_MIN,
               SINE_Q3_ACT_MAX, q2, yq);
    if (yq[0] != sine_test_y_int8[t]) {
      printf("int8 mismatch at %d: %d vs %d\n", t, yq[0], sine_test_y_int8[t]);
      ++failures;
    }
  }
  return failures != 0;
}
