// The UsageFaults of processor state, each read back from CFSR in the handler:
//  - NOCP: an FP instruction with CPACR.CP10/CP11 denying access (the handler skips it);
//  - INVSTATE: BX to an address with bit 0 clear makes EPSR.T 0, and the next instruction faults
//    (the handler sets T in the stacked xPSR and the instruction runs again);
//  - INVPC: an SVC handler returning with EXC_RETURN "to Handler mode" although the SVC came from
//    Thread mode (ExceptionReturn's integrity check on the frame's IPSR). That return cannot be
//    resumed, so the UsageFault handler ends the test from there.
#include <stdlib.h>

#include "exc_regs.h"
#include "test_check.h"

#define SCB_CPACR REG32(0xE000ED88u)
#define CPACR_CP10_CP11_FULL (0xFu << 20)
#define UFSR_INVSTATE (1u << 17)
#define UFSR_INVPC (1u << 18)
#define UFSR_NOCP (1u << 19)
#define XPSR_T (1u << 24)
#define EXC_USAGE_FAULT 6
#define EXC_SVCALL 11

static volatile uint32_t fault_ipsr, fault_cfsr, fault_count;

void usage_fault_record(uint32_t* frame) {
  fault_ipsr = read_ipsr();
  fault_cfsr = SCB_CFSR_RW;
  fault_count++;
  SCB_CFSR_RW = fault_cfsr;  // write one to clear
  if (fault_cfsr & UFSR_INVPC) {
    // The faulting exception return left the SVC active; the test ends here.
    CHECK_EQ(fault_ipsr, EXC_USAGE_FAULT);
    CHECK_EQ(fault_cfsr, UFSR_INVPC);
    exit(test_finish("exc_usage_state"));
  }
  if (fault_cfsr & UFSR_INVSTATE) {
    frame[7] |= XPSR_T;  // resume the same instruction in Thumb state
    return;
  }
  const uint16_t first = *(const uint16_t*)frame[6];
  frame[6] += (first >> 11) >= 0x1Du ? 4u : 2u;  // skip the faulting instruction
}

__attribute__((naked)) void UsageFault_Handler(void) {
  __asm volatile(
      "tst lr, #4\n"
      "ite eq\n"
      "mrseq r0, msp\n"
      "mrsne r0, psp\n"
      "b usage_fault_record\n");
}

// Returns with EXC_RETURN 0xFFFFFFF1 (Handler mode, main stack) although the SVC was taken from
// Thread mode, so the frame's IPSR (0) contradicts the mode.
__attribute__((naked)) void SVC_Handler(void) {
  __asm volatile(
      "ldr lr, =0xFFFFFFF1\n"
      "bx lr\n"
      ".ltorg\n");
}

static void clear_record(void) {
  fault_ipsr = fault_cfsr = fault_count = 0;
}

int main(void) {
  SCB_SHCSR |= SHCSR_USGFAULTENA;
  SCB_SHPR(EXC_USAGE_FAULT) = 0x00;  // above SVCall, so it can preempt an active SVC handler
  SCB_SHPR(EXC_SVCALL) = 0x80;
  barrier();

  clear_record();
  const uint32_t cpacr = SCB_CPACR;
  SCB_CPACR = cpacr & ~CPACR_CP10_CP11_FULL;
  barrier();
  __asm volatile(".inst.w 0xee000a10" ::: "memory");  // vmov s0, r0
  SCB_CPACR = cpacr;
  barrier();
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_ipsr, EXC_USAGE_FAULT);
  CHECK_EQ(fault_cfsr, UFSR_NOCP);

  clear_record();
  __asm volatile(
      "adr r0, 1f\n"  // ADR gives the address with bit 0 clear: BX leaves Thumb state
      "bx r0\n"
      ".balign 4\n"
      "1: nop\n"
      :
      :
      : "r0", "memory");
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_cfsr, UFSR_INVSTATE);

  clear_record();
  __asm volatile("svc #0" ::: "memory");
  CHECK(0 && "the SVC handler's bad exception return must not come back here");
  return test_finish("exc_usage_state");
}
