// System Control Space registers the exception tests use (Armv8-M ARM, B11 "System Address Map")
// and small helpers. Our own definitions, so the tests need no CMSIS.
#ifndef MINIFVP_FW_EXC_REGS_H
#define MINIFVP_FW_EXC_REGS_H

#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t*)(addr))
#define REG8(addr) (*(volatile uint8_t*)(addr))
#define SCB_ICSR REG32(0xE000ED04u)
#define SCB_AIRCR REG32(0xE000ED0Cu)
#define SCB_SCR REG32(0xE000ED10u)
#define SCB_CCR REG32(0xE000ED14u)
#define SCB_SHPR(exc) REG8(0xE000ED18u + (exc)-4u)  // priority byte of system exception 4..15
#define SCB_SHCSR REG32(0xE000ED24u)
#define SCB_CFSR_RW REG32(0xE000ED28u)
#define SCB_HFSR_RW REG32(0xE000ED2Cu)
#define SCB_BFAR_RW REG32(0xE000ED38u)
#define SYST_CSR REG32(0xE000E010u)
#define SYST_RVR REG32(0xE000E014u)
#define SYST_CVR REG32(0xE000E018u)
#define NVIC_ISER(n) REG32(0xE000E100u + 4u * (n))
#define NVIC_ICER(n) REG32(0xE000E180u + 4u * (n))
#define NVIC_ISPR(n) REG32(0xE000E200u + 4u * (n))
#define NVIC_ICPR(n) REG32(0xE000E280u + 4u * (n))
#define NVIC_IABR(n) REG32(0xE000E300u + 4u * (n))
#define NVIC_IPR(irq) REG8(0xE000E400u + (irq))
#define NVIC_STIR REG32(0xE000EF00u)

#define ICSR_PENDSVSET (1u << 28)
#define ICSR_RETTOBASE (1u << 11)
#define CCR_UNALIGN_TRP (1u << 3)
#define CCR_DIV_0_TRP (1u << 4)
#define SHCSR_MEMFAULTENA (1u << 16)
#define SHCSR_BUSFAULTENA (1u << 17)
#define SHCSR_USGFAULTENA (1u << 18)

static inline void barrier(void) {
  __asm volatile("dsb\n isb" ::: "memory");
}
static inline uint32_t read_ipsr(void) {
  uint32_t v;
  __asm volatile("mrs %0, ipsr" : "=r"(v));
  return v;
}
static inline void set_basepri(uint32_t v) {
  __asm volatile("msr basepri, %0\n isb" ::"r"(v) : "memory");
}
static inline void enable_irqs(void) {
  __asm volatile("cpsie i\n isb" ::: "memory");
}
static inline void disable_irqs(void) {
  __asm volatile("cpsid i" ::: "memory");
}
static inline void nvic_enable(unsigned irq) {
  NVIC_ISER(irq / 32) = 1u << (irq % 32);
}
static inline void nvic_disable(unsigned irq) {
  NVIC_ICER(irq / 32) = 1u << (irq % 32);
}
static inline int nvic_pending(unsigned irq) {
  return (NVIC_ISPR(irq / 32) >> (irq % 32)) & 1;
}

// Switches Thread mode to the process stack at `psp` and calls `entry`, which never returns.
__attribute__((noreturn)) static inline void start_on_psp(uint32_t psp, void (*entry)(void)) {
  __asm volatile(
      "msr psp, %0\n"
      "movs r2, #2\n"
      "msr control, r2\n"
      "isb\n"
      "blx %1\n"
      "b .\n" ::"r"(psp),
      "r"(entry)
      : "r2", "memory");
  __builtin_unreachable();
}

#endif
