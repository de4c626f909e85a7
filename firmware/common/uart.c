#include "uart.h"

#include <stdbool.h>

// Register offsets and bits (ARM DDI 0479, APB UART programmers model).
struct CmsdkUart {
  volatile uint32_t data;       // 0x00: TX byte (write), RX byte (read)
  volatile uint32_t state;      // 0x04: [0] TX full, [1] RX full, [2] TX overrun, [3] RX overrun
  volatile uint32_t ctrl;       // 0x08: [0] TX enable, [1] RX enable, interrupt enables above
  volatile uint32_t intstatus;  // 0x0C: interrupt status (read) / clear (write 1)
  volatile uint32_t bauddiv;    // 0x10: baud divider, minimum 16
};

enum {
  UART_STATE_TX_FULL = 1u << 0,
  UART_STATE_RX_FULL = 1u << 1,
  UART_STATE_OVERRUNS = 3u << 2,
  UART_CTRL_TX_ENABLE = 1u << 0,
  UART_CTRL_RX_ENABLE = 1u << 1,
};

static struct CmsdkUart* const uart0 = (struct CmsdkUart*)UART0_BASE;
static bool uart_ready;

void uart_init(void) {
  if (uart_ready) return;
  uart0->bauddiv = UART_CLOCK_HZ / UART_BAUD_RATE;  // 217
  uart0->state = UART_STATE_OVERRUNS;               // write-one-to-clear stale overruns
  uart0->ctrl = UART_CTRL_TX_ENABLE | UART_CTRL_RX_ENABLE;
  uart_ready = true;
}

void uart_putc(uint8_t byte) {
  uart_init();
  while (uart0->state & UART_STATE_TX_FULL) {
  }
  uart0->data = byte;
}

uint8_t uart_getc(void) {
  uart_init();
  while (!(uart0->state & UART_STATE_RX_FULL)) {
  }
  return (uint8_t)uart0->data;
}
