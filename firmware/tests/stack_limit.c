// The Armv8-M stack limit check: thread code on the process stack with PSPLIM set just below
// PSP runs a PUSH that would move SP below the limit. It takes a UsageFault with UFSR.STKOF, writes
// nothing below the limit and leaves SP where it was; the exception frame itself still fits above
// the limit. The handler (on the main stack) skips the PUSH, the test restores the main stack and
// the old limit and carries on; a PUSH that stays above the limit does not fault.
#include "exc_regs.h"
#include "test_check.h"

#define CFSR_STKOF (1u << 20)
#define CONTROL_FPCA (1u << 2)
#define CANARY 0xC0FFEE00u

static volatile uint32_t fault_ipsr, fault_cfsr, fault_frame, fault_count;

void stack_fault_record(uint32_t* frame) {
  fault_ipsr = read_ipsr();
  fault_cfsr = SCB_CFSR_RW;
  fault_frame = (uint32_t)(uintptr_t)frame;
  fault_count++;
  SCB_CFSR_RW = fault_cfsr;  // write one to clear
  const uint16_t first = *(const uint16_t*)frame[6];
  frame[6] += (first >> 11) >= 0x1Du ? 4u : 2u;  // skip a 32-bit or 16-bit instruction
}

#define FAULT_HANDLER(name)                \
  __attribute__((naked)) void name(void) { \
    __asm volatile(                        \
        "tst lr, #4\n"                     \
        "ite eq\n"                         \
        "mrseq r0, msp\n"                  \
        "mrsne r0, psp\n"                  \
        "b stack_fault_record\n");         \
  }
FAULT_HANDLER(UsageFault_Handler)
FAULT_HANDLER(HardFault_Handler)

struct attempt {
  uint32_t sp_before, sp_after, limit, canary_low, canary_high;
};

// Switches thread mode to a process stack 512 bytes below the current SP (out of the way of the
// fault handler's frames on the main stack), sets PSPLIM 8-byte-aligned `headroom`..`headroom`+7
// bytes below PSP, writes canaries in the two words under the limit, runs a 56-byte PUSH, reads
// SP, returns to the main stack and restores PSPLIM, then reads the canaries back: all in one
// block, so that no compiled code runs on the process stack.
static void push_against_limit(uint32_t headroom, struct attempt* out) {
  uint32_t sp_before, sp_after, limit, low, high;
  uint32_t old_limit;
  __asm volatile("mrs %0, psplim" : "=r"(old_limit));
  __asm volatile(
      "mov %0, sp\n"
      "sub %0, %0, #512\n"
      "bic %0, %0, #7\n"
      "sub %2, %0, %5\n"
      "bic %2, %2, #7\n"
      "str %6, [%2, #-4]\n"
      "str %6, [%2, #-8]\n"
      "msr psplim, %2\n"
      "msr psp, %0\n"
      "mrs %3, control\n"
      "orr %4, %3, #2\n"
      "msr control, %4\n"  // SPSEL: thread mode now uses PSP
      "isb\n"
      "push.w {r0-r12, lr}\n"
      "mov %1, sp\n"
      "msr control, %3\n"  // back to MSP, which the PUSH did not touch
      "isb\n"
      "msr psplim, %7\n"
      "ldr %3, [%2, #-8]\n"
      "ldr %4, [%2, #-4]\n"
      : "=&r"(sp_before), "=&r"(sp_after), "=&r"(limit), "=&r"(low), "=&r"(high)
      : "r"(headroom), "r"(CANARY), "r"(old_limit)
      : "memory");
  out->sp_before = sp_before;
  out->sp_after = sp_after;
  out->limit = limit;
  out->canary_low = low;
  out->canary_high = high;
}

int main(void) {
  SCB_SHCSR |= SHCSR_USGFAULTENA;
  // No FP context in the exception frame: the 8-word basic frame must fit above the limit.
  uint32_t control;
  __asm volatile("mrs %0, control" : "=r"(control));
  __asm volatile("msr control, %0\n isb" ::"r"(control & ~CONTROL_FPCA) : "memory");
  barrier();
  CHECK_EQ(control & 2u, 0);  // main runs on the main stack
  uint32_t initial_limit;
  __asm volatile("mrs %0, psplim" : "=r"(initial_limit));

  struct attempt a;
  fault_count = 0;
  push_against_limit(40, &a);  // 40..47 bytes of room: the 56-byte PUSH crosses the limit
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_ipsr, 6);
  CHECK_EQ(fault_cfsr, CFSR_STKOF);
  CHECK_EQ(a.sp_after, a.sp_before);  // SP did not move
  CHECK(a.limit < a.sp_before);
  CHECK(fault_frame >= a.limit);  // the exception frame was stacked above the limit, on PSP
  CHECK(fault_frame <= a.sp_before - 32);
  CHECK_EQ(a.canary_low, CANARY);  // nothing written below the limit
  CHECK_EQ(a.canary_high, CANARY);

  // 64..71 bytes of room: the PUSH fits and takes no fault.
  fault_count = 0;
  push_against_limit(64, &a);
  CHECK_EQ(fault_count, 0);
  CHECK_EQ(a.sp_after, a.sp_before - 56);
  CHECK_EQ(a.canary_low, CANARY);
  CHECK_EQ(a.canary_high, CANARY);

  uint32_t limit_now;
  __asm volatile("mrs %0, psplim" : "=r"(limit_now));
  CHECK_EQ(limit_now, initial_limit);
  return test_finish("stack_limit");
}
