#include "semihosting.h"

void semihosting_write0(const char* text) {
  semihosting_call(SEMIHOSTING_SYS_WRITE0, text);
}

// Open modes of SYS_OPEN (Semihosting v2, SYS_OPEN table): 1 is "rb".
enum { SEMIHOSTING_MODE_READ_BINARY = 1 };

static uint32_t c_string_length(const char* text) {
  uint32_t length = 0;
  while (text[length] != '\0') ++length;
  return length;
}

int32_t semihosting_open_read(const char* path) {
  const uint32_t block[3] = {(uint32_t)(uintptr_t)path, SEMIHOSTING_MODE_READ_BINARY,
                             c_string_length(path)};
  return semihosting_call(SEMIHOSTING_SYS_OPEN, block);
}

int32_t semihosting_read(int32_t handle, void* buffer, uint32_t length) {
  const uint32_t block[3] = {(uint32_t)handle, (uint32_t)(uintptr_t)buffer, length};
  // SYS_READ returns the number of bytes NOT read; all of them unread means end of file.
  int32_t not_read = semihosting_call(SEMIHOSTING_SYS_READ, block);
  if (not_read < 0 || (uint32_t)not_read > length) return -1;
  return (int32_t)(length - (uint32_t)not_read);
}

int32_t semihosting_flen(int32_t handle) {
  const uint32_t block[1] = {(uint32_t)handle};
  return semihosting_call(SEMIHOSTING_SYS_FLEN, block);
}

void semihosting_close(int32_t handle) {
  const uint32_t block[1] = {(uint32_t)handle};
  semihosting_call(SEMIHOSTING_SYS_CLOSE, block);
}

int32_t semihosting_get_cmdline(char* buffer, uint32_t size) {
  // The block is {buffer, size}; the host rewrites size with the command line's length.
  uint32_t block[2] = {(uint32_t)(uintptr_t)buffer, size};
  return semihosting_call(SEMIHOSTING_SYS_GET_CMDLINE, block) == 0 ? 0 : -1;
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
