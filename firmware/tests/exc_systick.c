// SysTick: interrupts counted over a busy loop, COUNTFLAG, and WFI woken by the SysTick interrupt.
#include "exc_regs.h"
#include "test_check.h"

static volatile uint32_t ticks;

void SysTick_Handler(void) {
  ticks++;
}

int main(void) {
  SCB_SHPR(15) = 0x80;
  SYST_RVR = 9999;  // 10000 cycles per interrupt
  SYST_CVR = 0;
  SYST_CSR = 7;  // ENABLE, TICKINT, CLKSOURCE (core clock)
  uint32_t spins = 0;
  while (ticks < 10 && spins < 50000000u) spins++;
  CHECK(ticks >= 10);
  CHECK((SYST_CSR & (1u << 16)) != 0);  // COUNTFLAG: the counter wrapped since the last read
  CHECK((SYST_CSR & (1u << 16)) == 0);  // and reading cleared it

  // WFI sleeps until the next SysTick interrupt.
  for (int i = 0; i < 3; ++i) {
    uint32_t before = ticks;
    while (ticks == before) __asm volatile("wfi");
    CHECK(ticks > before);
  }
  SYST_CSR = 0;
  uint32_t stopped = ticks;
  for (volatile int i = 0; i < 100000; ++i) {
  }
  CHECK_EQ(ticks, stopped);            // no interrupt once disabled
  CHECK_EQ(SCB_ICSR & (1u << 26), 0);  // PENDSTSET clear
  return test_finish("exc_systick");
}
