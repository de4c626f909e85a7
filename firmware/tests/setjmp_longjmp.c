// setjmp/longjmp: non-local exits through several frames, the value passed (0 becomes 1), and
// callee-saved registers and locals that must survive the jump.
#include <setjmp.h>
#include <stdint.h>

#include "test_check.h"

static jmp_buf environment;
static int depth_reached;

static __attribute__((noinline)) void descend(int depth, int jump_at, int value) {
  volatile uint32_t local[8];
  for (int i = 0; i < 8; ++i) local[i] = (uint32_t)(depth * 8 + i);
  depth_reached = depth;
  if (depth == jump_at) longjmp(environment, value);
  if (depth > jump_at) return;  // not reached; bounds the recursion for the compiler
  descend(depth + 1, jump_at, value);
  CHECK_EQ(local[3], (uint32_t)(depth * 8 + 3));  // not reached when the jump happens below
}

static __attribute__((noinline)) uint32_t survive(uint32_t seed) {
  // Values live in callee-saved registers across setjmp; volatile ones live in memory.
  register uint32_t r4_candidate = seed * 3u, r5_candidate = seed ^ 0x5A5A5A5Au;
  volatile uint32_t counter = 0;
  if (setjmp(environment) < 3) {
    ++counter;
    longjmp(environment, (int)counter + 1);
  }
  return r4_candidate + r5_candidate + counter * 1000u;
}

int main(void) {
  int result = setjmp(environment);
  if (result == 0) {
    descend(0, 25, 77);
    CHECK(0);  // unreachable
  }
  CHECK_EQ(result, 77);
  CHECK_EQ(depth_reached, 25);

  volatile int rounds = 0;
  result = setjmp(environment);
  if (rounds++ == 0) longjmp(environment, 0);  // longjmp(…, 0) makes setjmp return 1
  CHECK_EQ(result, 1);
  CHECK_EQ(rounds, 2);

  uint32_t seed = opaque_u32(12345);
  CHECK_EQ(survive(seed), seed * 3u + (seed ^ 0x5A5A5A5Au) + 2000u);
  return test_finish("setjmp_longjmp");
}
