// The sine MLP (1-16-16-1, ReLU) on the CPU: float32 with the trained weights, and int8 with the
// TFLite fully-connected arithmetic of the quantized model (same rounding as the golden model).
#ifndef MINIFVP_SINE_CPU_H
#define MINIFVP_SINE_CPU_H

#include <stdint.h>

float sine_float_predict(float x);
// int8 input (x quantized with SINE_INPUT_SCALE / SINE_INPUT_ZERO_POINT) to int8 output.
int8_t sine_int8_predict(int8_t x);
int8_t sine_quantize_input(float x);
float sine_dequantize_output(int8_t y);

#endif
