// Floating-point context across exceptions (Armv8-M ARM B3.19 "Exception entry, context
// stacking", B3.20 lazy floating-point state preservation): a thread fills S0-S31 and sets
// FPSCR, pends PendSV, and the handler overwrites every S register and FPSCR. Checked:
//  - the thread gets S0-S31 and FPSCR back (hardware stacks S0-S15 and FPSCR, the handler's
//    compiler saves S16-S31), with lazy stacking (FPCCR.LSPEN = 1: FPCCR.LSPACT set on entry,
//    the frame written at the handler's first FP instruction) and without it (LSPEN = 0);
//  - the extended frame holds the thread's S0-S15 and FPSCR, EXC_RETURN.FType is 0, and the
//    handler's FPSCR starts from FPSCR's default value (FPDSCR);
//  - a thread without FP context (CONTROL.FPCA = 0) gets a basic frame (EXC_RETURN.FType 1);
//  - in Secure state, FP use sets CONTROL.SFPA, which exception entry stacks in xPSR bit 20.
#include <stdint.h>
#include <stdio.h>

#include "test_check.h"

#define SCB_ICSR (*(volatile uint32_t*)0xE000ED04u)
#define ICSR_PENDSVSET (1u << 28)
#define FPCCR (*(volatile uint32_t*)0xE000EF34u)
#define FPDSCR (*(volatile uint32_t*)0xE000EF3Cu)
enum {
  FPCCR_LSPACT = 1u << 0,
  FPCCR_LSPEN = 1u << 30,
  FPCCR_ASPEN = 1u << 31,
  EXC_RETURN_FTYPE = 1u << 4,
  CONTROL_FPCA = 1u << 2,
  CONTROL_SFPA = 1u << 3,  // Secure FP active: set by an FP instruction in Secure state
  RETPSR_SFPA = 1u << 20,  // the stacked xPSR's copy of CONTROL_S.SFPA
  FPSCR_ROUND_TO_ZERO = 3u << 22,
  // FPSCR.LTPSIZE (Armv8.1-M): 4 = no tail predication. It must stay 4 outside tail-predicated
  // loops: a plain LE with LTPSIZE != 4 is an INVSTATE UsageFault.
  FPSCR_LTPSIZE_NONE = 4u << 16,
  FPSCR_FLAGS = 0x9Fu,
  BASIC_FRAME_WORDS = 8,  // R0-R3, R12, LR, return address, xPSR; then S0-S15, FPSCR, reserved
};

// What the handler saw, for the thread to check.
static volatile struct {
  uint32_t calls;
  uint32_t exc_return;
  uint32_t fpccr_on_entry;
  uint32_t fpccr_after_first_fp;
  uint32_t fpscr_on_entry;
  uint32_t stacked_xpsr;
  uint32_t stacked_s[16];
  uint32_t stacked_fpscr;
} seen;

static uint32_t read_fpscr(void) {
  uint32_t value;
  __asm volatile("vmrs %0, fpscr" : "=r"(value));
  return value;
}

static uint32_t read_control(void) {
  uint32_t value;
  __asm volatile("mrs %0, control" : "=r"(value));
  return value;
}

// Called by PendSV_Handler with the stack pointer at entry (the exception frame), EXC_RETURN and
// FPCCR as they were before any instruction of the handler (this function's prologue saves
// S16-S31 with VPUSH, an FP instruction that performs a pending lazy save).
void pendsv_body(const uint32_t* frame, uint32_t exc_return, uint32_t fpccr_on_entry);
void pendsv_body(const uint32_t* frame, uint32_t exc_return, uint32_t fpccr_on_entry) {
  seen.calls++;
  seen.exc_return = exc_return;
  seen.fpccr_on_entry = fpccr_on_entry;
  seen.fpscr_on_entry = read_fpscr();  // the first FP instruction: performs a pending lazy save
  seen.fpccr_after_first_fp = FPCCR;
  seen.stacked_xpsr = frame[7];
  if ((exc_return & EXC_RETURN_FTYPE) == 0) {
    for (int i = 0; i < 16; ++i) seen.stacked_s[i] = frame[BASIC_FRAME_WORDS + i];
    seen.stacked_fpscr = frame[BASIC_FRAME_WORDS + 16];
  }
  // Overwrite every S register and FPSCR (the compiler saves S16-S31, callee-saved in AAPCS).
  __asm volatile(
      "vmov.f32 s0, #-1.0\n vmov.f32 s1, s0\n vmov.f32 s2, s0\n vmov.f32 s3, s0\n"
      "vmov.f32 s4, s0\n vmov.f32 s5, s0\n vmov.f32 s6, s0\n vmov.f32 s7, s0\n"
      "vmov.f32 s8, s0\n vmov.f32 s9, s0\n vmov.f32 s10, s0\n vmov.f32 s11, s0\n"
      "vmov.f32 s12, s0\n vmov.f32 s13, s0\n vmov.f32 s14, s0\n vmov.f32 s15, s0\n"
      "vmov.f32 s16, s0\n vmov.f32 s17, s0\n vmov.f32 s18, s0\n vmov.f32 s19, s0\n"
      "vmov.f32 s20, s0\n vmov.f32 s21, s0\n vmov.f32 s22, s0\n vmov.f32 s23, s0\n"
      "vmov.f32 s24, s0\n vmov.f32 s25, s0\n vmov.f32 s26, s0\n vmov.f32 s27, s0\n"
      "vmov.f32 s28, s0\n vmov.f32 s29, s0\n vmov.f32 s30, s0\n vmov.f32 s31, s0\n"
      "vmsr fpscr, %0\n"
      :
      : "r"(FPSCR_FLAGS | FPSCR_LTPSIZE_NONE | (1u << 22))
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13",
        "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26",
        "s27", "s28", "s29", "s30", "s31");
}

__attribute__((naked)) void PendSV_Handler(void) {
  __asm volatile(
      "mov r0, sp\n"
      "mov r1, lr\n"
      "ldr r2, =0xE000EF34\n"  // FPCCR
      "ldr r2, [r2]\n"
      "push {r4, lr}\n"  // keeps the stack 8-byte aligned
      "bl pendsv_body\n"
      "pop {r4, pc}\n");
}

static uint32_t thread_s[32], returned_s[32];

// Loads S0-S31 from thread_s, pends PendSV (taken at the ISB), stores S0-S31 to returned_s.
static void round_trip_with_fp_context(void) {
  __asm volatile(
      "vldmia %[in], {s0-s31}\n"
      "str %[pend], [%[icsr]]\n"
      "dsb\n"
      "isb\n"
      "vstmia %[out], {s0-s31}\n"
      :
      : [in] "r"(thread_s), [out] "r"(returned_s), [pend] "r"(ICSR_PENDSVSET), [icsr] "r"(&SCB_ICSR)
      : "memory", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12",
        "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25",
        "s26", "s27", "s28", "s29", "s30", "s31");
}

static void check_round_trip(int lazy) {
  printf("FP context across PendSV, lazy stacking %s\n", lazy ? "on" : "off");
  FPCCR = lazy ? (FPCCR | FPCCR_ASPEN | FPCCR_LSPEN) : ((FPCCR | FPCCR_ASPEN) & ~FPCCR_LSPEN);
  for (int i = 0; i < 32; ++i)
    thread_s[i] = 0x40000000u + (uint32_t)i * 0x00101011u + (lazy ? 7u : 0u);
  uint32_t thread_fpscr = FPSCR_ROUND_TO_ZERO | FPSCR_LTPSIZE_NONE | (1u << 4);  // RZ, IXC set
  __asm volatile("vmsr fpscr, %0" : : "r"(thread_fpscr));
  uint32_t calls = seen.calls;
  round_trip_with_fp_context();
  CHECK_EQ(seen.calls, calls + 1);
  CHECK_EQ(read_fpscr(), thread_fpscr);
  // The firmware runs in Secure state (Corstone-300 boots Secure): an FP instruction sets
  // CONTROL_S.SFPA as well as FPCA, and exception entry stacks SFPA in the xPSR's bit 20.
  CHECK_EQ(read_control() & (CONTROL_FPCA | CONTROL_SFPA), CONTROL_FPCA | CONTROL_SFPA);
  CHECK_EQ(seen.stacked_xpsr & RETPSR_SFPA, RETPSR_SFPA);
  for (int i = 0; i < 32; ++i) CHECK_EQ(returned_s[i], thread_s[i]);
  CHECK_EQ(seen.exc_return & EXC_RETURN_FTYPE, 0);
  CHECK_EQ(seen.fpccr_on_entry & FPCCR_LSPACT, lazy ? FPCCR_LSPACT : 0);
  CHECK_EQ(seen.fpccr_after_first_fp & FPCCR_LSPACT, 0);
  // A new FP context: AHP, DN, FZ and RMode from FPDSCR, no tail predication.
  CHECK_EQ(seen.fpscr_on_entry, (FPDSCR & 0x07C00000u) | FPSCR_LTPSIZE_NONE);
  for (int i = 0; i < 16; ++i) CHECK_EQ(seen.stacked_s[i], thread_s[i]);
  CHECK_EQ(seen.stacked_fpscr, thread_fpscr);
  __asm volatile("vmsr fpscr, %0" : : "r"(FPSCR_LTPSIZE_NONE));
}

static void check_without_fp_context(void) {
  printf("PendSV from a thread without FP context\n");
  uint32_t control = read_control() & ~CONTROL_FPCA;
  uint32_t calls = seen.calls;
  __asm volatile(
      "msr control, %[control]\n"
      "isb\n"
      "str %[pend], [%[icsr]]\n"
      "dsb\n"
      "isb\n"
      :
      : [control] "r"(control), [pend] "r"(ICSR_PENDSVSET), [icsr] "r"(&SCB_ICSR)
      : "memory");
  CHECK_EQ(seen.calls, calls + 1);
  CHECK_EQ(seen.exc_return & EXC_RETURN_FTYPE, EXC_RETURN_FTYPE);
  CHECK_EQ(seen.fpccr_on_entry & FPCCR_LSPACT, 0);
}

int main(void) {
  check_round_trip(1);
  check_round_trip(0);
  check_without_fp_context();
  return test_finish("fp_context");
}
