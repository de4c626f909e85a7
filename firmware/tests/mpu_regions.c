// The PMSAv8 MPU: regions allowing and refusing privileged and unprivileged accesses (Thread mode
// with CONTROL.nPRIV, back to privileged through SVC), MemManage reporting DACCVIOL with MMFAR and
// IACCVIOL for a fetch from an execute-never region, FAULTMASK bypassing the MPU while
// MPU_CTRL.HFNMIENA is clear, and an unprivileged access to the PPB (outside the MPU) taking a
// precise BusFault. Only regions 0..7 are used (MPU_TYPE.DREGION is 16 on minifvp and
// QEMU's mps3-an547, at least 8 on every Cortex-M55 configuration with an MPU).
#include "exc_regs.h"
#include "test_check.h"

#define MPU_TYPE REG32(0xE000ED90u)
#define MPU_CTRL REG32(0xE000ED94u)
#define MPU_RNR REG32(0xE000ED98u)
#define MPU_RBAR REG32(0xE000ED9Cu)
#define MPU_RLAR REG32(0xE000EDA0u)
#define MPU_MAIR0 REG32(0xE000EDC0u)
#define SCB_MMFAR_RW REG32(0xE000ED34u)
#define BFSR_PRECISERR (1u << 9)
#define BFSR_BFARVALID (1u << 15)

#define MPU_CTRL_ENABLE 1u
#define MPU_CTRL_PRIVDEFENA 4u
#define AP_PRIV_RW 0u
#define AP_ANY_RW 1u
#define AP_ANY_RO 3u
#define MMFSR_IACCVIOL (1u << 0)
#define MMFSR_DACCVIOL (1u << 1)
#define MMFSR_MMARVALID (1u << 7)

#define ITCM_BASE 0x10000000u
#define DTCM_BASE 0x30000000u
#define TCM_SIZE 0x80000u
#define ISRAM_BASE 0x31000000u
#define ISRAM_SIZE 0x200000u

// Three 32-byte MPU granules: read-only, privileged-only, and code that must not execute.
static struct {
  volatile uint32_t read_only[8];
  volatile uint32_t privileged[8];
  volatile uint16_t code[16];
} protected_block __attribute__((aligned(32)));

#define MAX_FAULTS 4
static volatile uint32_t fault_count, fault_ipsr[MAX_FAULTS], fault_cfsr[MAX_FAULTS],
    fault_mmfar[MAX_FAULTS];

// MemManage and BusFault: the status, MMFAR or BFAR (when valid) into fault_mmfar.
void fault_record(uint32_t* frame) {
  const uint32_t cfsr = SCB_CFSR_RW;
  if (fault_count < MAX_FAULTS) {
    fault_ipsr[fault_count] = read_ipsr();
    fault_cfsr[fault_count] = cfsr;
    fault_mmfar[fault_count] = (cfsr & MMFSR_MMARVALID)  ? SCB_MMFAR_RW
                               : (cfsr & BFSR_BFARVALID) ? SCB_BFAR_RW
                                                         : 0;
  }
  fault_count++;
  SCB_CFSR_RW = cfsr;  // write one to clear
  if (cfsr & MMFSR_IACCVIOL) {
    frame[6] = frame[5] & ~1u;  // the refused function was called: return to its caller
  } else {
    const uint16_t first = *(const uint16_t*)frame[6];
    frame[6] += (first >> 11) >= 0x1Du ? 4u : 2u;  // skip the faulting load or store
  }
}

#define FAULT_HANDLER(name)                \
  __attribute__((naked)) void name(void) { \
    __asm volatile(                        \
        "tst lr, #4\n"                     \
        "ite eq\n"                         \
        "mrseq r0, msp\n"                  \
        "mrsne r0, psp\n"                  \
        "b fault_record\n");               \
  }
FAULT_HANDLER(MemManage_Handler)
FAULT_HANDLER(BusFault_Handler)

// SVC from unprivileged Thread mode: clear CONTROL.nPRIV, so execution continues privileged.
__attribute__((naked)) void SVC_Handler(void) {
  __asm volatile(
      "mrs r0, control\n"
      "bic r0, r0, #1\n"
      "msr control, r0\n"
      "bx lr\n");
}

static void set_region(uint32_t n, uint32_t base, uint32_t limit, uint32_t ap, int xn) {
  MPU_RNR = n;
  MPU_RBAR = (base & ~31u) | (ap << 1) | (xn ? 1u : 0u);
  MPU_RLAR = (limit & ~31u) | 1u;  // AttrIndx 0, enabled
}

static void drop_privilege(void) {
  uint32_t control;
  __asm volatile("mrs %0, control" : "=r"(control));
  __asm volatile("msr control, %0\n isb" ::"r"(control | 1u) : "memory");
}

static uint32_t control_npriv(void) {
  uint32_t control;
  __asm volatile("mrs %0, control" : "=r"(control));
  return control & 1u;
}

static void clear_faults(void) {
  fault_count = 0;
  for (int i = 0; i < MAX_FAULTS; ++i) fault_ipsr[i] = fault_cfsr[i] = fault_mmfar[i] = 0;
}

int main(void) {
  CHECK(((MPU_TYPE >> 8) & 0xffu) >= 8u);  // DREGION
  const uint32_t block = (uint32_t)&protected_block;
  CHECK(block >= DTCM_BASE && block + sizeof protected_block <= DTCM_BASE + TCM_SIZE);
  const uint32_t read_only = block, privileged = block + 32, code = block + 64;

  protected_block.read_only[0] = 0x11u;
  protected_block.privileged[0] = 0x22u;
  protected_block.code[0] = 0x4770u;  // BX LR
  barrier();

  SCB_SHCSR |= SHCSR_MEMFAULTENA | SHCSR_BUSFAULTENA;
  MPU_MAIR0 = 0xffu;  // attribute 0: normal memory, write-back
  set_region(0, ITCM_BASE, ITCM_BASE + TCM_SIZE - 1, AP_ANY_RO, 0);  // code
  set_region(1, DTCM_BASE, read_only - 1, AP_ANY_RW, 1);
  set_region(2, read_only, read_only + 31, AP_ANY_RO, 1);
  set_region(3, privileged, privileged + 31, AP_PRIV_RW, 1);
  set_region(4, code, code + 31, AP_ANY_RW, 1);
  set_region(5, code + 32, DTCM_BASE + TCM_SIZE - 1, AP_ANY_RW, 1);
  set_region(6, ISRAM_BASE, ISRAM_BASE + ISRAM_SIZE - 1, AP_ANY_RW, 1);
  MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
  barrier();

  // Privileged: the read-only region refuses writes, the privileged region allows everything.
  clear_faults();
  protected_block.privileged[1] = 0x33u;
  CHECK_EQ(protected_block.privileged[1], 0x33u);
  CHECK_EQ(protected_block.read_only[0], 0x11u);
  protected_block.read_only[1] = 0x44u;
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_ipsr[0], 4);  // MemManage
  CHECK_EQ(fault_cfsr[0], MMFSR_DACCVIOL | MMFSR_MMARVALID);
  CHECK_EQ(fault_mmfar[0], read_only + 4);
  CHECK_EQ(protected_block.read_only[1], 0u);

  // FAULTMASK raises the execution priority to -1: with HFNMIENA clear the MPU is bypassed.
  __asm volatile("cpsid f" ::: "memory");
  protected_block.read_only[2] = 0x55u;
  __asm volatile("cpsie f" ::: "memory");
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(protected_block.read_only[2], 0x55u);

  // Unprivileged: reads of the read-only region only; the privileged region refuses both; the PPB
  // is not under the MPU but refuses unprivileged accesses with a BusFault.
  clear_faults();
  drop_privilege();
  const uint32_t was_unprivileged = control_npriv();
  const uint32_t seen = protected_block.read_only[0];
  protected_block.read_only[3] = 0x66u;
  const uint32_t hidden = protected_block.privileged[0];
  protected_block.privileged[2] = 0x77u;
  const uint32_t shcsr = SCB_SHCSR;
  __asm volatile("svc #0" ::: "memory");  // back to privileged
  CHECK_EQ(was_unprivileged, 1);
  CHECK_EQ(control_npriv(), 0);
  CHECK_EQ(seen, 0x11u);
  (void)hidden;
  (void)shcsr;
  CHECK_EQ(fault_count, 4);
  CHECK_EQ(fault_cfsr[0], MMFSR_DACCVIOL | MMFSR_MMARVALID);
  CHECK_EQ(fault_mmfar[0], read_only + 12);
  CHECK_EQ(fault_mmfar[1], privileged);
  CHECK_EQ(fault_mmfar[2], privileged + 8);
  CHECK_EQ(fault_ipsr[3], 5);  // BusFault
  CHECK_EQ(fault_cfsr[3], BFSR_PRECISERR | BFSR_BFARVALID);
  CHECK_EQ(fault_mmfar[3], 0xE000ED24u);
  CHECK_EQ(protected_block.read_only[3], 0u);
  CHECK_EQ(protected_block.privileged[2], 0u);

  // A fetch from an execute-never region: IACCVIOL, MMFAR not valid.
  clear_faults();
  void (*refused)(void) = (void (*)(void))(code | 1u);
  refused();
  CHECK_EQ(fault_count, 1);
  CHECK_EQ(fault_cfsr[0], MMFSR_IACCVIOL);
  CHECK_EQ(fault_mmfar[0], 0);

  // The same code runs once its region allows execution.
  set_region(4, code, code + 31, AP_ANY_RW, 0);
  barrier();
  refused();
  CHECK_EQ(fault_count, 1);

  MPU_CTRL = 0;
  barrier();
  protected_block.read_only[4] = 0x88u;
  CHECK_EQ(protected_block.read_only[4], 0x88u);
  return test_finish("mpu_regions");
}
