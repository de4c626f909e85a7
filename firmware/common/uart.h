// Polling driver for the Arm CMSDK APB UART (ARM DDI 0479) used as the console on Corstone-300
// (MPS3 AN547/AN552: UART0 at 0x49303000). Raw bytes: no newline translation here.
#ifndef MINIFVP_FW_UART_H
#define MINIFVP_FW_UART_H

#include <stdint.h>

#define UART0_BASE 0x49303000u
#define UART_CLOCK_HZ 25000000u  // MPS3 peripheral clock (SYSTEM_CORE_CLOCK on Corstone-300)
#define UART_BAUD_RATE 115200u

// Programs BAUDDIV and enables TX and RX. Idempotent.
void uart_init(void);
// Waits while the transmit buffer is full, then sends `byte`.
void uart_putc(uint8_t byte);
// Waits until a byte has been received and returns it.
uint8_t uart_getc(void);

#endif
