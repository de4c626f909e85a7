#include <stdint.h>

#include "firmware_exit.h"
#include "uart.h"

enum { ASCII_EOT = 0x04 };

void firmware_exit(int status) {
  uart_putc(ASCII_EOT);
  uart_putc((uint8_t)status);
  for (;;) __asm volatile("wfi");
}
