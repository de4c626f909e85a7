// ubench: micro-benchmarks of the Cortex-M55 timing model. Every block is written in inline
// assembly (the compiler cannot reorder or change it), framed by two reads of DWT.CYCCNT:
//   ldr t0, [cyccnt]; <block>; ldr t1, [cyccnt]
// t1 - t0 is the first read's cycle plus the block's, so the frame's own cost is measured with an
// empty block and subtracted. Branches jump over an instruction: minifvp recognises a taken branch
// by the PC not advancing to the next instruction, so a branch to the next instruction costs as a
// not-taken one. Each result must equal the timing table's figure exactly
// (cpu/timing/m55_timing.cpp); the expected values below are derived from these constants.
#include <stdint.h>
#include <stdio.h>

#include "test_check.h"

// The table's figures (cpu/timing/m55_timing.cpp).
enum {
  kIssue = 1,       // ALU, store, branch issue
  kMulLatency = 2,  // a dependent instruction waits kMulLatency - 1 cycles
  kLoadLatency = 2,
  kTakenPenalty = 2,  // refill after a taken branch
  kFpAddF32 = 2,
};

#define CPACR (*(volatile uint32_t*)0xE000ED88u)
#define DEMCR (*(volatile uint32_t*)0xE000EDFCu)
#define DWT_CTRL (*(volatile uint32_t*)0xE0001000u)
#define DWT_CYCCNT_ADDR 0xE0001004u

// The nop gives any result the compiler's code before the frame is still waiting for (the load
// of the CYCCNT address, typically) time to arrive, so the frame's cost does not depend on it.
#define FRAME_BEGIN "nop\n ldr %[t0], [%[cyc]]\n"
#define FRAME_END "ldr %[t1], [%[cyc]]\n"
#define FRAME_OUT [t0] "=&r"(t0), [t1] "=&r"(t1)

static uint32_t frame_cost;

static uint32_t measure_empty(void) {
  uint32_t t0, t1;
  __asm__ volatile(FRAME_BEGIN FRAME_END:FRAME_OUT : [cyc] "r"(DWT_CYCCNT_ADDR) : "memory");
  return t1 - t0;
}

static uint32_t dependent_multiplies(void) {
  uint32_t t0, t1;
  __asm__ volatile("mov r0, #3\n mov r1, #5\n" FRAME_BEGIN
                   "mul r0, r0, r1\n mul r0, r0, r1\n mul r0, r0, r1\n mul r0, r0, r1\n"
                   "mul r0, r0, r1\n mul r0, r0, r1\n mul r0, r0, r1\n mul r0, r0, r1\n" FRAME_END
:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR)
                   : "r0", "r1", "memory");
  return t1 - t0 - frame_cost;
}

static uint32_t independent_multiplies(void) {
  uint32_t t0, t1;
  __asm__ volatile("mov r1, #5\n" FRAME_BEGIN
                   "mul r0, r1, r1\n mul r2, r1, r1\n mul r3, r1, r1\n mul r0, r1, r1\n"
                   "mul r2, r1, r1\n mul r3, r1, r1\n mul r0, r1, r1\n mul r2, r1, r1\n" FRAME_END
:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR)
                   : "r0", "r1", "r2", "r3", "memory");
  return t1 - t0 - frame_cost;
}

static uint32_t self_pointer;

static uint32_t load_use_chain(void) {
  uint32_t t0, t1;
  self_pointer = (uint32_t)&self_pointer;
  __asm__ volatile("mov r0, %[p]\n" FRAME_BEGIN
                   "ldr r0, [r0]\n ldr r0, [r0]\n ldr r0, [r0]\n ldr r0, [r0]\n"
                   "ldr r0, [r0]\n ldr r0, [r0]\n ldr r0, [r0]\n ldr r0, [r0]\n" FRAME_END:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR), [p] "r"(&self_pointer)
                   : "r0", "memory");
  return t1 - t0 - frame_cost;
}

static uint32_t independent_loads(void) {
  uint32_t t0, t1;
  __asm__ volatile("mov r1, %[p]\n" FRAME_BEGIN
                   "ldr r0, [r1]\n ldr r2, [r1]\n ldr r3, [r1]\n ldr r0, [r1]\n" FRAME_END:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR), [p] "r"(&self_pointer)
                   : "r0", "r1", "r2", "r3", "memory");
  return t1 - t0 - frame_cost;
}

static uint32_t taken_branches(void) {
  uint32_t t0, t1;
  __asm__ volatile(FRAME_BEGIN
                   "b.w 1f\n udf #0\n 1: b.w 2f\n udf #0\n 2: b.w 3f\n udf #0\n"
                   "3: b.w 4f\n udf #0\n 4:\n" FRAME_END:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR)
                   : "memory");
  return t1 - t0 - frame_cost;
}

static uint32_t not_taken_branches(void) {
  uint32_t t0, t1;
  __asm__ volatile(FRAME_BEGIN "cmp r0, r0\n bne.w 9f\n bne.w 9f\n bne.w 9f\n bne.w 9f\n 9:\n"
                   FRAME_END:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR)
                   : "r0", "cc", "memory");
  return t1 - t0 - frame_cost;
}

static uint32_t words[8];

static uint32_t load_multiple_2(void) {
  uint32_t t0, t1;
  __asm__ volatile("mov r0, %[p]\n" FRAME_BEGIN "ldm r0, {r1, r2}\n" FRAME_END:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR), [p] "r"(words)
                   : "r0", "r1", "r2", "memory");
  return t1 - t0 - frame_cost;
}

static uint32_t load_multiple_5(void) {
  uint32_t t0, t1;
  __asm__ volatile("mov r0, %[p]\n" FRAME_BEGIN "ldm r0, {r1, r2, r3, r4, r5}\n" FRAME_END:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR), [p] "r"(words)
                   : "r0", "r1", "r2", "r3", "r4", "r5", "memory");
  return t1 - t0 - frame_cost;
}

static uint32_t divide(uint32_t dividend, uint32_t divisor) {
  uint32_t t0, t1;
  __asm__ volatile("mov r1, %[a]\n mov r2, %[b]\n" FRAME_BEGIN "udiv r0, r1, r2\n" FRAME_END
:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR), [a] "r"(dividend), [b] "r"(divisor)
                   : "r0", "r1", "r2", "memory");
  return t1 - t0 - frame_cost;
}

static uint32_t fp_add_chain(void) {
  uint32_t t0, t1;
  __asm__ volatile(".fpu fpv5-d16\n vmov s0, %[one]\n vmov s1, %[one]\n" FRAME_BEGIN
                   "vadd.f32 s0, s0, s1\n vadd.f32 s0, s0, s1\n vadd.f32 s0, s0, s1\n"
                   "vadd.f32 s0, s0, s1\n" FRAME_END:FRAME_OUT
                   : [cyc] "r"(DWT_CYCCNT_ADDR), [one] "r"(0x3f800000u)
                   : "memory");
  return t1 - t0 - frame_cost;
}

// The timing table's divide rule (cpu/timing/m55_timing.cpp, divide_cycles).
static uint32_t table_divide(uint32_t a, uint32_t b) {
  if (b == 0 || a < b) return 2;
  const int bits = __builtin_clz(b) - __builtin_clz(a) + 1;
  const uint32_t cycles = 2 + (uint32_t)(bits + 2) / 3;
  return cycles > 11 ? 11 : cycles;
}

int main(void) {
  DEMCR |= 1u << 24;    // TRCENA
  DWT_CTRL |= 1u;       // CYCCNTENA
  CPACR |= 0xFu << 20;  // CP10, CP11 full access: the FP chain below (the image is soft-float)
  __asm__ volatile("dsb\n isb" ::: "memory");
  frame_cost = measure_empty();
  printf("frame cost %lu cycles\n", (unsigned long)frame_cost);
  CHECK_EQ(frame_cost, kIssue);

  const uint32_t dep_mul = dependent_multiplies();
  CHECK_EQ(dep_mul, 8 * kIssue + 7 * (kMulLatency - 1));
  CHECK_EQ(independent_multiplies(), 8 * kIssue);
  CHECK_EQ(load_use_chain(), 8 * kIssue + 7 * (kLoadLatency - 1));
  CHECK_EQ(independent_loads(), 4 * kIssue);
  CHECK_EQ(taken_branches(), 4 * (kIssue + kTakenPenalty));
  CHECK_EQ(not_taken_branches(), 5 * kIssue);
  CHECK_EQ(load_multiple_2(), 1 + 2);
  CHECK_EQ(load_multiple_5(), 1 + 5);
  static const uint32_t operands[][2] = {{5, 7},           {100, 3}, {1000000, 10},
                                         {0xFFFFFFFFu, 1}, {100, 0}, {0x80000000u, 0x40000000u}};
  for (unsigned i = 0; i < sizeof operands / sizeof operands[0]; ++i) {
    const uint32_t a = operands[i][0], b = operands[i][1];
    const uint32_t cycles = divide(a, b);
    printf("udiv %lu / %lu: %lu cycles\n", (unsigned long)a, (unsigned long)b,
           (unsigned long)cycles);
    CHECK_EQ(cycles, table_divide(a, b));
  }
  CHECK_EQ(table_divide(0xFFFFFFFFu, 1), 11);
  CHECK_EQ(fp_add_chain(), 4 * kFpAddF32);
  printf("dependent multiplies: %lu cycles for 8\n", (unsigned long)dep_mul);
  return test_finish("ubench");
}
