// Arm semihosting calls (Semihosting for AArch32 and AArch64, version 2): on M-profile, BKPT 0xAB
// with the operation number in R0 and the parameter (block address) in R1; the result is in R0.
#ifndef MINIFVP_FW_SEMIHOSTING_H
#define MINIFVP_FW_SEMIHOSTING_H

#include <stdint.h>

enum {
  SEMIHOSTING_SYS_OPEN = 0x01,
  SEMIHOSTING_SYS_CLOSE = 0x02,
  SEMIHOSTING_SYS_WRITEC = 0x03,
  SEMIHOSTING_SYS_WRITE0 = 0x04,
  SEMIHOSTING_SYS_READ = 0x06,
  SEMIHOSTING_SYS_FLEN = 0x0C,
  SEMIHOSTING_SYS_GET_CMDLINE = 0x15,
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

// Host files. semihosting_open_read() opens `path` for reading in binary mode ("rb") and returns
// a handle, or -1. semihosting_read() returns the number of bytes read (0 at end of file), or -1.
// semihosting_flen() returns the file's length, or -1.
int32_t semihosting_open_read(const char* path);
int32_t semihosting_read(int32_t handle, void* buffer, uint32_t length);
int32_t semihosting_flen(int32_t handle);
void semihosting_close(int32_t handle);

// Copies the host's command line (NUL-terminated) into `buffer`; returns 0, or -1 if the host has
// none or it does not fit.
int32_t semihosting_get_cmdline(char* buffer, uint32_t size);

// Ends the simulation with `status` (SYS_EXIT_EXTENDED, ApplicationExit). Never returns.
__attribute__((noreturn)) void semihosting_exit(int status);

#endif
