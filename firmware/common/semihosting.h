// Arm semihosting calls (Semihosting for AArch32 and AArch64, version 2): on M-profile, BKPT 0xAB
// with the operation number in R0 and the parameter (block address) in R1; the result is in R0.
#ifndef MINIFVP_FW_SEMIHOSTING_H
#define MINIFVP_FW_SEMIHOSTING_H

#include <stdint.h>

enum {
  SEMIHOSTING_SYS_WRITEC = 0x03,
  SEMIHOSTING_SYS_WRITE0 = 0x04,
  SEMIHOSTING_SYS_EXIT = 0x18,
  SEMIHOSTING_SYS_EXIT_EXTENDED = 0x20,
};

// Reason code for a normal application exit (ADP_Stopped_ApplicationExit).
#define SEMIHOSTING_ADP_STOPPED_APPLICATION_EXIT 0x20026u

static inline int32_t semihosting_call(uint32_t operation, const void* parameter) {
  register uint32_t r0 __asm("r0") = operation;
  register const void* r1 __asm("r1") = parameter;
  __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return (int32_t)r0;
}

// Writes a NUL-terminated string to the debugger console.
void semihosting_write0(const char* text);

// Ends the simulation with `status` (SYS_EXIT_EXTENDED, ApplicationExit). Never returns.
__attribute__((noreturn)) void semihosting_exit(int status);

#endif
