#include "sine_cpu.h"

#include <math.h>

#include "requantize.h"
#include "sine_model.h"

static void dense_float(const float* weights, const float* bias, int in, int out, const float* x,
                        float* y, int relu) {
  for (int o = 0; o < out; ++o) {
    float acc = bias[o];
    for (int i = 0; i < in; ++i) acc += weights[o * in + i] * x[i];
    y[o] = (relu && acc < 0.0f) ? 0.0f : acc;
  }
}

float sine_float_predict(float x) {
  float h1[SINE_L1_OUT], h2[SINE_L2_OUT], y;
  dense_float(sine_l1_weight, sine_l1_bias, SINE_L1_IN, SINE_L1_OUT, &x, h1, 1);
  dense_float(sine_l2_weight, sine_l2_bias, SINE_L2_IN, SINE_L2_OUT, h1, h2, 1);
  dense_float(sine_l3_weight, sine_l3_bias, SINE_L3_IN, SINE_L3_OUT, h2, &y, 0);
  return y;
}

typedef struct {
  const int8_t* weights;
  const int32_t* bias;
  const int32_t* multiplier;
  const int8_t* shift;
  int in, out;
  int32_t input_zero_point, output_zero_point, act_min, act_max;
} int8_dense_t;

static const int8_dense_t kLayers[SINE_LAYERS] = {
    {sine_q1_weight, sine_q1_bias, sine_q1_multiplier, sine_q1_shift, SINE_L1_IN, SINE_L1_OUT,
     SINE_Q1_INPUT_ZERO_POINT, SINE_Q1_OUTPUT_ZERO_POINT, SINE_Q1_ACT_MIN, SINE_Q1_ACT_MAX},
    {sine_q2_weight, sine_q2_bias, sine_q2_multiplier, sine_q2_shift, SINE_L2_IN, SINE_L2_OUT,
     SINE_Q2_INPUT_ZERO_POINT, SINE_Q2_OUTPUT_ZERO_POINT, SINE_Q2_ACT_MIN, SINE_Q2_ACT_MAX},
    {sine_q3_weight, sine_q3_bias, sine_q3_multiplier, sine_q3_shift, SINE_L3_IN, SINE_L3_OUT,
     SINE_Q3_INPUT_ZERO_POINT, SINE_Q3_OUTPUT_ZERO_POINT, SINE_Q3_ACT_MIN, SINE_Q3_ACT_MAX},
};

static void dense_int8(const int8_dense_t* layer, const int8_t* x, int8_t* y) {
  for (int o = 0; o < layer->out; ++o) {
    int32_t acc = layer->bias[o];
    for (int i = 0; i < layer->in; ++i) {
      acc += ((int32_t)x[i] - layer->input_zero_point) * layer->weights[o * layer->in + i];
    }
    int32_t scaled = multiply_by_quantized_multiplier(acc, layer->multiplier[o], layer->shift[o]);
    y[o] = clamp_int8(scaled + layer->output_zero_point, layer->act_min, layer->act_max);
  }
}

int8_t sine_int8_predict(int8_t x) {
  int8_t h1[SINE_L1_OUT], h2[SINE_L2_OUT], y;
  dense_int8(&kLayers[0], &x, h1);
  dense_int8(&kLayers[1], h1, h2);
  dense_int8(&kLayers[2], h2, &y);
  return y;
}

int8_t sine_quantize_input(float x) {
  // numpy's round (half to even) of x / scale, plus the zero point, clamped.
  double q = nearbyint((double)x / (double)SINE_INPUT_SCALE) + SINE_INPUT_ZERO_POINT;
  return (int8_t)(q < -128.0 ? -128 : (q > 127.0 ? 127 : (int)q));
}

float sine_dequantize_output(int8_t y) {
  return (float)((int32_t)y - SINE_OUTPUT_ZERO_POINT) * SINE_OUTPUT_SCALE;
}
