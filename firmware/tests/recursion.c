// Deep and mutual recursion: stack frames, PUSH/POP of many registers, return paths through LR.
#include <stdint.h>

#include "test_check.h"

static __attribute__((noinline)) uint32_t ackermann(uint32_t m, uint32_t n) {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

static __attribute__((noinline)) uint64_t fibonacci(uint32_t n) {
  return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
}

static uint32_t hanoi_moves;
static uint32_t hanoi_checksum;
static __attribute__((noinline)) void hanoi(uint32_t disks, uint32_t from, uint32_t to,
                                            uint32_t spare) {
  if (disks == 0) return;
  hanoi(disks - 1, from, spare, to);
  ++hanoi_moves;
  hanoi_checksum = hanoi_checksum * 7u + from * 3u + to;
  hanoi(disks - 1, spare, to, from);
}

static int is_odd(uint32_t n);
static __attribute__((noinline)) int is_even(uint32_t n) {
  return n == 0 ? 1 : is_odd(n - 1);
}
static __attribute__((noinline)) int is_odd(uint32_t n) {
  return n == 0 ? 0 : is_even(n - 1);
}

// Many arguments: the fifth onwards are passed on the stack (AAPCS).
static __attribute__((noinline)) uint64_t many_arguments(uint32_t a, uint64_t b, uint32_t c,
                                                         uint32_t d, uint64_t e, uint32_t f,
                                                         uint32_t depth) {
  if (depth == 0) return a + b + c + d + e + f;
  return many_arguments(b >> 32 ? a + 1 : a, b + 1, c ^ 1, d, e * 2, f + depth, depth - 1) + 1;
}

int main(void) {
  CHECK_EQ(ackermann(2, opaque_u32(3)), 9);
  CHECK_EQ(ackermann(3, opaque_u32(5)), 253);
  CHECK_EQ(fibonacci(opaque_u32(24)), 46368);
  hanoi(opaque_u32(12), 1, 3, 2);
  CHECK_EQ(hanoi_moves, 4095);
  CHECK(is_even(opaque_u32(3000)));
  CHECK(is_odd(opaque_u32(2001)));
  uint64_t sum = many_arguments(1, 0xFFFFFFFFull, 3, 4, 5, 6, opaque_u32(20));
  // b crosses 2^32 after one step, a grows by one per step from then on; e doubles 20 times.
  CHECK_EQ(sum,
           (1u + 19u) + (0xFFFFFFFFull + 20) + 3u + 4u + 5ull * (1u << 20) + (6u + 210u) + 20u);
  return test_finish("recursion");
}
