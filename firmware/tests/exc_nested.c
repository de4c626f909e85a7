// Interrupt priorities: preemption by a higher-priority interrupt, BASEPRI masking, PRIMASK and the
// order in which pending interrupts are taken (tail-chaining), RETTOBASE and the active bits.
#include "exc_regs.h"
#include "test_check.h"

#define IRQ_LOW 60
#define IRQ_HIGH 61
static volatile char order[8];
static volatile unsigned order_length;
static volatile uint32_t high_ipsr, high_icsr, high_iabr, low_icsr;
static volatile int pend_high_from_low;

static void record(char c) {
  if (order_length < sizeof order - 1) order[order_length++] = c;
}

void Interrupt60_Handler(void) {
  record('l');
  low_icsr = SCB_ICSR;
  if (pend_high_from_low) {
    NVIC_STIR = IRQ_HIGH;
    barrier();
    record('L');  // after the higher-priority handler preempted and returned
  }
}

void Interrupt61_Handler(void) {
  record('h');
  high_ipsr = read_ipsr();
  high_icsr = SCB_ICSR;
  high_iabr = NVIC_IABR(1);
}

static void reset_order(void) {
  for (unsigned i = 0; i < sizeof order; ++i) order[i] = 0;
  order_length = 0;
}

int main(void) {
  NVIC_IPR(IRQ_LOW) = 0xA0;
  NVIC_IPR(IRQ_HIGH) = 0x40;
  nvic_enable(IRQ_LOW);
  nvic_enable(IRQ_HIGH);

  // Preemption: the high-priority interrupt pended inside the low one runs at once.
  pend_high_from_low = 1;
  NVIC_STIR = IRQ_LOW;
  barrier();
  CHECK_STR((const char*)order, "lhL");
  CHECK_EQ(high_ipsr, 16 + IRQ_HIGH);
  CHECK_EQ(high_icsr & ICSR_RETTOBASE, 0);  // two exceptions active
  CHECK_EQ(high_iabr & (3u << (IRQ_LOW - 32)), 3u << (IRQ_LOW - 32));
  CHECK((low_icsr & ICSR_RETTOBASE) != 0);  // only the low one active
  CHECK_EQ(NVIC_IABR(1), 0);

  // BASEPRI 0x40 masks priority 0x40 and lower; lowering the mask lets it in.
  reset_order();
  pend_high_from_low = 0;
  set_basepri(0x40);
  NVIC_STIR = IRQ_HIGH;
  barrier();
  CHECK_EQ(order_length, 0);
  CHECK(nvic_pending(IRQ_HIGH));
  set_basepri(0x20);  // still masks priority 0x40
  CHECK_EQ(order_length, 0);
  set_basepri(0);
  barrier();
  CHECK_STR((const char*)order, "h");
  CHECK(!nvic_pending(IRQ_HIGH));

  // PRIMASK: both pend; on CPSIE the higher priority runs first, then the other (tail-chained).
  reset_order();
  disable_irqs();
  NVIC_ISPR(IRQ_LOW / 32) = (1u << (IRQ_LOW % 32)) | (1u << (IRQ_HIGH % 32));
  barrier();
  CHECK_EQ(order_length, 0);
  enable_irqs();
  barrier();
  CHECK_STR((const char*)order, "hl");

  // A disabled interrupt stays pending until ICPR clears it.
  reset_order();
  nvic_disable(IRQ_LOW);
  NVIC_STIR = IRQ_LOW;
  barrier();
  CHECK(nvic_pending(IRQ_LOW));
  NVIC_ICPR(IRQ_LOW / 32) = 1u << (IRQ_LOW % 32);
  CHECK(!nvic_pending(IRQ_LOW));
  nvic_enable(IRQ_LOW);
  barrier();
  CHECK_EQ(order_length, 0);
  return test_finish("exc_nested");
}
