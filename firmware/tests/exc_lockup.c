// A fault inside the HardFault handler locks the core up: minifvp ends the run with a report
// (exit status 101). Not part of FIRMWARE_TESTS: QEMU stays locked up instead of exiting.
#include <stdio.h>

#include "exc_regs.h"

__attribute__((naked)) void HardFault_Handler(void) {
  __asm volatile("udf #2");
}

int main(void) {
  printf("about to lock up\n");
  fflush(stdout);
  __asm volatile("ldr.w r0, [%0]" ::"r"(0x40001000u) : "r0", "memory");  // BusFault disabled
  printf("not reached\n");
  return 0;
}
