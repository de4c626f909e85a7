// SVC and PendSV: an SVC that edits its caller's R0 through the stacked frame, then two threads on
// the process stack switched by a PendSV handler that saves and restores R4-R11.
#include <stdlib.h>

#include "exc_regs.h"
#include "test_check.h"

#define STACK_WORDS 512
static uint32_t stack_a[STACK_WORDS] __attribute__((aligned(8)));
static uint32_t stack_b[STACK_WORDS] __attribute__((aligned(8)));
uint32_t saved_psp[2];
uint32_t current_thread;
static volatile uint32_t count_a, count_b, svc_lr, svc_ipsr;

// SVC #1 returns its argument plus one; SVC #2 records EXC_RETURN and IPSR.
void svc_dispatch(uint32_t* frame, uint32_t exc_return) {
  const uint16_t* pc = (const uint16_t*)frame[6];
  uint32_t number = pc[-1] & 0xFFu;
  if (number == 1) frame[0] += 1;
  if (number == 2) {
    svc_lr = exc_return;
    svc_ipsr = read_ipsr();
  }
}

__attribute__((naked)) void SVC_Handler(void) {
  __asm volatile(
      "tst lr, #4\n"
      "ite eq\n"
      "mrseq r0, msp\n"
      "mrsne r0, psp\n"
      "mov r1, lr\n"
      "b svc_dispatch\n");
}

__attribute__((naked)) void PendSV_Handler(void) {
  __asm volatile(
      "mrs r0, psp\n"
      "stmdb r0!, {r4-r11}\n"
      "ldr r1, =current_thread\n"
      "ldr r2, [r1]\n"
      "ldr r3, =saved_psp\n"
      "str r0, [r3, r2, lsl #2]\n"
      "eor r2, r2, #1\n"
      "str r2, [r1]\n"
      "ldr r0, [r3, r2, lsl #2]\n"
      "ldmia r0!, {r4-r11}\n"
      "msr psp, r0\n"
      "bx lr\n");
}

static uint32_t svc_add_one(uint32_t x) {
  register uint32_t r0 __asm("r0") = x;
  __asm volatile("svc #1" : "+r"(r0)::"memory");
  return r0;
}

static void yield(void) {
  SCB_ICSR = ICSR_PENDSVSET;
  barrier();
}

static void thread_b(void) {
  for (;;) {
    count_b++;
    yield();
  }
}

static void thread_a(void) {
  uint32_t control;
  __asm volatile("mrs %0, control" : "=r"(control));
  CHECK_EQ(control & 2u, 2u);  // running on PSP
  CHECK_EQ(svc_add_one(41), 42);
  __asm volatile("svc #2" ::: "memory");
  CHECK_EQ(svc_lr, 0xFFFFFFFDu);  // Thread mode, PSP, Secure, no FP frame
  CHECK_EQ(svc_ipsr, 11);
  for (int i = 0; i < 5; ++i) {
    count_a++;
    yield();
    CHECK_EQ(count_b, count_a);  // thread B ran once per yield
  }
  exit(test_finish("exc_context_switch"));
}

int main(void) {
  SCB_SHPR(14) = 0xFF;  // PendSV lowest
  // Thread B's initial context: R4-R11 then a basic exception frame returning to thread_b.
  uint32_t* sp = &stack_b[STACK_WORDS - 16];
  for (int i = 0; i < 16; ++i) sp[i] = 0;
  sp[8 + 6] = (uint32_t)thread_b & ~1u;  // return address
  sp[8 + 7] = 1u << 24;                  // xPSR: T
  saved_psp[1] = (uint32_t)sp;
  current_thread = 0;
  start_on_psp((uint32_t)&stack_a[STACK_WORDS], thread_a);
}
