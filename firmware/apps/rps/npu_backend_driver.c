// TinyRPS on the Ethos-U55 through our Ethos-U driver (Arm's ethos-u-core-driver API): the
// pipeline's compiled payload for the NPU's MAC configuration (128 or 256, chosen from the
// driver's hardware info), region 0 the weights in DDR, regions 1 and 2 a scratch arena in DDR,
// and the NPU PMU's cycle counter around each inference.
#include <stdio.h>
#include <string.h>

#include "corstone300_npu.h"
#include "ethosu_driver.h"
#include "npu_backend.h"
#include "pmu_ethosu.h"
#include "tinyrps_model.h"

#if TINYRPS_U55_128_SCRATCH_SIZE > TINYRPS_U55_256_SCRATCH_SIZE
#define RPS_SCRATCH_SIZE TINYRPS_U55_128_SCRATCH_SIZE
#else
#define RPS_SCRATCH_SIZE TINYRPS_U55_256_SCRATCH_SIZE
#endif

static uint8_t scratch[RPS_SCRATCH_SIZE] __attribute__((section(".large_bss"), aligned(16)));

typedef struct {
  unsigned macs;
  const uint8_t* flash;
  size_t flash_size;
  const uint8_t* payload;
  int payload_size;
  size_t scratch_size;
  size_t input_offset, output_offset;
} compiled_model_t;

static const compiled_model_t kModels[] = {
    {128, tinyrps_u55_128_flash, TINYRPS_U55_128_FLASH_SIZE, tinyrps_u55_128_payload,
     TINYRPS_U55_128_PAYLOAD_SIZE, TINYRPS_U55_128_SCRATCH_SIZE, TINYRPS_U55_128_INPUT_OFFSET,
     TINYRPS_U55_128_OUTPUT_OFFSET},
    {256, tinyrps_u55_256_flash, TINYRPS_U55_256_FLASH_SIZE, tinyrps_u55_256_payload,
     TINYRPS_U55_256_PAYLOAD_SIZE, TINYRPS_U55_256_SCRATCH_SIZE, TINYRPS_U55_256_INPUT_OFFSET,
     TINYRPS_U55_256_OUTPUT_OFFSET},
};

static struct ethosu_driver npu;

static const compiled_model_t* model;
static char status_line[192];

int npu_backend_init(void) {
  if (corstone300_npu_init(&npu) != 0) {
    snprintf(status_line, sizeof status_line,
             "Ethos-U55 not usable: ethosu_init failed (no NPU at 0x%08lx?); inferences run on "
             "the CPU",
             (unsigned long)CORSTONE300_NPU_BASE_ADDRESS);
    return -1;
  }
  struct ethosu_hw_info hw;
  ethosu_get_hw_info(&npu, &hw);
  struct ethosu_driver_version version;
  ethosu_get_driver_version(&version);
  const unsigned macs = 1u << hw.cfg.macs_per_cc;
  for (size_t i = 0; i < sizeof kModels / sizeof kModels[0]; ++i) {
    if (kModels[i].macs == macs) model = &kModels[i];
  }
  snprintf(status_line, sizeof status_line,
           "Ethos-U55, %u MACs/cycle (arch %lu.%lu.%lu, product %lu, command stream v%lu), driver "
           "%u.%u.%u%s",
           macs, (unsigned long)hw.version.arch_major_rev, (unsigned long)hw.version.arch_minor_rev,
           (unsigned long)hw.version.arch_patch_rev, (unsigned long)hw.version.product_major,
           (unsigned long)hw.cfg.cmd_stream_version, version.major, version.minor, version.patch,
           model ? "" : "; no TinyRPS payload compiled for this MAC count, npu mode unavailable");
  return model ? 0 : -1;
}

const char* npu_backend_status(void) {
  return status_line;
}

int npu_backend_run(const int8_t input[784], int8_t logits[3], uint32_t* npu_cycles) {
  *npu_cycles = 0;
  if (model == NULL) return -1;
  memset(scratch, 0, model->scratch_size);
  memcpy(scratch + model->input_offset, input, 784);
  uint64_t base_addr[3] = {(uintptr_t)model->flash, (uintptr_t)scratch, (uintptr_t)scratch};
  const size_t base_addr_size[3] = {model->flash_size, model->scratch_size, model->scratch_size};

  struct ethosu_driver* drv = ethosu_reserve_driver();
  if (drv == NULL) return -1;
  ETHOSU_PMU_Enable(drv);
  ETHOSU_PMU_CYCCNT_Reset(drv);
  ETHOSU_PMU_CNTR_Enable(drv, ETHOSU_PMU_CCNT_Msk);
  const int result = ethosu_invoke_v3(drv, model->payload, model->payload_size, base_addr,
                                      base_addr_size, 3, NULL);
  *npu_cycles = (uint32_t)ETHOSU_PMU_Get_CCNTR(drv);
  ETHOSU_PMU_CNTR_Disable(drv, ETHOSU_PMU_CCNT_Msk);
  ETHOSU_PMU_Disable(drv);
  ethosu_release_driver(drv);
  if (result != 0) {
    snprintf(status_line, sizeof status_line, "ethosu_invoke_v3 failed (%d)", result);
    return -1;
  }
  memcpy(logits, scratch + model->output_offset, 3);
  return 0;
}
