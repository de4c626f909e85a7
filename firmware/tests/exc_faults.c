// Fault handlers reading the fault status registers: UNDEFINSTR, UNALIGNED (LDR with UNALIGN_TRP,
// LDRD always), DIVBYZERO (DIV_0_TRP), a precise BusFault with BFAR, and escalation to HardFault
// (FORCED) when UsageFault is disabled. Each handler skips the faulting instruction.
#include "exc_regs.h"
#include "test_check.h"

#define UNMAPPED_ADDRESS 0x40001000u

static volatile uint32_t fault_ipsr, fault_cfsr, fault_hfsr, fault_bfar, fault_count;

void fault_record(uint32_t* frame) {
  fault_ipsr = read_ipsr();
  fault_cfsr = SCB_CFSR_RW;
  fault_hfsr = SCB_HFSR_RW;
  fault_bfar = SCB_BFAR_RW;
  fault_count++;
  SCB_CFSR_RW = fault_cfsr;  // write one to clear
  SCB_HFSR_RW = fault_hfsr;
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
        "b fault_record\n");               \
  }
FAULT_HANDLER(UsageFault_Handler)
FAULT_HANDLER(BusFault_Handler)
FAULT_HANDLER(HardFault_Handler)

static void clear_record(void) {
  fault_ipsr = fault_cfsr = fault_hfsr = fault_bfar = fault_count = 0;
}

static uint32_t words[4]
    __attribute__((aligned(8))) = {0x11111111u, 0x22222222u, 0x33333333u, 0x44444444u};

int main(void) {
  SCB_SHCSR |= SHCSR_USGFAULTENA | SHCSR_BUSFAULTENA;
  barrier();

  clear_record();
  __asm volatile("udf #0" ::: "memory");
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_ipsr, 6);
  CHECK_EQ(fault_cfsr, 1u << 16);  // UFSR.UNDEFINSTR
  CHECK_EQ(fault_hfsr, 0);

  clear_record();
  SCB_CCR |= CCR_DIV_0_TRP;
  barrier();
  uint32_t quotient = 7;
  __asm volatile("sdiv %0, %1, %2" : "=r"(quotient) : "r"(opaque_u32(5)), "r"(opaque_u32(0)));
  SCB_CCR &= ~CCR_DIV_0_TRP;
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_cfsr, 1u << 25);  // UFSR.DIVBYZERO

  clear_record();
  SCB_CCR |= CCR_UNALIGN_TRP;
  barrier();
  uint32_t value = 0;
  const uintptr_t odd = (uintptr_t)words + opaque_u32(2);
  __asm volatile("ldr.w %0, [%1]" : "=r"(value) : "r"(odd) : "memory");
  SCB_CCR &= ~CCR_UNALIGN_TRP;
  barrier();
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_cfsr, 1u << 24);  // UFSR.UNALIGNED

  clear_record();
  uint32_t lo = 0, hi = 0;
  const uintptr_t not_word = (uintptr_t)words + opaque_u32(4) - opaque_u32(2);
  __asm volatile("ldrd %0, %1, [%2]" : "=r"(lo), "=r"(hi) : "r"(not_word) : "memory");
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_cfsr, 1u << 24);  // LDRD is always word-aligned

  clear_record();
  __asm volatile("ldr.w %0, [%1]" : "=r"(value) : "r"(opaque_u32(UNMAPPED_ADDRESS)) : "memory");
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_ipsr, 5);
  CHECK_EQ(fault_cfsr, (1u << 9) | (1u << 15));  // BFSR.PRECISERR, BFARVALID
  CHECK_EQ(fault_bfar, UNMAPPED_ADDRESS);

  // UsageFault disabled: the fault escalates to HardFault with HFSR.FORCED.
  clear_record();
  SCB_SHCSR &= ~SHCSR_USGFAULTENA;
  barrier();
  __asm volatile("udf #1" ::: "memory");
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_ipsr, 3);
  CHECK_EQ(fault_cfsr, 1u << 16);
  CHECK_EQ(fault_hfsr, 1u << 30);  // FORCED
  return test_finish("exc_faults");
}
