// Corstone-300 wiring of the Ethos-U55 for this driver: where the NPU's registers are and how its
// completion interrupt reaches ethosu_irq_handler. Applications call corstone300_npu_init() instead
// of ethosu_init() and need nothing else to wait for inferences on the interrupt.
#ifndef CORSTONE300_NPU_H
#define CORSTONE300_NPU_H

#include "ethosu_driver.h"

#define CORSTONE300_NPU_BASE_ADDRESS 0x58102000u  // secure alias; non-secure: 0x48102000
#define CORSTONE300_NPU_IRQ 56u                   // the vector table's Interrupt56_Handler

#ifdef __cplusplus
extern "C" {
#endif

// ethosu_init() on the platform's NPU (secure, privileged, no fast memory). Unless the driver is
// the polling build (ETHOSU_WAIT_POLL), IRQ 56 is routed to `drv` and enabled in the NVIC.
// Returns ethosu_init()'s result.
int corstone300_npu_init(struct ethosu_driver* drv);

// NPU interrupts taken since boot (always 0 in the polling build).
unsigned corstone300_npu_interrupts(void);

#ifdef __cplusplus
}
#endif

#endif
