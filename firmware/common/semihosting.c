#include "semihosting.h"

void semihosting_write0(const char* text) {
  semihosting_call(SEMIHOSTING_SYS_WRITE0, text);
}

void semihosting_exit(int status) {
  // SYS_EXIT_EXTENDED takes a two-word block {reason, subcode}; for ApplicationExit the subcode is
  // the exit status.
  const uint32_t block[2] = {SEMIHOSTING_ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
  semihosting_call(SEMIHOSTING_SYS_EXIT_EXTENDED, block);
  // A host without SYS_EXIT_EXTENDED returns: fall back to SYS_EXIT, which on AArch32 takes the
  // reason code itself in R1 and cannot carry a status.
  semihosting_call(SEMIHOSTING_SYS_EXIT,
                   (const void*)(uintptr_t)SEMIHOSTING_ADP_STOPPED_APPLICATION_EXIT);
  for (;;) __asm volatile("wfi");
}
