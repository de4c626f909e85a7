// Loops shaped so that gcc for Armv8.1-M emits low-overhead-branch loops (DLS/LE, WLS/LE) at -O2
// and above (the ctest checks the disassembly): counted loops with a known trip count, a
// run-time trip count including zero, nested loops and early exits.
#include <stdint.h>

#include "test_check.h"

static __attribute__((noinline)) uint32_t sum_squares(const uint32_t* data, uint32_t count) {
  uint32_t sum = 0;
  for (uint32_t i = 0; i < count; ++i) sum += data[i] * data[i];
  return sum;
}

static __attribute__((noinline)) void scale(int16_t* out, const int16_t* in, uint32_t count,
                                            int16_t factor) {
  for (uint32_t i = 0; i < count; ++i) out[i] = (int16_t)((in[i] * factor) >> 4);
}

static __attribute__((noinline)) uint32_t nested(uint32_t rows, uint32_t columns) {
  uint32_t total = 0;
  for (uint32_t r = 0; r < rows; ++r)
    for (uint32_t c = 0; c < columns; ++c) total += (r + 1) * (c ^ 5u);
  return total;
}

static __attribute__((noinline)) int32_t find_first(const uint32_t* data, uint32_t count,
                                                    uint32_t wanted) {
  for (uint32_t i = 0; i < count; ++i)
    if (data[i] == wanted) return (int32_t)i;
  return -1;
}

int main(void) {
  static uint32_t data[300];
  static int16_t in[257], out[257];
  for (uint32_t i = 0; i < 300; ++i) data[i] = i * 7u + 1u;
  for (uint32_t i = 0; i < 257; ++i) in[i] = (int16_t)(i * 100 - 12800);

  uint32_t expected = 0;
  for (uint32_t i = 0; i < 300; ++i) expected += (i * 7u + 1u) * (i * 7u + 1u);
  volatile uint32_t count = 300;
  CHECK_EQ(sum_squares(data, count), expected);
  CHECK_EQ(sum_squares(data, opaque_u32(0)), 0);  // a zero trip count must not run the body
  CHECK_EQ(sum_squares(data, opaque_u32(1)), 1);

  scale(out, in, opaque_u32(257), 3);
  unsigned wrong = 0;
  for (uint32_t i = 0; i < 257; ++i) wrong += out[i] != (int16_t)((in[i] * 3) >> 4);
  CHECK_EQ(wrong, 0);

  uint32_t nested_expected = 0;
  for (uint32_t c = 0; c < 17; ++c) nested_expected += (c ^ 5u);
  nested_expected *= 13u * 14u / 2u;  // sum over r of (r + 1)
  CHECK_EQ(nested(opaque_u32(13), opaque_u32(17)), nested_expected);
  CHECK_EQ(nested(opaque_u32(0), opaque_u32(17)), 0);

  CHECK_EQ((uint32_t)find_first(data, count, 7u * 123u + 1u), 123);
  CHECK_EQ((uint32_t)find_first(data, count, 2), (uint32_t)-1);
  return test_finish("low_overhead_loops");
}
