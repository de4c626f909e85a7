/* Ethos-U55 performance monitor helpers with the names and signatures of Arm's pmu_ethosu.h.
 * Event types are symbolic: ETHOSU_PMU_Set_EVTYPER translates them to the U55's hardware event
 * numbers (ethosu55_interface.h enum pmu_event), and a type the U55 lacks reads back as
 * ETHOSU_PMU_NO_EVENT. The driver must be initialised (ethosu_init) before any call. */
#ifndef PMU_ETHOSU_H
#define PMU_ETHOSU_H

#include <stdint.h>

#include "ethosu_driver.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ETHOSU_PMU_NCOUNTERS 4 /* event counters of the U55/U65 */

#define ETHOSU_PMU_CNT1_Msk (1UL << 0)
#define ETHOSU_PMU_CNT2_Msk (1UL << 1)
#define ETHOSU_PMU_CNT3_Msk (1UL << 2)
#define ETHOSU_PMU_CNT4_Msk (1UL << 3)
#define ETHOSU_PMU_CCNT_Msk (1UL << 31) /* the 48-bit cycle counter */

enum ethosu_pmu_event_type {
  ETHOSU_PMU_NO_EVENT = 0,
  ETHOSU_PMU_CYCLE,
  ETHOSU_PMU_NPU_IDLE,
  ETHOSU_PMU_CC_STALLED_ON_BLOCKDEP,
  ETHOSU_PMU_CC_STALLED_ON_SHRAM_RECONFIG,
  ETHOSU_PMU_NPU_ACTIVE,
  ETHOSU_PMU_MAC_ACTIVE,
  ETHOSU_PMU_MAC_ACTIVE_8BIT,
  ETHOSU_PMU_MAC_ACTIVE_16BIT,
  ETHOSU_PMU_MAC_DPU_ACTIVE,
  ETHOSU_PMU_MAC_STALLED_BY_WD_ACC,
  ETHOSU_PMU_MAC_STALLED_BY_WD,
  ETHOSU_PMU_MAC_STALLED_BY_ACC,
  ETHOSU_PMU_MAC_STALLED_BY_IB,
  ETHOSU_PMU_MAC_ACTIVE_32BIT,
  ETHOSU_PMU_MAC_STALLED_BY_INT_W,
  ETHOSU_PMU_MAC_STALLED_BY_INT_ACC,
  ETHOSU_PMU_AO_ACTIVE,
  ETHOSU_PMU_AO_ACTIVE_8BIT,
  ETHOSU_PMU_AO_ACTIVE_16BIT,
  ETHOSU_PMU_AO_STALLED_BY_OFMP_OB,
  ETHOSU_PMU_AO_STALLED_BY_OFMP,
  ETHOSU_PMU_AO_STALLED_BY_OB,
  ETHOSU_PMU_AO_STALLED_BY_ACC_IB,
  ETHOSU_PMU_AO_STALLED_BY_ACC,
  ETHOSU_PMU_AO_STALLED_BY_IB,
  ETHOSU_PMU_WD_ACTIVE,
  ETHOSU_PMU_WD_STALLED,
  ETHOSU_PMU_WD_STALLED_BY_WS,
  ETHOSU_PMU_WD_STALLED_BY_WD_BUF,
  ETHOSU_PMU_WD_PARSE_ACTIVE,
  ETHOSU_PMU_WD_PARSE_STALLED,
  ETHOSU_PMU_WD_PARSE_STALLED_IN,
  ETHOSU_PMU_WD_PARSE_STALLED_OUT,
  ETHOSU_PMU_WD_TRANS_WS,
  ETHOSU_PMU_WD_TRANS_WB,
  ETHOSU_PMU_WD_TRANS_DW0,
  ETHOSU_PMU_WD_TRANS_DW1,
  ETHOSU_PMU_AXI0_RD_TRANS_ACCEPTED,
  ETHOSU_PMU_AXI0_RD_TRANS_COMPLETED,
  ETHOSU_PMU_AXI0_RD_DATA_BEAT_RECEIVED,
  ETHOSU_PMU_AXI0_RD_TRAN_REQ_STALLED,
  ETHOSU_PMU_AXI0_WR_TRANS_ACCEPTED,
  ETHOSU_PMU_AXI0_WR_TRANS_COMPLETED_M,
  ETHOSU_PMU_AXI0_WR_TRANS_COMPLETED_S,
  ETHOSU_PMU_AXI0_WR_DATA_BEAT_WRITTEN,
  ETHOSU_PMU_AXI0_WR_TRAN_REQ_STALLED,
  ETHOSU_PMU_AXI0_WR_DATA_BEAT_STALLED,
  ETHOSU_PMU_AXI0_ENABLED_CYCLES,
  ETHOSU_PMU_AXI0_RD_STALL_LIMIT,
  ETHOSU_PMU_AXI0_WR_STALL_LIMIT,
  ETHOSU_PMU_AXI_LATENCY_ANY,
  ETHOSU_PMU_AXI_LATENCY_32,
  ETHOSU_PMU_AXI_LATENCY_64,
  ETHOSU_PMU_AXI_LATENCY_128,
  ETHOSU_PMU_AXI_LATENCY_256,
  ETHOSU_PMU_AXI_LATENCY_512,
  ETHOSU_PMU_AXI_LATENCY_1024,
  ETHOSU_PMU_ECC_DMA,
  ETHOSU_PMU_ECC_SB0,
  ETHOSU_PMU_AXI1_RD_TRANS_ACCEPTED,
  ETHOSU_PMU_AXI1_RD_TRANS_COMPLETED,
  ETHOSU_PMU_AXI1_RD_DATA_BEAT_RECEIVED,
  ETHOSU_PMU_AXI1_RD_TRAN_REQ_STALLED,
  ETHOSU_PMU_AXI1_WR_TRANS_ACCEPTED,
  ETHOSU_PMU_AXI1_WR_TRANS_COMPLETED_M,
  ETHOSU_PMU_AXI1_WR_TRANS_COMPLETED_S,
  ETHOSU_PMU_AXI1_WR_DATA_BEAT_WRITTEN,
  ETHOSU_PMU_AXI1_WR_TRAN_REQ_STALLED,
  ETHOSU_PMU_AXI1_WR_DATA_BEAT_STALLED,
  ETHOSU_PMU_AXI1_ENABLED_CYCLES,
  ETHOSU_PMU_AXI1_RD_STALL_LIMIT,
  ETHOSU_PMU_AXI1_WR_STALL_LIMIT,
  ETHOSU_PMU_ECC_SB1,

  ETHOSU_PMU_SENTINEL /* end marker, not an event */
};

/* PMCR.cnt_en set / cleared. */
void ETHOSU_PMU_Enable(struct ethosu_driver* drv);
void ETHOSU_PMU_Disable(struct ethosu_driver* drv);

/* Event counter `num` (< ETHOSU_PMU_NCOUNTERS) counts `type`. */
void ETHOSU_PMU_Set_EVTYPER(struct ethosu_driver* drv, uint32_t num,
                            enum ethosu_pmu_event_type type);
enum ethosu_pmu_event_type ETHOSU_PMU_Get_EVTYPER(struct ethosu_driver* drv, uint32_t num);
uint32_t ETHOSU_PMU_Get_NumEventCounters(void);

/* PMCR.cycle_cnt_rst / event_cnt_rst: zero the cycle counter / every event counter. */
void ETHOSU_PMU_CYCCNT_Reset(struct ethosu_driver* drv);
void ETHOSU_PMU_EVCNTR_ALL_Reset(struct ethosu_driver* drv);

/* Counter enables (PMCNTENSET/CLR): bits 0..3 event counters, bit 31 the cycle counter. */
void ETHOSU_PMU_CNTR_Enable(struct ethosu_driver* drv, uint32_t mask);
void ETHOSU_PMU_CNTR_Disable(struct ethosu_driver* drv, uint32_t mask);
uint32_t ETHOSU_PMU_CNTR_Status(struct ethosu_driver* drv);

/* The 48-bit cycle counter. Get reads it consistently even if the low word wraps between the
 * two register reads; Set stops the counter while writing it. */
uint64_t ETHOSU_PMU_Get_CCNTR(struct ethosu_driver* drv);
void ETHOSU_PMU_Set_CCNTR(struct ethosu_driver* drv, uint64_t val);
uint32_t ETHOSU_PMU_Get_EVCNTR(struct ethosu_driver* drv, uint32_t num);
void ETHOSU_PMU_Set_EVCNTR(struct ethosu_driver* drv, uint32_t num, uint32_t val);

/* Overflow flags (PMOVSSET / PMOVSCLR) and overflow interrupts (PMINTSET / PMINTCLR). */
uint32_t ETHOSU_PMU_Get_CNTR_OVS(struct ethosu_driver* drv);
void ETHOSU_PMU_Set_CNTR_OVS(struct ethosu_driver* drv, uint32_t mask);
void ETHOSU_PMU_Set_CNTR_IRQ_Enable(struct ethosu_driver* drv, uint32_t mask);
void ETHOSU_PMU_Set_CNTR_IRQ_Disable(struct ethosu_driver* drv, uint32_t mask);
uint32_t ETHOSU_PMU_Get_IRQ_Enable(struct ethosu_driver* drv);

/* Adds one to each selected counter (read-modify-write with the counter stopped). */
void ETHOSU_PMU_CNTR_Increment(struct ethosu_driver* drv, uint32_t mask);

/* PMCCNTR_CFG: the events that start and stop the cycle counter. */
void ETHOSU_PMU_PMCCNTR_CFG_Set_Start_Event(struct ethosu_driver* drv,
                                            enum ethosu_pmu_event_type start_event);
void ETHOSU_PMU_PMCCNTR_CFG_Set_Stop_Event(struct ethosu_driver* drv,
                                           enum ethosu_pmu_event_type stop_event);

/* Raw QREAD and STATUS, for diagnostics. */
uint32_t ETHOSU_PMU_Get_QREAD(struct ethosu_driver* drv);
uint32_t ETHOSU_PMU_Get_STATUS(struct ethosu_driver* drv);

#ifdef __cplusplus
}
#endif

#endif /* PMU_ETHOSU_H */
