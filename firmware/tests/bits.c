// Bit manipulation: CLZ, RBIT, REV, REV16, REVSH, count-trailing-zeros (RBIT+CLZ), popcount,
// rotates, bit-field extract/insert (UBFX, SBFX, BFI, BFC), compared with loop models.
#include <stdint.h>

#include "test_check.h"

static uint32_t model_clz(uint32_t x) {
  uint32_t n = 0;
  for (uint32_t bit = 0x80000000u; bit && !(x & bit); bit >>= 1) ++n;
  return n;
}
static uint32_t model_reverse_bits(uint32_t x) {
  uint32_t r = 0;
  for (int i = 0; i < 32; ++i) r |= ((x >> i) & 1u) << (31 - i);
  return r;
}
static uint32_t model_popcount(uint32_t x) {
  uint32_t n = 0;
  for (; x; x >>= 1) n += x & 1u;
  return n;
}
static uint32_t instruction_rbit(uint32_t x) {
  uint32_t r;
  __asm("rbit %0, %1" : "=r"(r) : "r"(x));
  return r;
}
static uint32_t instruction_rev16(uint32_t x) {
  uint32_t r;
  __asm("rev16 %0, %1" : "=r"(r) : "r"(x));
  return r;
}
static int32_t instruction_revsh(uint32_t x) {
  int32_t r;
  __asm("revsh %0, %1" : "=r"(r) : "r"(x));
  return r;
}

struct Fields {
  unsigned low : 5;
  signed middle : 7;
  unsigned high : 20;
};

int main(void) {
  CHECK_EQ(__builtin_clz(opaque_u32(1)), 31);
  CHECK_EQ(instruction_rbit(opaque_u32(0x12345678u)), 0x1E6A2C48u);
  CHECK_EQ(__builtin_bswap32(opaque_u32(0x12345678u)), 0x78563412u);
  CHECK_EQ(instruction_rev16(opaque_u32(0x12345678u)), 0x34127856u);
  CHECK_EQ((uint32_t)instruction_revsh(opaque_u32(0x000080FFu)), 0xFFFFFF80u);

  uint32_t x = opaque_u32(0x9E3779B9u);
  for (int i = 0; i < 500; ++i) {
    x = x * 0x01000193u + (uint32_t)i;
    uint32_t value = x >> (x & 31u);  // vary the magnitude so CLZ sees every count
    if (value != 0) {
      CHECK_EQ(__builtin_clz(value), model_clz(value));
      CHECK_EQ(__builtin_ctz(value), 31 - model_clz(value & -value));
    }
    CHECK_EQ(instruction_rbit(value), model_reverse_bits(value));
    CHECK_EQ(__builtin_popcount(value), model_popcount(value));
    CHECK_EQ(__builtin_bswap32(value),
             (value >> 24) | ((value >> 8) & 0xFF00u) | ((value << 8) & 0xFF0000u) | (value << 24));
    uint32_t rotate = x % 31u + 1u;
    CHECK_EQ((value >> rotate) | (value << (32 - rotate)),
             model_reverse_bits(model_reverse_bits(value) << rotate |
                                model_reverse_bits(value) >> (32 - rotate)));
    uint64_t wide = ((uint64_t)value << 32) | x;
    CHECK_EQ(__builtin_clzll(wide | 1u), value ? model_clz(value) : 32 + model_clz(x | 1u));

    volatile struct Fields fields;
    fields.low = value;
    fields.middle = (int)(value >> 5);
    fields.high = value >> 12;
    CHECK_EQ(fields.low, value & 31u);
    CHECK_EQ((uint32_t)(int32_t)fields.middle, (uint32_t)((int32_t)(value << 20) >> 25));
    CHECK_EQ(fields.high, (value >> 12) & 0xFFFFFu);
  }
  return test_finish("bits");
}
