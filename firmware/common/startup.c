// C part of the reset sequence and the report for unexpected exceptions (see vectors.S).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cortex_m.h"
#include "firmware_exit.h"

// Linker-script symbols (corstone300_sections.ld).
extern uint32_t __vectors[];
extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __large_bss_start[], __large_bss_end[];
typedef void (*InitFunction)(void);
extern InitFunction __preinit_array_start[], __preinit_array_end[];
extern InitFunction __init_array_start[], __init_array_end[];

// Called with a conventional argument vector (argc 1, argv[1] == NULL) so that programs declaring
// main(int argc, char *argv[]) see defined values; main(void) ignores them (AAPCS).
int main(int argc, char* argv[]);
static char program_name[] = "firmware";
static char* argument_vector[] = {program_name, NULL};
__attribute__((noreturn)) void startup_main(void);
__attribute__((noreturn)) void startup_report_unhandled_exception(const uint32_t* frame,
                                                                  uint32_t exc_return);

// newlib's __libc_fini_array (run by exit) calls _fini after the .fini_array entries; with
// -nostartfiles there is no crti.o to provide it. Constructors and destructors all use the arrays.
void _init(void) {}
void _fini(void) {}

static void run_init_functions(InitFunction* begin, InitFunction* end) {
  for (InitFunction* f = begin; f < end; ++f) (*f)();
}

void startup_main(void) {
  // CP10/CP11 (FP and MVE) access is already enabled by Reset_Handler (vectors.S), before any C
  // code that a hard-float build may compile to FP or MVE instructions.
  SCB_VTOR = (uint32_t)(uintptr_t)__vectors;

  size_t data_bytes = (size_t)((char*)__data_end - (char*)__data_start);
  if ((void*)__data_load != (void*)__data_start) memcpy(__data_start, __data_load, data_bytes);
  memset(__bss_start, 0, (size_t)((char*)__bss_end - (char*)__bss_start));
  memset(__large_bss_start, 0, (size_t)((char*)__large_bss_end - (char*)__large_bss_start));

  run_init_functions(__preinit_array_start, __preinit_array_end);
  run_init_functions(__init_array_start, __init_array_end);

  exit(main(1, argument_vector));
}

// Prints the exception number and the stacked registers (Armv8-M ARM B3.19 "Stack frames": R0-R3,
// R12, LR, ReturnAddress, xPSR) on the console and ends the run with status 0xF0 | (number & 0xF)
// so that a test runner sees a distinct failure.
void startup_report_unhandled_exception(const uint32_t* frame, uint32_t exc_return) {
  uint32_t ipsr;
  __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
  uint32_t number = ipsr & 0x1FFu;
  firmware_emergency_print("\n*** unhandled exception ");
  firmware_emergency_print_hex(number);
  firmware_emergency_print(" pc=");
  firmware_emergency_print_hex(frame[6]);
  firmware_emergency_print(" lr=");
  firmware_emergency_print_hex(frame[5]);
  firmware_emergency_print(" xpsr=");
  firmware_emergency_print_hex(frame[7]);
  firmware_emergency_print(" exc_return=");
  firmware_emergency_print_hex(exc_return);
  firmware_emergency_print(" cfsr=");
  firmware_emergency_print_hex(SCB_CFSR);
  firmware_emergency_print(" hfsr=");
  firmware_emergency_print_hex(SCB_HFSR);
  firmware_emergency_print(" bfar=");
  firmware_emergency_print_hex(SCB_BFAR);
  firmware_emergency_print("\n");
  firmware_exit(0xF0 | (int)(number & 0xFu));
}
