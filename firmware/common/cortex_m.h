// The few Armv8-M System Control Space registers the firmware touches (Armv8-M ARM, B11 "System
// Address Map": SCB at 0xE000ED00). Our own minimal definitions, so the firmware needs no CMSIS.
#ifndef MINIFVP_FW_CORTEX_M_H
#define MINIFVP_FW_CORTEX_M_H

#include <stdint.h>

#define SCB_CPUID (*(volatile const uint32_t*)0xE000ED00u)  // CPUID base register
#define SCB_VTOR (*(volatile uint32_t*)0xE000ED08u)         // vector table offset
#define SCB_CFSR (*(volatile const uint32_t*)0xE000ED28u)   // configurable fault status
#define SCB_HFSR (*(volatile const uint32_t*)0xE000ED2Cu)   // HardFault status
#define SCB_MMFAR (*(volatile const uint32_t*)0xE000ED34u)  // MemManage fault address
#define SCB_BFAR (*(volatile const uint32_t*)0xE000ED38u)   // BusFault address
#define SCB_CPACR (*(volatile uint32_t*)0xE000ED88u)        // coprocessor access control

// CPACR: CP10 and CP11 (the FP and MVE extension) full access, bits [23:20].
#define SCB_CPACR_CP10_CP11_FULL (0xFu << 20)

static inline void cortex_m_dsb(void) {
  __asm volatile("dsb" ::: "memory");
}
static inline void cortex_m_isb(void) {
  __asm volatile("isb" ::: "memory");
}

// CPUID fields (Armv8-M ARM D1.2.31): implementer [31:24], variant [23:20], architecture [19:16],
// part number [15:4], revision [3:0].
static inline uint32_t cpuid_part_number(uint32_t cpuid) {
  return (cpuid >> 4) & 0xFFFu;
}
static inline const char* cpuid_part_name(uint32_t cpuid) {
  if ((cpuid >> 24) != 0x41u) return "unknown implementer";
  switch (cpuid_part_number(cpuid)) {
    case 0xD22:
      return "Cortex-M55";
    case 0xD23:
      return "Cortex-M85";
    case 0xD21:
      return "Cortex-M33";
    default:
      return "unknown Arm core";
  }
}

#endif
