// Scalar floating point with the hard-float ABI (S and D registers, FPv5 double precision on the
// Cortex-M55): arithmetic, fused multiply-add, square root, conversions, half precision, rounding
// modes, NaN propagation and the FPSCR cumulative exception flags, checked against the IEEE 754
// results (exact bit patterns worked out by hand; comments give the reasoning) and libm values
// to a tolerance.
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "test_check.h"

static uint32_t bits32(float f) {
  uint32_t b;
  memcpy(&b, &f, sizeof b);
  return b;
}
static uint64_t bits64(double d) {
  uint64_t b;
  memcpy(&b, &d, sizeof b);
  return b;
}
static float f32(uint32_t b) {
  float f;
  memcpy(&f, &b, sizeof f);
  return f;
}

// Values hidden from the optimiser, so that the operations happen at run time on the FPU.
__attribute__((noinline)) static float opaque_f32(float v) {
  __asm volatile("" : "+t"(v));
  return v;
}
__attribute__((noinline)) static double opaque_f64(double v) {
  __asm volatile("" : "+w"(v));
  return v;
}

static uint32_t read_fpscr(void) {
  uint32_t value;
  __asm volatile("vmrs %0, fpscr" : "=r"(value));
  return value;
}
static void write_fpscr(uint32_t value) {
  __asm volatile("vmsr fpscr, %0" : : "r"(value));
}
enum {
  FPSCR_IOC = 1u << 0,
  FPSCR_DZC = 1u << 1,
  FPSCR_OFC = 1u << 2,
  FPSCR_UFC = 1u << 3,
  FPSCR_IXC = 1u << 4,
  FPSCR_FLAGS = 0x9Fu,
  FPSCR_RMODE_SHIFT = 22,
};

static void test_single(void) {
  CHECK_EQ(bits32(opaque_f32(1.0f) / opaque_f32(3.0f)), 0x3EAAAAABu);  // 1/3 rounds up
  CHECK_EQ(bits32(opaque_f32(0.1f) + opaque_f32(0.2f)), 0x3E99999Au);
  CHECK_EQ(bits32(opaque_f32(3.0f) * opaque_f32(-7.5f)), 0xC1B40000u);  // -22.5
  CHECK_EQ(bits32(sqrtf(opaque_f32(2.0f))), 0x3FB504F3u);
  CHECK_EQ(bits32(sqrtf(opaque_f32(16.0f))), 0x40800000u);
  // x = 1 + 2^-23: x*x = 1 + 2^-22 + 2^-46 rounds to 1 + 2^-22; the fused form keeps 2^-46.
  float x = opaque_f32(f32(0x3F800001u));
  float rounded = x * x;
  CHECK_EQ(bits32(rounded), 0x3F800002u);
  CHECK_EQ(bits32(fmaf(x, x, -rounded)), 0x28800000u);  // 2^-46
  // Denormals are kept (FPSCR.FZ = 0): FLT_MIN / 4 = 2^-128.
  CHECK_EQ(bits32(opaque_f32(f32(0x00800000u)) / opaque_f32(4.0f)), 0x00200000u);
  CHECK_EQ(bits32(fabsf(opaque_f32(-0.0f))), 0);
  CHECK_EQ(bits32(-opaque_f32(0.0f)), 0x80000000u);
  CHECK_EQ(bits32(fmaxf(opaque_f32(-1.0f), opaque_f32(NAN))), 0xBF800000u);  // maxNum
  CHECK_EQ(bits32(floorf(opaque_f32(-2.5f))), 0xC0400000u);                  // -3
  CHECK_EQ(bits32(roundf(opaque_f32(2.5f))), 0x40400000u);                   // 3: ties away
  CHECK_EQ(bits32(rintf(opaque_f32(2.5f))), 0x40000000u);                    // 2: ties even
  CHECK_EQ(bits32(truncf(opaque_f32(-2.7f))), 0xC0000000u);                  // -2
}

static void test_double(void) {
  CHECK_EQ(bits64(opaque_f64(1.0) / opaque_f64(3.0)), 0x3FD5555555555555ull);
  CHECK_EQ(bits64(opaque_f64(0.1) + opaque_f64(0.2)), 0x3FD3333333333334ull);
  CHECK_EQ(bits64(sqrt(opaque_f64(2.0))), 0x3FF6A09E667F3BCDull);
  // x = 1 + 2^-52: x*x rounds to 1 + 2^-51, the fused remainder is 2^-104.
  double x = opaque_f64(1.0 + 0x1p-52);
  double rounded = x * x;
  CHECK_EQ(bits64(rounded), 0x3FF0000000000002ull);
  CHECK_EQ(bits64(fma(x, x, -rounded)), 0x3970000000000000ull);                      // 2^-104
  CHECK_EQ(bits64(opaque_f64(-1.5e300) * opaque_f64(1e10)), 0xFFF0000000000000ull);  // -inf
  CHECK_EQ(bits64(floor(opaque_f64(-0.5))), 0xBFF0000000000000ull);
}

static void test_conversions(void) {
  CHECK_EQ((int32_t)opaque_f32(-2.7f), -2);
  CHECK_EQ((uint32_t)opaque_f32(3.9f), 3);
  CHECK_EQ((int32_t)opaque_f64(-123456789.9), -123456789);
  CHECK_EQ(bits32((float)opaque_f64(0.1)), 0x3DCCCCCDu);
  CHECK_EQ(bits64((double)opaque_f32(0.1f)), 0x3FB99999A0000000ull);
  CHECK_EQ(bits32((float)(int32_t)opaque_u32(16777217u)), 0x4B800000u);  // ties to even
  CHECK_EQ(bits32((float)opaque_u32(0xFFFFFFFFu)), 0x4F800000u);         // 2^32
  CHECK_EQ(bits64((double)(int32_t)opaque_u32(0x80000000u)), 0xC1E0000000000000ull);
  CHECK_EQ(bits64((double)(int64_t)opaque_u64(0x7FFFFFFFFFFFFFFFull)), 0x43E0000000000000ull);
  // Half precision (VCVTB): 0.1 is 0x2E66 in binary16, 0x3DCCC000 back in binary32.
  __fp16 half = (__fp16)opaque_f32(0.1f);
  uint16_t half_bits;
  memcpy(&half_bits, &half, sizeof half_bits);
  CHECK_EQ(half_bits, 0x2E66u);
  CHECK_EQ(bits32((float)half), 0x3DCCC000u);
  __fp16 big = (__fp16)opaque_f32(70000.0f);  // beyond binary16's 65504: infinity (IEEE format)
  memcpy(&half_bits, &big, sizeof half_bits);
  CHECK_EQ(half_bits, 0x7C00u);
}

static void test_fpscr(void) {
  uint32_t saved = read_fpscr();
  // Round towards zero (RMode 0b11): 1/3 rounds down, and back to nearest.
  write_fpscr((saved & ~(3u << FPSCR_RMODE_SHIFT)) | (3u << FPSCR_RMODE_SHIFT));
  CHECK_EQ(bits32(opaque_f32(1.0f) / opaque_f32(3.0f)), 0x3EAAAAAAu);
  CHECK_EQ(bits32(opaque_f32(-1.0f) / opaque_f32(3.0f)), 0xBEAAAAAAu);
  // Round towards minus infinity (0b10): -1/3 rounds away from zero.
  write_fpscr((saved & ~(3u << FPSCR_RMODE_SHIFT)) | (2u << FPSCR_RMODE_SHIFT));
  CHECK_EQ(bits32(opaque_f32(-1.0f) / opaque_f32(3.0f)), 0xBEAAAAABu);
  write_fpscr(saved & ~(3u << FPSCR_RMODE_SHIFT));

  // Cumulative exception flags.
  write_fpscr(read_fpscr() & ~FPSCR_FLAGS);
  volatile float r = opaque_f32(1.0f) / opaque_f32(0.0f);
  CHECK_EQ(bits32(r), 0x7F800000u);
  CHECK_EQ(read_fpscr() & FPSCR_FLAGS, FPSCR_DZC);
  write_fpscr(read_fpscr() & ~FPSCR_FLAGS);
  r = opaque_f32(1.0f) / opaque_f32(3.0f);
  CHECK_EQ(read_fpscr() & FPSCR_FLAGS, FPSCR_IXC);
  write_fpscr(read_fpscr() & ~FPSCR_FLAGS);
  r = opaque_f32(3e38f) * opaque_f32(10.0f);
  CHECK_EQ(bits32(r), 0x7F800000u);
  CHECK_EQ(read_fpscr() & FPSCR_FLAGS, FPSCR_OFC | FPSCR_IXC);
  write_fpscr(read_fpscr() & ~FPSCR_FLAGS);
  r = opaque_f32(f32(0x00800000u)) / opaque_f32(3.0f);  // 2^-126 / 3: tiny and inexact
  CHECK_EQ(read_fpscr() & FPSCR_FLAGS, FPSCR_UFC | FPSCR_IXC);
  // Signalling NaN: quietened with its payload kept, Invalid Operation raised.
  write_fpscr(read_fpscr() & ~FPSCR_FLAGS);
  r = opaque_f32(f32(0x7F812345u)) + opaque_f32(1.0f);
  CHECK_EQ(bits32(r), 0x7FC12345u);
  CHECK_EQ(read_fpscr() & FPSCR_FLAGS, FPSCR_IOC);
  // Default NaN mode (FPSCR.DN): the same operation gives the default NaN.
  write_fpscr((read_fpscr() & ~FPSCR_FLAGS) | (1u << 25));
  r = opaque_f32(f32(0x7F812345u)) + opaque_f32(1.0f);
  CHECK_EQ(bits32(r), 0x7FC00000u);
  // Flush-to-zero (FPSCR.FZ): a denormal operand counts as zero, input-denormal flag IDC.
  write_fpscr((read_fpscr() & ~(FPSCR_FLAGS | (1u << 25))) | (1u << 24));
  r = opaque_f32(f32(0x00000005u)) + opaque_f32(0.0f);
  CHECK_EQ(bits32(r), 0);
  CHECK_EQ(read_fpscr() & FPSCR_FLAGS, 1u << 7);
  write_fpscr(saved & ~FPSCR_FLAGS);
  (void)r;
}

static void test_libm(void) {
  CHECK(fabsf(sinf(opaque_f32(0.5f)) - 0.4794255386f) < 1e-6f);
  CHECK(fabsf(expf(opaque_f32(1.0f)) - 2.7182818285f) < 1e-6f);
  CHECK(fabs(log(opaque_f64(10.0)) - 2.302585092994046) < 1e-15);
  CHECK(fabs(atan2(opaque_f64(1.0), opaque_f64(1.0)) * 4.0 - 3.141592653589793) < 1e-15);
  CHECK(fabs(pow(opaque_f64(2.0), opaque_f64(0.5)) - 1.4142135623730951) < 1e-15);
  char text[32];
  snprintf(text, sizeof text, "%.6f %.3e", opaque_f64(3.14159265358979), (double)opaque_f32(1e-3f));
  CHECK_STR(text, "3.141593 1.000e-03");
}

int main(void) {
  test_single();
  test_double();
  test_conversions();
  test_fpscr();
  test_libm();
  return test_finish("fp_hard");
}
