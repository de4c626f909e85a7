/* PMU helpers (pmu_ethosu.h) over the U55's PMU registers (ethos-u.md 1.3). */
#include "ethosu_device.h"
#include "ethosu_log.h"
#include "ethosu_registers.h"
#include "pmu_ethosu.h"

/* Hardware event number of each symbolic event (ethosu55_interface.h enum pmu_event). */
static const uint16_t kEventNumber[ETHOSU_PMU_SENTINEL] = {
    [ETHOSU_PMU_NO_EVENT] = 0,
    [ETHOSU_PMU_CYCLE] = 17,
    [ETHOSU_PMU_NPU_IDLE] = 32,
    [ETHOSU_PMU_CC_STALLED_ON_BLOCKDEP] = 33,
    [ETHOSU_PMU_CC_STALLED_ON_SHRAM_RECONFIG] = 34,
    [ETHOSU_PMU_NPU_ACTIVE] = 35,
    [ETHOSU_PMU_MAC_ACTIVE] = 48,
    [ETHOSU_PMU_MAC_ACTIVE_8BIT] = 49,
    [ETHOSU_PMU_MAC_ACTIVE_16BIT] = 50,
    [ETHOSU_PMU_MAC_DPU_ACTIVE] = 51,
    [ETHOSU_PMU_MAC_STALLED_BY_WD_ACC] = 52,
    [ETHOSU_PMU_MAC_STALLED_BY_WD] = 53,
    [ETHOSU_PMU_MAC_STALLED_BY_ACC] = 54,
    [ETHOSU_PMU_MAC_STALLED_BY_IB] = 55,
    [ETHOSU_PMU_MAC_ACTIVE_32BIT] = 56,
    [ETHOSU_PMU_MAC_STALLED_BY_INT_W] = 57,
    [ETHOSU_PMU_MAC_STALLED_BY_INT_ACC] = 58,
    [ETHOSU_PMU_AO_ACTIVE] = 64,
    [ETHOSU_PMU_AO_ACTIVE_8BIT] = 65,
    [ETHOSU_PMU_AO_ACTIVE_16BIT] = 66,
    [ETHOSU_PMU_AO_STALLED_BY_OFMP_OB] = 67,
    [ETHOSU_PMU_AO_STALLED_BY_OFMP] = 68,
    [ETHOSU_PMU_AO_STALLED_BY_OB] = 69,
    [ETHOSU_PMU_AO_STALLED_BY_ACC_IB] = 70,
    [ETHOSU_PMU_AO_STALLED_BY_ACC] = 71,
    [ETHOSU_PMU_AO_STALLED_BY_IB] = 72,
    [ETHOSU_PMU_WD_ACTIVE] = 80,
    [ETHOSU_PMU_WD_STALLED] = 81,
    [ETHOSU_PMU_WD_STALLED_BY_WS] = 82,
    [ETHOSU_PMU_WD_STALLED_BY_WD_BUF] = 83,
    [ETHOSU_PMU_WD_PARSE_ACTIVE] = 84,
    [ETHOSU_PMU_WD_PARSE_STALLED] = 85,
    [ETHOSU_PMU_WD_PARSE_STALLED_IN] = 86,
    [ETHOSU_PMU_WD_PARSE_STALLED_OUT] = 87,
    [ETHOSU_PMU_WD_TRANS_WS] = 88,
    [ETHOSU_PMU_WD_TRANS_WB] = 89,
    [ETHOSU_PMU_WD_TRANS_DW0] = 90,
    [ETHOSU_PMU_WD_TRANS_DW1] = 91,
    [ETHOSU_PMU_AXI0_RD_TRANS_ACCEPTED] = 128,
    [ETHOSU_PMU_AXI0_RD_TRANS_COMPLETED] = 129,
    [ETHOSU_PMU_AXI0_RD_DATA_BEAT_RECEIVED] = 130,
    [ETHOSU_PMU_AXI0_RD_TRAN_REQ_STALLED] = 131,
    [ETHOSU_PMU_AXI0_WR_TRANS_ACCEPTED] = 132,
    [ETHOSU_PMU_AXI0_WR_TRANS_COMPLETED_M] = 133,
    [ETHOSU_PMU_AXI0_WR_TRANS_COMPLETED_S] = 134,
    [ETHOSU_PMU_AXI0_WR_DATA_BEAT_WRITTEN] = 135,
    [ETHOSU_PMU_AXI0_WR_TRAN_REQ_STALLED] = 136,
    [ETHOSU_PMU_AXI0_WR_DATA_BEAT_STALLED] = 137,
    [ETHOSU_PMU_AXI0_ENABLED_CYCLES] = 140,
    [ETHOSU_PMU_AXI0_RD_STALL_LIMIT] = 142,
    [ETHOSU_PMU_AXI0_WR_STALL_LIMIT] = 143,
    [ETHOSU_PMU_AXI_LATENCY_ANY] = 160,
    [ETHOSU_PMU_AXI_LATENCY_32] = 161,
    [ETHOSU_PMU_AXI_LATENCY_64] = 162,
    [ETHOSU_PMU_AXI_LATENCY_128] = 163,
    [ETHOSU_PMU_AXI_LATENCY_256] = 164,
    [ETHOSU_PMU_AXI_LATENCY_512] = 165,
    [ETHOSU_PMU_AXI_LATENCY_1024] = 166,
    [ETHOSU_PMU_ECC_DMA] = 176,
    [ETHOSU_PMU_ECC_SB0] = 177,
    [ETHOSU_PMU_AXI1_RD_TRANS_ACCEPTED] = 384,
    [ETHOSU_PMU_AXI1_RD_TRANS_COMPLETED] = 385,
    [ETHOSU_PMU_AXI1_RD_DATA_BEAT_RECEIVED] = 386,
    [ETHOSU_PMU_AXI1_RD_TRAN_REQ_STALLED] = 387,
    [ETHOSU_PMU_AXI1_WR_TRANS_ACCEPTED] = 388,
    [ETHOSU_PMU_AXI1_WR_TRANS_COMPLETED_M] = 389,
    [ETHOSU_PMU_AXI1_WR_TRANS_COMPLETED_S] = 390,
    [ETHOSU_PMU_AXI1_WR_DATA_BEAT_WRITTEN] = 391,
    [ETHOSU_PMU_AXI1_WR_TRAN_REQ_STALLED] = 392,
    [ETHOSU_PMU_AXI1_WR_DATA_BEAT_STALLED] = 393,
    [ETHOSU_PMU_AXI1_ENABLED_CYCLES] = 396,
    [ETHOSU_PMU_AXI1_RD_STALL_LIMIT] = 398,
    [ETHOSU_PMU_AXI1_WR_STALL_LIMIT] = 399,
    [ETHOSU_PMU_ECC_SB1] = 433,
};

static uint32_t event_number(enum ethosu_pmu_event_type type) {
  return (unsigned)type < ETHOSU_PMU_SENTINEL ? kEventNumber[type] : 0;
}

static enum ethosu_pmu_event_type event_type(uint32_t number) {
  for (unsigned type = 0; type < ETHOSU_PMU_SENTINEL; ++type) {
    if (kEventNumber[type] == number) return (enum ethosu_pmu_event_type)type;
  }
  return ETHOSU_PMU_NO_EVENT;
}

static uint32_t read_reg(struct ethosu_driver* drv, uint32_t offset) {
  return ethosu_dev_read(drv->dev, offset);
}

static void write_reg(struct ethosu_driver* drv, uint32_t offset, uint32_t value) {
  ethosu_dev_write(drv->dev, offset, value);
}

static bool valid_counter(uint32_t num) {
  if (num < ETHOSU_PMU_NCOUNTERS) return true;
  ethosu_log_error("PMU event counter %lu does not exist (%d counters)", (unsigned long)num,
                   ETHOSU_PMU_NCOUNTERS);
  return false;
}

/* Enabling holds a power request, so the soft reset of the NPU's first inference request does
 * not clear the PMU configuration; disabling releases it. */
void ETHOSU_PMU_Enable(struct ethosu_driver* drv) {
  ethosu_request_power(drv);
  write_reg(drv, ETHOSU_REG_PMCR, read_reg(drv, ETHOSU_REG_PMCR) | ETHOSU_PMCR_CNT_EN);
}

void ETHOSU_PMU_Disable(struct ethosu_driver* drv) {
  write_reg(drv, ETHOSU_REG_PMCR, read_reg(drv, ETHOSU_REG_PMCR) & ~ETHOSU_PMCR_CNT_EN);
  ethosu_release_power(drv);
}

void ETHOSU_PMU_Set_EVTYPER(struct ethosu_driver* drv, uint32_t num,
                            enum ethosu_pmu_event_type type) {
  if (valid_counter(num)) write_reg(drv, ETHOSU_REG_PMEVTYPER0 + 4 * num, event_number(type));
}

enum ethosu_pmu_event_type ETHOSU_PMU_Get_EVTYPER(struct ethosu_driver* drv, uint32_t num) {
  if (!valid_counter(num)) return ETHOSU_PMU_NO_EVENT;
  return event_type(read_reg(drv, ETHOSU_REG_PMEVTYPER0 + 4 * num) & 0x3FFu);
}

uint32_t ETHOSU_PMU_Get_NumEventCounters(void) {
  return ETHOSU_PMU_NCOUNTERS;
}

void ETHOSU_PMU_CYCCNT_Reset(struct ethosu_driver* drv) {
  write_reg(drv, ETHOSU_REG_PMCR, read_reg(drv, ETHOSU_REG_PMCR) | ETHOSU_PMCR_CYCLE_CNT_RST);
}

void ETHOSU_PMU_EVCNTR_ALL_Reset(struct ethosu_driver* drv) {
  write_reg(drv, ETHOSU_REG_PMCR, read_reg(drv, ETHOSU_REG_PMCR) | ETHOSU_PMCR_EVENT_CNT_RST);
}

void ETHOSU_PMU_CNTR_Enable(struct ethosu_driver* drv, uint32_t mask) {
  write_reg(drv, ETHOSU_REG_PMCNTENSET, mask);
}

void ETHOSU_PMU_CNTR_Disable(struct ethosu_driver* drv, uint32_t mask) {
  write_reg(drv, ETHOSU_REG_PMCNTENCLR, mask);
}

uint32_t ETHOSU_PMU_CNTR_Status(struct ethosu_driver* drv) {
  return read_reg(drv, ETHOSU_REG_PMCNTENSET);
}

static uint64_t read_cycle_counter_once(struct ethosu_driver* drv) {
  const uint32_t lo = read_reg(drv, ETHOSU_REG_PMCCNTR_LO);
  const uint32_t hi = read_reg(drv, ETHOSU_REG_PMCCNTR_HI) & 0xFFFFu;
  return (uint64_t)hi << 32 | lo;
}

/* Two reads: if the low word wrapped between the low and high reads of the first, the second is
 * the larger and consistent one. */
uint64_t ETHOSU_PMU_Get_CCNTR(struct ethosu_driver* drv) {
  const uint64_t first = read_cycle_counter_once(drv);
  const uint64_t second = read_cycle_counter_once(drv);
  return second > first ? second : first;
}

void ETHOSU_PMU_Set_CCNTR(struct ethosu_driver* drv, uint64_t val) {
  const uint32_t enabled = ETHOSU_PMU_CNTR_Status(drv) & ETHOSU_PMU_CCNT_Msk;
  if (enabled) ETHOSU_PMU_CNTR_Disable(drv, ETHOSU_PMU_CCNT_Msk);
  write_reg(drv, ETHOSU_REG_PMCCNTR_LO, (uint32_t)val);
  write_reg(drv, ETHOSU_REG_PMCCNTR_HI, (uint32_t)(val >> 32) & 0xFFFFu);
  if (enabled) ETHOSU_PMU_CNTR_Enable(drv, ETHOSU_PMU_CCNT_Msk);
}

uint32_t ETHOSU_PMU_Get_EVCNTR(struct ethosu_driver* drv, uint32_t num) {
  return valid_counter(num) ? read_reg(drv, ETHOSU_REG_PMEVCNTR0 + 4 * num) : 0;
}

void ETHOSU_PMU_Set_EVCNTR(struct ethosu_driver* drv, uint32_t num, uint32_t val) {
  if (valid_counter(num)) write_reg(drv, ETHOSU_REG_PMEVCNTR0 + 4 * num, val);
}

uint32_t ETHOSU_PMU_Get_CNTR_OVS(struct ethosu_driver* drv) {
  return read_reg(drv, ETHOSU_REG_PMOVSSET);
}

void ETHOSU_PMU_Set_CNTR_OVS(struct ethosu_driver* drv, uint32_t mask) {
  write_reg(drv, ETHOSU_REG_PMOVSCLR, mask);
}

void ETHOSU_PMU_Set_CNTR_IRQ_Enable(struct ethosu_driver* drv, uint32_t mask) {
  write_reg(drv, ETHOSU_REG_PMINTSET, mask);
}

void ETHOSU_PMU_Set_CNTR_IRQ_Disable(struct ethosu_driver* drv, uint32_t mask) {
  write_reg(drv, ETHOSU_REG_PMINTCLR, mask);
}

uint32_t ETHOSU_PMU_Get_IRQ_Enable(struct ethosu_driver* drv) {
  return read_reg(drv, ETHOSU_REG_PMINTSET);
}

void ETHOSU_PMU_CNTR_Increment(struct ethosu_driver* drv, uint32_t mask) {
  const uint32_t enabled = ETHOSU_PMU_CNTR_Status(drv);
  if (mask & ETHOSU_PMU_CCNT_Msk) {
    ETHOSU_PMU_CNTR_Disable(drv, ETHOSU_PMU_CCNT_Msk);
    ETHOSU_PMU_Set_CCNTR(drv, ETHOSU_PMU_Get_CCNTR(drv) + 1);
    if (enabled & ETHOSU_PMU_CCNT_Msk) ETHOSU_PMU_CNTR_Enable(drv, ETHOSU_PMU_CCNT_Msk);
  }
  for (uint32_t i = 0; i < ETHOSU_PMU_NCOUNTERS; ++i) {
    const uint32_t bit = 1u << i;
    if ((mask & bit) == 0) continue;
    ETHOSU_PMU_CNTR_Disable(drv, bit);
    write_reg(drv, ETHOSU_REG_PMEVCNTR0 + 4 * i, read_reg(drv, ETHOSU_REG_PMEVCNTR0 + 4 * i) + 1);
    if (enabled & bit) ETHOSU_PMU_CNTR_Enable(drv, bit);
  }
}

void ETHOSU_PMU_PMCCNTR_CFG_Set_Start_Event(struct ethosu_driver* drv,
                                            enum ethosu_pmu_event_type start_event) {
  const uint32_t cfg = read_reg(drv, ETHOSU_REG_PMCCNTR_CFG);
  write_reg(drv, ETHOSU_REG_PMCCNTR_CFG, (cfg & ~0x3FFu) | event_number(start_event));
}

void ETHOSU_PMU_PMCCNTR_CFG_Set_Stop_Event(struct ethosu_driver* drv,
                                           enum ethosu_pmu_event_type stop_event) {
  const uint32_t cfg = read_reg(drv, ETHOSU_REG_PMCCNTR_CFG);
  write_reg(drv, ETHOSU_REG_PMCCNTR_CFG, (cfg & ~(0x3FFu << 16)) | event_number(stop_event) << 16);
}

uint32_t ETHOSU_PMU_Get_QREAD(struct ethosu_driver* drv) {
  return read_reg(drv, ETHOSU_REG_QREAD);
}

uint32_t ETHOSU_PMU_Get_STATUS(struct ethosu_driver* drv) {
  return read_reg(drv, ETHOSU_REG_STATUS);
}
