// Corstone-300 facts the game prints: the core from SCB->CPUID, the core clock from the MPS3
// SCC's CFG_ACLK, and the DWT cycle counter (Armv8-M ARM, DWT_CYCCNT, enabled by DEMCR.TRCENA and
// DWT_CTRL.CYCCNTENA).
#ifndef MINIFVP_RPS_PLATFORM_INFO_H
#define MINIFVP_RPS_PLATFORM_INFO_H

#include <stdint.h>

#define SCC_CFG_ACLK (*(volatile const uint32_t*)0x49300014u)
#define DEMCR (*(volatile uint32_t*)0xE000EDFCu)
#define DWT_CTRL (*(volatile uint32_t*)0xE0001000u)
#define DWT_CYCCNT (*(volatile uint32_t*)0xE0001004u)
#define DEMCR_TRCENA (1u << 24)
#define DWT_CTRL_CYCCNTENA 1u

static inline void cycle_counter_start(void) {
  DEMCR |= DEMCR_TRCENA;
  DWT_CYCCNT = 0;
  DWT_CTRL |= DWT_CTRL_CYCCNTENA;
}

static inline uint32_t cycle_counter_read(void) {
  return DWT_CYCCNT;
}

// The core clock in Hz: CFG_ACLK, or 25 MHz (the MPS3 default) when the SCC reads 0.
static inline uint32_t core_clock_hz(void) {
  uint32_t hz = SCC_CFG_ACLK;
  return hz != 0 ? hz : 25000000u;
}

#endif
