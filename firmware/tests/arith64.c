// 64-bit and 32-bit integer arithmetic as the compiler lowers it: UMULL/SMULL, long division
// through libgcc (__aeabi_ldivmod/__aeabi_uldivmod), SDIV/UDIV, shifts across the word boundary.
#include <stdint.h>

#include "test_check.h"

int main(void) {
  uint64_t a = opaque_u64(0x123456789ABCDEF0ull), b = opaque_u64(0x0FEDCBA987654321ull);
  CHECK_EQ(a + b, 0x2222222222222211ull);
  CHECK_EQ(a - b, 0x02468ACF13579BCFull);
  CHECK_EQ(a * b, 0x2236D88FE5618CF0ull);
  CHECK_EQ(a / opaque_u64(1000003), 1311764532170ull);
  CHECK_EQ(a % opaque_u64(1000003), 193810ull);
  CHECK_EQ(a >> opaque_u32(36), 0x1234567ull);
  CHECK_EQ(a << opaque_u32(28), 0x89ABCDEF00000000ull);
  CHECK_EQ(a >> opaque_u32(4), 0x0123456789ABCDEFull);

  int64_t sa = (int64_t)opaque_u64((uint64_t)-9000000000000000001ll);
  CHECK_EQ(sa / 7, (uint64_t)-1285714285714285714ll);
  CHECK_EQ(sa % 7, (uint64_t)-3ll);
  CHECK_EQ(sa >> 40, (uint64_t)-8185453ll);
  CHECK_EQ(sa / (int64_t)opaque_u64((uint64_t)-3), 3000000000000000000ll);

  uint32_t x = opaque_u32(0xFFFFFFF0u), y = opaque_u32(0x12345u);
  CHECK_EQ((uint64_t)x * y, 0x12344FFEDCBB0ull);                      // UMULL
  CHECK_EQ((int64_t)(int32_t)x * (int32_t)y, (uint64_t)-0x123450ll);  // SMULL
  CHECK_EQ(x / y, 0xE100u);
  CHECK_EQ(x % y, 0x5AF0u);
  int32_t sx = (int32_t)opaque_u32((uint32_t)-1000001);
  CHECK_EQ((uint32_t)(sx / 1000), (uint32_t)-1000);
  CHECK_EQ((uint32_t)(sx % 1000), (uint32_t)-1);
  CHECK_EQ((uint32_t)(sx / (int32_t)opaque_u32(7)), (uint32_t)-142857);
  CHECK_EQ((uint32_t)(INT32_MIN / (int32_t)opaque_u32(1)), (uint32_t)INT32_MIN);

  // Multiply-accumulate chains (MLA, MLS, UMLAL).
  uint32_t accumulator = opaque_u32(5);
  for (uint32_t i = 1; i <= 100; ++i) accumulator = accumulator * 3u + i;
  CHECK_EQ(accumulator, 0x678271BFu);
  uint64_t wide = 0;
  for (uint32_t i = 0; i < 64; ++i) wide += (uint64_t)opaque_u32(0xDEADBEEFu ^ i) * (i + 1);
  CHECK_EQ(wide, 0x71143AEA2A0ull);
  return test_finish("arith64");
}
