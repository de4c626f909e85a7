// Interrupt-driven console input: UART0's RX interrupt (CTRL.RXINTEN) wakes the core from WFI and
// the handler echoes each received byte until the EOT (0x04) that ends the host input. The ctest
// feeds FIRMWARE_TEST_INPUT_uart_rx_irq on stdin.
//
// The RX interrupt is IRQ 33 on the Corstone-300 (MLEK, Zephyr and minifvp); QEMU's mps3-an547
// wires UART0 RX to IRQ 34 and TX to 33. Both lines get the same handler, which serves
// INTSTATUS.RX only, and the TX interrupt stays disabled, so the test runs on both.
#include <string.h>

#include "exc_regs.h"
#include "test_check.h"
#include "uart.h"

#define UART0_DATA REG32(UART0_BASE + 0x00u)
#define UART0_STATE REG32(UART0_BASE + 0x04u)
#define UART0_CTRL REG32(UART0_BASE + 0x08u)
#define UART0_INTSTATUS REG32(UART0_BASE + 0x0Cu)  // INTCLEAR when written
#define UART_STATE_RX_FULL (1u << 1)
#define UART_CTRL_RX_INT_EN (1u << 3)
#define UART_INT_RX (1u << 1)
#define EOT 0x04u

static const char kExpected[] = "hello from stdin\nsecond line\n";

static char received[64];
static volatile uint32_t received_count, end_of_input, rx_interrupts;

static void uart_rx_service(void) {
  if (!(UART0_INTSTATUS & UART_INT_RX)) return;
  rx_interrupts++;
  // Clear first, then drain: a byte that arrives while draining raises the interrupt again.
  UART0_INTSTATUS = UART_INT_RX;
  while (UART0_STATE & UART_STATE_RX_FULL) {
    const uint8_t byte = (uint8_t)UART0_DATA;
    if (byte == EOT) {
      end_of_input = 1;
      continue;
    }
    if (end_of_input) continue;
    if (received_count < sizeof received - 1) received[received_count++] = (char)byte;
    uart_putc(byte);
  }
}

void Interrupt33_Handler(void) {
  uart_rx_service();
}
void Interrupt34_Handler(void) {
  uart_rx_service();
}

int main(void) {
  uart_init();
  UART0_INTSTATUS = 0xfu;  // clear stale interrupt status
  UART0_CTRL |= UART_CTRL_RX_INT_EN;
  nvic_enable(33);
  nvic_enable(34);

  // Sleep until the handler has seen EOT. PRIMASK is set around the test of the flag so that an
  // interrupt arriving between the test and WFI still wakes the core (WFI wakes on a pending
  // interrupt even while PRIMASK masks it); it is taken when PRIMASK is cleared.
  disable_irqs();
  while (!end_of_input) {
    __asm volatile("wfi" ::: "memory");
    enable_irqs();
    disable_irqs();
  }
  enable_irqs();
  UART0_CTRL &= ~UART_CTRL_RX_INT_EN;
  nvic_disable(33);
  nvic_disable(34);

  received[received_count] = '\0';
  CHECK_STR(received, kExpected);
  CHECK_EQ(received_count, strlen(kExpected));
  CHECK(rx_interrupts >= 1);
  return test_finish("uart_rx_irq");
}
