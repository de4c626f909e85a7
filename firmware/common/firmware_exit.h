// How a run ends and how the firmware reports before newlib is usable.
#ifndef MINIFVP_FW_FIRMWARE_EXIT_H
#define MINIFVP_FW_FIRMWARE_EXIT_H

// Ends the run with `status`. Two implementations, one linked per image:
//  - exit_semihosting.c: semihosting SYS_EXIT_EXTENDED (QEMU, minifvp, FVP with semihosting);
//  - exit_uart_eot.c: sends EOT (0x04) then the status byte on UART0, as the FVP's
//    uart0.shutdown_on_eot expects, then sleeps.
__attribute__((noreturn)) void firmware_exit(int status);

// Unbuffered console output straight to UART0 (CR before LF), usable from fault handlers.
void firmware_emergency_print(const char* text);
void firmware_emergency_print_hex(unsigned value);

#endif
