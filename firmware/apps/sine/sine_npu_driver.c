// The sine MLP on the Ethos-U55 through our Ethos-U driver: the pipeline's compiled bundle
// (sine_npu_blobs.S; input and output offsets and the scratch size from its layout.json, passed
// in by CMake), one ethosu_invoke_v3 per point, NPU PMU cycles around it.
#include <string.h>

#include "corstone300_npu.h"
#include "ethosu_driver.h"
#include "pmu_ethosu.h"
#include "sine_npu.h"

extern const uint8_t sine_npu_flash[], sine_npu_flash_end[];
extern const uint8_t sine_npu_payload[], sine_npu_payload_end[];

static uint8_t scratch[SINE_NPU_SCRATCH_SIZE] __attribute__((section(".large_bss"), aligned(16)));
static struct ethosu_driver npu;

static const char* status = "not initialised";

int sine_npu_init(void) {
  if (corstone300_npu_init(&npu) != 0) {
    status = "ethosu_init failed";
    return -1;
  }
  struct ethosu_hw_info hw;
  ethosu_get_hw_info(&npu, &hw);
  if ((1u << hw.cfg.macs_per_cc) != SINE_NPU_MACS) {
    status = "the NPU's MAC count differs from the compiled sine payload's (ethos-u55-128)";
    return -1;
  }
  status = "ok";
  return 0;
}

const char* sine_npu_status(void) {
  return status;
}

int sine_npu_predict(int8_t x, int8_t* y, uint32_t* npu_cycles) {
  memset(scratch, 0, sizeof scratch);
  scratch[SINE_NPU_INPUT_OFFSET] = (uint8_t)x;
  uint64_t base_addr[3] = {(uintptr_t)sine_npu_flash, (uintptr_t)scratch, (uintptr_t)scratch};
  const size_t base_addr_size[3] = {(size_t)(sine_npu_flash_end - sine_npu_flash), sizeof scratch,
                                    sizeof scratch};
  struct ethosu_driver* drv = ethosu_reserve_driver();
  if (drv == NULL) return -1;
  ETHOSU_PMU_Enable(drv);
  ETHOSU_PMU_CYCCNT_Reset(drv);
  ETHOSU_PMU_CNTR_Enable(drv, ETHOSU_PMU_CCNT_Msk);
  const int result =
      ethosu_invoke_v3(drv, sine_npu_payload, (int)(sine_npu_payload_end - sine_npu_payload),
                       base_addr, base_addr_size, 3, NULL);
  *npu_cycles = (uint32_t)ETHOSU_PMU_Get_CCNTR(drv);
  ETHOSU_PMU_CNTR_Disable(drv, ETHOSU_PMU_CCNT_Msk);
  ETHOSU_PMU_Disable(drv);
  ethosu_release_driver(drv);
  if (result != 0) {
    status = "ethosu_invoke_v3 failed";
    return -1;
  }
  *y = (int8_t)scratch[SINE_NPU_OUTPUT_OFFSET];
  return 0;
}
