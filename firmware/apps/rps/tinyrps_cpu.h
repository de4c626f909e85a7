// TinyRPS on the Cortex-M55 in plain C int8 kernels (convolution with zero-point padding, max
// pooling, fully connected as a 1x1 convolution), TFLite reference-kernel arithmetic, over the
// layer table the pipeline exports (firmware/generated/tinyrps_int8.c).
#ifndef MINIFVP_RPS_TINYRPS_CPU_H
#define MINIFVP_RPS_TINYRPS_CPU_H

#include <stdint.h>

#include "render.h"

// Precomputes the per-tap weight sums (done by the first run otherwise).
void tinyrps_cpu_init(void);

// Runs the network on an int8 NHWC 28x28x1 input (pixel - 128) and writes the three int8 logits.
void tinyrps_cpu_run(const int8_t input[RPS_IMAGE_PIXELS], int8_t logits[3]);

#endif
