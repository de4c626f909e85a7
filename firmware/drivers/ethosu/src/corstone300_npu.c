#include "corstone300_npu.h"

#include <stddef.h>
#include <stdint.h>

static volatile unsigned interrupts_taken;

unsigned corstone300_npu_interrupts(void) {
  return interrupts_taken;
}

#ifndef ETHOSU_WAIT_POLL
static struct ethosu_driver* irq_driver;

// Overrides the weak default of firmware/common/vectors.S.
void Interrupt56_Handler(void) {
  ++interrupts_taken;
  if (irq_driver != NULL) ethosu_irq_handler(irq_driver);
}

static void nvic_enable(unsigned irq) {
  volatile uint32_t* iser = (volatile uint32_t*)0xE000E100u;  // NVIC_ISER0..15
  iser[irq / 32] = 1u << (irq % 32);
}
#endif

int corstone300_npu_init(struct ethosu_driver* drv) {
  const int result = ethosu_init(drv, (void*)CORSTONE300_NPU_BASE_ADDRESS, NULL, 0, 1, 1);
#ifndef ETHOSU_WAIT_POLL
  irq_driver = drv;
  nvic_enable(CORSTONE300_NPU_IRQ);
#endif
  return result;
}
