#include "tinyrps_cpu.h"

#include <arm_acle.h>
#include <stddef.h>
#include <string.h>

#include "requantize.h"
#include "tinyrps_int8.h"

// The largest feature map is 28x28x32 (after body.2).
enum { ACTIVATION_BYTES = 28 * 28 * 32 };
static int8_t activations[2][ACTIVATION_BYTES];

// Per-layer, per-output-channel, per-kernel-tap sums of the weights over the input channels, so
// that sum (x - zp) * w = sum x * w - zp * sum w and the inner loop is a plain int8 dot product.
enum { MAX_TAP_SUMS = 64 * 9 + 32 * 9 + 16 * 9 + 128 + 3 };
static int32_t tap_sums[MAX_TAP_SUMS];
static const int32_t* layer_tap_sums[TINYRPS_INT8_LAYERS];

void tinyrps_cpu_init(void) {
  int32_t* next = tap_sums;
  for (int i = 0; i < TINYRPS_INT8_LAYERS; ++i) {
    const tinyrps_int8_layer_t* layer = &tinyrps_int8_layers[i];
    if (layer->kind != 0) continue;
    layer_tap_sums[i] = next;
    const int taps = layer->kernel_h * layer->kernel_w;
    for (int oc = 0; oc < layer->out_c; ++oc) {
      for (int tap = 0; tap < taps; ++tap) {
        const int8_t* w = layer->weights + (oc * taps + tap) * layer->in_c;
        int32_t sum = 0;
        for (int ic = 0; ic < layer->in_c; ++ic) sum += w[ic];
        *next++ = sum;
      }
    }
  }
}

static inline uint32_t rotate_right_8(uint32_t value) {
  return (value >> 8) | (value << 24);
}

// sum x[i] * w[i] over n int8 values; four at a time with the DSP extension's SXTB16 (even and
// odd bytes to halfwords) and SMLAD (dual 16-bit multiply-accumulate).
static int32_t dot_int8(const int8_t* x, const int8_t* w, int n) {
  int32_t sum = 0;
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    uint32_t xs, ws;
    memcpy(&xs, x + i, 4);
    memcpy(&ws, w + i, 4);
    sum = __smlad(__sxtb16(xs), __sxtb16(ws), sum);
    sum = __smlad(__sxtb16(rotate_right_8(xs)), __sxtb16(rotate_right_8(ws)), sum);
  }
  for (; i < n; ++i) sum += (int32_t)x[i] * w[i];
  return sum;
}

// Two dot products against the same x: each input word is loaded and unpacked once.
static void dot2_int8(const int8_t* x, const int8_t* w0, const int8_t* w1, int n, int32_t* sum0,
                      int32_t* sum1) {
  int32_t s0 = 0, s1 = 0;
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    uint32_t xs, a, b;
    memcpy(&xs, x + i, 4);
    memcpy(&a, w0 + i, 4);
    memcpy(&b, w1 + i, 4);
    const int32_t x_even = __sxtb16(xs), x_odd = __sxtb16(rotate_right_8(xs));
    s0 = __smlad(x_even, __sxtb16(a), s0);
    s0 = __smlad(x_odd, __sxtb16(rotate_right_8(a)), s0);
    s1 = __smlad(x_even, __sxtb16(b), s1);
    s1 = __smlad(x_odd, __sxtb16(rotate_right_8(b)), s1);
  }
  for (; i < n; ++i) {
    s0 += (int32_t)x[i] * w0[i];
    s1 += (int32_t)x[i] * w1[i];
  }
  *sum0 = s0;
  *sum1 = s1;
}

// The widest output of a convolution or fully connected layer (head.1).
enum { MAX_OUTPUT_CHANNELS = 128 };

// acc = bias + sum over the kernel window and input channels of (x - input_zero_point) * w; taps
// in the padding contribute nothing (the padding value is the zero point). Computed as
// sum x * w - input_zero_point * sum w per tap (`sums`, one per output channel and tap).
static void conv_int8(const tinyrps_int8_layer_t* layer, const int32_t* sums, const int8_t* input,
                      int8_t* output) {
  const int in_h = layer->in_h, in_w = layer->in_w, in_c = layer->in_c, out_c = layer->out_c;
  const int kernel_w = layer->kernel_w, taps = layer->kernel_h * layer->kernel_w;
  const int32_t input_offset = -layer->input_zero_point;
  int32_t acc[MAX_OUTPUT_CHANNELS];
  for (int oy = 0; oy < layer->out_h; ++oy) {
    for (int ox = 0; ox < layer->out_w; ++ox) {
      const int base_y = oy * layer->stride_h - layer->pad_top;
      const int base_x = ox * layer->stride_w - layer->pad_left;
      for (int oc = 0; oc < out_c; ++oc) acc[oc] = layer->bias[oc];
      for (int ky = 0; ky < layer->kernel_h; ++ky) {
        const int iy = base_y + ky;
        if (iy < 0 || iy >= in_h) continue;
        for (int kx = 0; kx < kernel_w; ++kx) {
          const int ix = base_x + kx;
          if (ix < 0 || ix >= in_w) continue;
          const int tap = ky * kernel_w + kx;
          const int8_t* in = input + (iy * in_w + ix) * in_c;
          const int8_t* w = layer->weights + tap * in_c;
          const int filter_stride = taps * in_c;
          int oc = 0;
          for (; oc + 2 <= out_c; oc += 2) {
            int32_t s0, s1;
            dot2_int8(in, w + oc * filter_stride, w + (oc + 1) * filter_stride, in_c, &s0, &s1);
            acc[oc] += s0 + input_offset * sums[oc * taps + tap];
            acc[oc + 1] += s1 + input_offset * sums[(oc + 1) * taps + tap];
          }
          for (; oc < out_c; ++oc) {
            acc[oc] +=
                dot_int8(in, w + oc * filter_stride, in_c) + input_offset * sums[oc * taps + tap];
          }
        }
      }
      int8_t* out = output + (oy * layer->out_w + ox) * out_c;
      for (int oc = 0; oc < out_c; ++oc) {
        int32_t scaled =
            multiply_by_quantized_multiplier(acc[oc], layer->multiplier[oc], layer->shift[oc]);
        out[oc] = clamp_int8(scaled + layer->output_zero_point, layer->act_min, layer->act_max);
      }
    }
  }
}

static void maxpool_int8(const tinyrps_int8_layer_t* layer, const int8_t* input, int8_t* output) {
  const int in_w = layer->in_w, channels = layer->in_c;
  for (int oy = 0; oy < layer->out_h; ++oy) {
    for (int ox = 0; ox < layer->out_w; ++ox) {
      int8_t* out = output + (oy * layer->out_w + ox) * channels;
      for (int c = 0; c < channels; ++c) {
        int32_t best = -128;
        for (int ky = 0; ky < layer->kernel_h; ++ky) {
          for (int kx = 0; kx < layer->kernel_w; ++kx) {
            const int iy = oy * layer->stride_h + ky, ix = ox * layer->stride_w + kx;
            const int32_t v = input[(iy * in_w + ix) * channels + c];
            if (v > best) best = v;
          }
        }
        out[c] = clamp_int8(best, layer->act_min, layer->act_max);
      }
    }
  }
}

void tinyrps_cpu_run(const int8_t input[RPS_IMAGE_PIXELS], int8_t logits[3]) {
  if (layer_tap_sums[0] == NULL) tinyrps_cpu_init();
  const int8_t* current = input;
  for (int i = 0; i < TINYRPS_INT8_LAYERS; ++i) {
    const tinyrps_int8_layer_t* layer = &tinyrps_int8_layers[i];
    int8_t* next = activations[i & 1];
    if (layer->kind == 0) {
      conv_int8(layer, layer_tap_sums[i], current, next);
    } else {
      maxpool_int8(layer, current, next);
    }
    current = next;
  }
  memcpy(logits, current, 3);
}
