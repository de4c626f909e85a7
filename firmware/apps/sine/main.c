// The sine demo: the pipeline's sine MLP evaluated over a sweep of x in [0, 2pi] on each path
// (CPU float32, CPU int8, NPU int8), printing CSV lines `x,sin(x),prediction` per path and a
// summary line per path with the maximum absolute error and the cycles per inference.
// scripts/serial_plot.py turns this output into a PNG.
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "platform_info.h"
#include "sine_cpu.h"
#include "sine_model.h"
#include "sine_npu.h"

enum { SWEEP_POINTS = 64 };
static const float kTwoPi = 6.28318530717958647692f;

// Prints a float with six decimals through integer arithmetic (no printf float support needed).
static void print_fixed(float value) {
  long long micro = llroundf(value * 1e6f);
  if (micro < 0) {
    putchar('-');
    micro = -micro;
  }
  printf("%lld.%06lld", micro / 1000000, micro % 1000000);
}

static float sweep_x(int i) {
  return kTwoPi * (float)i / (float)(SWEEP_POINTS - 1);
}

typedef struct {
  const char* name;
  float max_abs_error;
  uint64_t cycles;  // core cycles (DWT) or NPU cycles
  unsigned count;
} path_stats_t;

static void record(path_stats_t* stats, float x, float prediction, uint32_t cycles) {
  float reference = sinf(x);
  float error = fabsf(prediction - reference);
  if (error > stats->max_abs_error) stats->max_abs_error = error;
  stats->cycles += cycles;
  ++stats->count;
  print_fixed(x);
  putchar(',');
  print_fixed(reference);
  putchar(',');
  print_fixed(prediction);
  putchar('\n');
}

static void print_summary(const path_stats_t* stats, const char* cycle_kind) {
  printf("# summary %s: points %u, max abs error ", stats->name, stats->count);
  print_fixed(stats->max_abs_error);
  printf(", %lu %s cycles per inference\n",
         (unsigned long)(stats->count ? stats->cycles / stats->count : 0), cycle_kind);
}

static void run_float(void) {
  path_stats_t stats = {"cpu-float32", 0.0f, 0, 0};
  printf("# path cpu-float32\nx,sin(x),prediction\n");
  for (int i = 0; i < SWEEP_POINTS; ++i) {
    float x = sweep_x(i);
    uint32_t start = cycle_counter_read();
    float y = sine_float_predict(x);
    uint32_t cycles = cycle_counter_read() - start;
    record(&stats, x, y, cycles);
  }
  print_summary(&stats, "CPU");
}

static void run_int8(void) {
  path_stats_t stats = {"cpu-int8", 0.0f, 0, 0};
  printf("# path cpu-int8\nx,sin(x),prediction\n");
  for (int i = 0; i < SWEEP_POINTS; ++i) {
    float x = sweep_x(i);
    uint32_t start = cycle_counter_read();
    int8_t y = sine_int8_predict(sine_quantize_input(x));
    uint32_t cycles = cycle_counter_read() - start;
    record(&stats, x, sine_dequantize_output(y), cycles);
  }
  print_summary(&stats, "CPU");
  // The C kernels against the numpy golden model's outputs for the pipeline's test points.
  int matches = 0;
  for (int i = 0; i < SINE_TEST_POINTS; ++i) {
    matches += sine_int8_predict(sine_test_x_int8[i]) == sine_test_y_int8[i];
  }
  printf("# check cpu-int8 against the golden model: %d/%d test points identical\n", matches,
         SINE_TEST_POINTS);
}

static void run_npu(void) {
  if (sine_npu_init() != 0) {
    printf("# path npu-int8 unavailable: %s\n", sine_npu_status());
    return;
  }
  path_stats_t stats = {"npu-int8", 0.0f, 0, 0};
  int identical = 0;
  printf("# path npu-int8\nx,sin(x),prediction\n");
  for (int i = 0; i < SWEEP_POINTS; ++i) {
    float x = sweep_x(i);
    int8_t xq = sine_quantize_input(x), y;
    uint32_t npu_cycles;
    if (sine_npu_predict(xq, &y, &npu_cycles) != 0) {
      printf("# npu-int8 inference failed: %s\n", sine_npu_status());
      return;
    }
    identical += y == sine_int8_predict(xq);
    record(&stats, x, sine_dequantize_output(y), npu_cycles);
  }
  print_summary(&stats, "NPU");
  printf("# check npu-int8 against cpu-int8: %d/%d points identical\n", identical, SWEEP_POINTS);
}

int main(void) {
  cycle_counter_start();
  printf("# sine MLP 1-16-16-1: %d points of x in [0, 2pi], core clock %lu Hz\n", SWEEP_POINTS,
         (unsigned long)core_clock_hz());
  run_float();
  run_int8();
  run_npu();
  return 0;
}
