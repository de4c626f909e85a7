// TinyRPS (the pipeline's Vela-style compiled CNN, firmware/generated) through the Ethos-U driver:
// ethosu_init, hardware info, one inference with ethosu_invoke_v3 on the sample image, the logits
// against the golden model's, and the NPU's PMU counters.
#include <stdio.h>
#include <string.h>

#include "npu_test_support.h"
#include "test_check.h"
#include "tinyrps_model.h"

// Region 1: the scratch arena (feature maps), in DDR like an application's tensor arena.
static uint8_t scratch[TINYRPS_U55_128_SCRATCH_SIZE]
    __attribute__((section(".large_bss"), aligned(16)));

static struct ethosu_driver npu;

int main(void) {
  CHECK_EQ(npu_test_init(&npu), 0);

  struct ethosu_driver_version version;
  ethosu_get_driver_version(&version);
  struct ethosu_hw_info hw;
  ethosu_get_hw_info(&npu, &hw);
  printf("driver %u.%u.%u, NPU arch %lu.%lu.%lu, product %lu, %u MACs\n", version.major,
         version.minor, version.patch, (unsigned long)hw.version.arch_major_rev,
         (unsigned long)hw.version.arch_minor_rev, (unsigned long)hw.version.arch_patch_rev,
         (unsigned long)hw.version.product_major, 1u << hw.cfg.macs_per_cc);
  CHECK_EQ(hw.cfg.macs_per_cc, ETHOSU_MACS_128);
  CHECK_EQ(hw.cfg.cmd_stream_version, 0);

  memset(scratch, 0, sizeof scratch);
  memcpy(scratch + TINYRPS_U55_128_INPUT_OFFSET, tinyrps_sample_input, sizeof tinyrps_sample_input);
  uint64_t base_addr[3] = {(uintptr_t)tinyrps_u55_128_flash, (uintptr_t)scratch,
                           (uintptr_t)scratch};
  const size_t base_addr_size[3] = {TINYRPS_U55_128_FLASH_SIZE, sizeof scratch, sizeof scratch};

  struct ethosu_driver* drv = ethosu_reserve_driver();
  CHECK(drv == &npu);
  npu_pmu_start(drv);
  const int result = ethosu_invoke_v3(drv, tinyrps_u55_128_payload, TINYRPS_U55_128_PAYLOAD_SIZE,
                                      base_addr, base_addr_size, 3, NULL);
  const struct npu_pmu_counts counts = npu_pmu_stop(drv, "tinyrps");
  ethosu_release_driver(drv);
  CHECK_EQ(result, 0);

  const int8_t* logits = (const int8_t*)(scratch + TINYRPS_U55_128_OUTPUT_OFFSET);
  printf("logits %d %d %d (golden %d %d %d), class %s\n", logits[0], logits[1], logits[2],
         tinyrps_sample_expected[0], tinyrps_sample_expected[1], tinyrps_sample_expected[2],
         tinyrps_labels[TINYRPS_SAMPLE_LABEL]);
  CHECK(memcmp(logits, tinyrps_sample_expected, TINYRPS_NUM_CLASSES) == 0);

  // The counters saw the inference: time passed with the NPU active, weights and feature maps
  // were read and the OFMs written.
  CHECK(counts.cycles > 0);
  CHECK(counts.npu_active > 0 && counts.npu_active <= counts.cycles);
  CHECK(counts.axi0_read_beats + counts.axi1_read_beats > 0);
  CHECK(counts.axi0_write_beats > 0);

  // A second inference on the same driver gives the same result.
  memset(scratch, 0, sizeof scratch);
  memcpy(scratch + TINYRPS_U55_128_INPUT_OFFSET, tinyrps_sample_input, sizeof tinyrps_sample_input);
  CHECK_EQ(ethosu_invoke_v2(tinyrps_u55_128_payload, TINYRPS_U55_128_PAYLOAD_SIZE, base_addr,
                            base_addr_size, 3),
           0);
  CHECK(memcmp(scratch + TINYRPS_U55_128_OUTPUT_OFFSET, tinyrps_sample_expected,
               TINYRPS_NUM_CLASSES) == 0);

  // Completion came through the path this image was built for: one interrupt per inference, or
  // none when the driver polls.
#ifdef ETHOSU_WAIT_POLL
  printf("completion by polling STATUS, %u interrupts\n", npu_test_interrupts());
  CHECK_EQ(npu_test_interrupts(), 0);
#else
  printf("completion by IRQ %u, %u interrupts\n", NPU_IRQ_NUMBER, npu_test_interrupts());
  CHECK_EQ(npu_test_interrupts(), 2);
#endif

  ethosu_deinit(&npu);
  return test_finish("npu_tinyrps");
}
