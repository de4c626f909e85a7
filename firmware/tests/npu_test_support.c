#include "npu_test_support.h"

#include <stdio.h>

#include "corstone300_npu.h"

uint32_t npu_optimizer_config_word(unsigned macs) {
  unsigned log2_macs = 0;
  while ((1u << log2_macs) < macs) ++log2_macs;
  // SHRAM size in KB of each U55 configuration (Vela's accelerator table: 1 KB per bank).
  const unsigned shram_kb = macs <= 64 ? 16 : macs == 128 ? 24 : 48;
  return log2_macs | shram_kb << 8;
}

unsigned npu_test_interrupts(void) {
  return corstone300_npu_interrupts();
}

int npu_test_init(struct ethosu_driver* drv) {
  return corstone300_npu_init(drv);
}

size_t npu_build_payload(uint32_t* out, size_t capacity, const void* stream, size_t stream_words,
                         uint32_t config_word, uint32_t id_word) {
  const size_t header_words = 8;  // FourCC, 3 config words, 3 NOPs, COMMAND_STREAM tag
  if (capacity < header_words + stream_words || stream_words >= (1u << 24)) return 0;
  size_t n = 0;
  out[n++] = 0x31504F43u;            // "COP1"
  out[n++] = 0x01u | (0x10u << 16);  // OPTIMIZER_CONFIG, rel 0 patch 1
  out[n++] = config_word;
  out[n++] = id_word;
  while ((n + 1) % 4 != 0) out[n++] = 0x05u;  // NOP
  out[n++] = 0x02u | (uint32_t)((stream_words >> 16) & 0xFFu) << 8 |
             (uint32_t)(stream_words & 0xFFFFu) << 16;
  const uint32_t* words = stream;
  for (size_t i = 0; i < stream_words; ++i) out[n++] = words[i];
  return n * 4;
}

void npu_pmu_start(struct ethosu_driver* drv) {
  ETHOSU_PMU_Enable(drv);
  ETHOSU_PMU_Set_EVTYPER(drv, 0, ETHOSU_PMU_NPU_ACTIVE);
  ETHOSU_PMU_Set_EVTYPER(drv, 1, ETHOSU_PMU_AXI0_RD_DATA_BEAT_RECEIVED);
  ETHOSU_PMU_Set_EVTYPER(drv, 2, ETHOSU_PMU_AXI0_WR_DATA_BEAT_WRITTEN);
  ETHOSU_PMU_Set_EVTYPER(drv, 3, ETHOSU_PMU_AXI1_RD_DATA_BEAT_RECEIVED);
  ETHOSU_PMU_CYCCNT_Reset(drv);
  ETHOSU_PMU_EVCNTR_ALL_Reset(drv);
  ETHOSU_PMU_CNTR_Enable(drv, ETHOSU_PMU_CCNT_Msk | ETHOSU_PMU_CNT1_Msk | ETHOSU_PMU_CNT2_Msk |
                                  ETHOSU_PMU_CNT3_Msk | ETHOSU_PMU_CNT4_Msk);
}

struct npu_pmu_counts npu_pmu_stop(struct ethosu_driver* drv, const char* label) {
  struct npu_pmu_counts counts = {
      .cycles = ETHOSU_PMU_Get_CCNTR(drv),
      .npu_active = ETHOSU_PMU_Get_EVCNTR(drv, 0),
      .axi0_read_beats = ETHOSU_PMU_Get_EVCNTR(drv, 1),
      .axi0_write_beats = ETHOSU_PMU_Get_EVCNTR(drv, 2),
      .axi1_read_beats = ETHOSU_PMU_Get_EVCNTR(drv, 3),
  };
  ETHOSU_PMU_CNTR_Disable(drv, ETHOSU_PMU_CCNT_Msk | ETHOSU_PMU_CNT1_Msk | ETHOSU_PMU_CNT2_Msk |
                                   ETHOSU_PMU_CNT3_Msk | ETHOSU_PMU_CNT4_Msk);
  ETHOSU_PMU_Disable(drv);
  printf(
      "%s: NPU cycles %llu, NPU_ACTIVE %lu, AXI0 read beats %lu, AXI0 write beats %lu, "
      "AXI1 read beats %lu\n",
      label, (unsigned long long)counts.cycles, (unsigned long)counts.npu_active,
      (unsigned long)counts.axi0_read_beats, (unsigned long)counts.axi0_write_beats,
      (unsigned long)counts.axi1_read_beats);
  return counts;
}
