// DSP extension instructions through the ACLE intrinsics of arm_acle.h (SSAT, USAT, QADD, QSUB,
// QDBL, SMLAD, SMUAD, SMLSD, SMLALD, SADD16, QADD8, UQSUB8, USAD8, SEL, SMLABB, SMLAWB, the
// saturation (Q) flag), each compared with a plain C model over pseudo-random operands, plus a
// few fixed cases that pin the model itself.
#include <arm_acle.h>
#include <stdint.h>

#include "test_check.h"

static uint32_t lcg_state = 12345;
static uint32_t next_random(void) {
  lcg_state = lcg_state * 1664525u + 1013904223u;
  // Mix in corner values often: saturation happens at the extremes.
  switch ((lcg_state >> 28) & 7u) {
    case 0:
      return 0x7FFFFFFFu ^ (lcg_state & 0x3u);
    case 1:
      return 0x80000000u | (lcg_state & 0x3u);
    case 2:
      return 0x7FFF8000u ^ (lcg_state & 0x00010001u);
    default:
      return lcg_state ^ (lcg_state << 7);
  }
}

static int32_t saturate_signed(int64_t value, unsigned bits) {
  int64_t max = ((int64_t)1 << (bits - 1)) - 1, min = -((int64_t)1 << (bits - 1));
  return (int32_t)(value > max ? max : value < min ? min : value);
}
static uint32_t saturate_unsigned(int64_t value, unsigned bits) {
  int64_t max = ((int64_t)1 << bits) - 1;
  return (uint32_t)(value > max ? max : value < 0 ? 0 : value);
}
static int16_t half(uint32_t word, unsigned index) {
  return (int16_t)(word >> (16 * index));
}
static int8_t byte_s(uint32_t word, unsigned index) {
  return (int8_t)(word >> (8 * index));
}
static uint8_t byte_u(uint32_t word, unsigned index) {
  return (uint8_t)(word >> (8 * index));
}

static void check_pair(uint32_t a, uint32_t b, uint32_t c) {
  int32_t sa = (int32_t)a, sb = (int32_t)b, sc = (int32_t)c;
  CHECK_EQ((uint32_t)__ssat(sa, 16), (uint32_t)saturate_signed(sa, 16));
  CHECK_EQ((uint32_t)__ssat(sa, 8), (uint32_t)saturate_signed(sa, 8));
  CHECK_EQ((uint32_t)__ssat(sa, 1), (uint32_t)saturate_signed(sa, 1));
  CHECK_EQ(__usat(sa, 8), saturate_unsigned(sa, 8));
  CHECK_EQ(__usat(sa, 31), saturate_unsigned(sa, 31));
  CHECK_EQ((uint32_t)__qadd(sa, sb), (uint32_t)saturate_signed((int64_t)sa + sb, 32));
  CHECK_EQ((uint32_t)__qsub(sa, sb), (uint32_t)saturate_signed((int64_t)sa - sb, 32));
  CHECK_EQ((uint32_t)__qdbl(sa), (uint32_t)saturate_signed((int64_t)sa * 2, 32));

  int64_t dual = (int64_t)half(a, 0) * half(b, 0) + (int64_t)half(a, 1) * half(b, 1);
  int64_t dual_diff = (int64_t)half(a, 0) * half(b, 0) - (int64_t)half(a, 1) * half(b, 1);
  CHECK_EQ((uint32_t)__smlad(a, b, sc), (uint32_t)(int32_t)(dual + sc));
  CHECK_EQ((uint32_t)__smuad(a, b), (uint32_t)(int32_t)dual);
  CHECK_EQ((uint32_t)__smlsd(a, b, sc), (uint32_t)(int32_t)(dual_diff + sc));
  int64_t acc64 = (int64_t)(((uint64_t)c << 32) | b);
  CHECK_EQ((uint64_t)__smlald(a, b, acc64), (uint64_t)(acc64 + dual));
  CHECK_EQ((uint32_t)__smlabb(sa, sb, sc),
           (uint32_t)(int32_t)((int64_t)half(a, 0) * half(b, 0) + sc));
  CHECK_EQ((uint32_t)__smlawb(sa, sb, sc),
           (uint32_t)(int32_t)((((int64_t)sa * half(b, 0)) >> 16) + sc));

  uint32_t sum16 = (uint32_t)(uint16_t)(half(a, 0) + half(b, 0)) |
                   (uint32_t)(uint16_t)(half(a, 1) + half(b, 1)) << 16;
  CHECK_EQ((uint32_t)__sadd16(a, b), sum16);
  uint32_t qsum8 = 0, uqdiff8 = 0, sad = 0;
  for (unsigned i = 0; i < 4; ++i) {
    qsum8 |= (uint32_t)(uint8_t)saturate_signed(byte_s(a, i) + byte_s(b, i), 8) << (8 * i);
    uqdiff8 |= saturate_unsigned((int)byte_u(a, i) - byte_u(b, i), 8) << (8 * i);
    sad += (uint32_t)(byte_u(a, i) > byte_u(b, i) ? byte_u(a, i) - byte_u(b, i)
                                                  : byte_u(b, i) - byte_u(a, i));
  }
  CHECK_EQ((uint32_t)__qadd8(a, b), qsum8);
  CHECK_EQ((uint32_t)__uqsub8(a, b), uqdiff8);
  CHECK_EQ(__usad8(a, b), sad);

  // SEL picks bytes by the GE flags of the preceding UADD8/USUB8: after USUB8 a-b, GE[i] is set
  // where byte a[i] >= b[i], so SEL(a, b) is the byte-wise maximum.
  __usub8(a, b);
  uint32_t selected = __sel(a, b);
  uint32_t maximum = 0;
  for (unsigned i = 0; i < 4; ++i)
    maximum |= (uint32_t)(byte_u(a, i) >= byte_u(b, i) ? byte_u(a, i) : byte_u(b, i)) << (8 * i);
  CHECK_EQ(selected, maximum);
}

int main(void) {
  // Fixed cases.
  CHECK_EQ((uint32_t)__ssat((int32_t)opaque_u32(40000), 16), 32767u);
  CHECK_EQ((uint32_t)__ssat((int32_t)opaque_u32((uint32_t)-40000), 16), (uint32_t)-32768);
  CHECK_EQ(__usat((int32_t)opaque_u32((uint32_t)-5), 8), 0u);
  CHECK_EQ(__usat((int32_t)opaque_u32(300), 8), 255u);
  CHECK_EQ((uint32_t)__qadd((int32_t)opaque_u32(0x7FFFFFF0u), 0x20), 0x7FFFFFFFu);
  CHECK_EQ((uint32_t)__smlad(opaque_u32(0x00030002u), 0x00050004u, 1), 3u * 5 + 2 * 4 + 1);

  // The Q flag: sticky, set by a saturating operation, cleared explicitly.
  __set_saturation_occurred(0);
  CHECK_EQ(__saturation_occurred(), 0);
  volatile int32_t no_saturation = __qadd((int32_t)opaque_u32(1), 2);
  (void)no_saturation;
  CHECK_EQ(__saturation_occurred(), 0);
  volatile int32_t saturated = __qadd((int32_t)opaque_u32(0x7FFFFFFFu), 1);
  (void)saturated;
  CHECK_EQ(__saturation_occurred(), 1);
  __set_saturation_occurred(0);
  CHECK_EQ(__saturation_occurred(), 0);

  for (int i = 0; i < 300; ++i) check_pair(next_random(), next_random(), next_random());
  return test_finish("dsp_acle");
}
