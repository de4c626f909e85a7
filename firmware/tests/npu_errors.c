// Driver error paths: payloads the driver must refuse before starting the NPU (wrong FourCC,
// unknown driver action, a stream compiled for another MAC configuration), NPU errors it must
// report (a malformed command stream: cmd_parse_error; a region outside memory: bus_status; a
// corrupt weight stream: wd_fault), and after each error a good inference that must succeed, i.e.
// the driver recovered the NPU.
#include <stdio.h>
#include <string.h>

#include "npu_test_support.h"
#include "npu_vectors.h"
#include "test_check.h"
#include "tinyrps_model.h"

#define STATUS_BUS_STATUS (1u << 2)
#define STATUS_CMD_PARSE_ERROR (1u << 4)
#define STATUS_CMD_END_REACHED (1u << 5)
#define STATUS_WD_FAULT (1u << 7)
#define UNMAPPED_ADDRESS 0x44000000u  // no memory or device in the Corstone-300 map

static uint8_t region1[4096] __attribute__((section(".large_bss"), aligned(16)));
static uint8_t corrupt_region0[4096] __attribute__((section(".large_bss"), aligned(16)));
static uint32_t payload[512] __attribute__((aligned(16)));
static struct ethosu_driver npu;

// STATUS as the inference ended (before the driver's recovery reset), from the end callback.
static uint32_t status_at_end;
static unsigned inferences_ended;

void ethosu_inference_end(struct ethosu_driver* drv, void* user_arg) {
  (void)user_arg;
  status_at_end = ETHOSU_PMU_Get_STATUS(drv);
  ++inferences_ended;
}

static size_t blob_size(struct npu_blob blob) {
  return (size_t)(blob.end - blob.data);
}

static const struct npu_vector* good_vector(void) {
  return &npu_vectors[0];
}

// Runs `stream` with region 0 of the good vector and region 1 at `region1_base`.
static int invoke_stream(const void* stream, size_t words, uint64_t region1_base) {
  const size_t size = npu_build_payload(payload, sizeof payload / 4, stream, words,
                                        npu_optimizer_config_word(128), NPU_OPTIMIZER_ID_WORD);
  uint64_t base_addr[2] = {(uintptr_t)good_vector()->region0.data, region1_base};
  const size_t base_addr_size[2] = {blob_size(good_vector()->region0), sizeof region1};
  return ethosu_invoke_v3(&npu, payload, (int)size, base_addr, base_addr_size, 2, NULL);
}

// The good vector must run and match: the NPU is usable again.
static void check_recovered(const char* after) {
  const struct npu_vector* v = good_vector();
  memcpy(region1, v->region1.data, blob_size(v->region1));
  const int result = invoke_stream(v->cmd.data, blob_size(v->cmd) / 4, (uintptr_t)region1);
  test_check(result == 0, after, __FILE_NAME__, __LINE__);
  test_check(memcmp(region1, v->region1_expected.data, blob_size(v->region1)) == 0, after,
             __FILE_NAME__, __LINE__);
  CHECK((status_at_end & STATUS_CMD_END_REACHED) != 0);
  printf("good inference after %s: %s\n", after, result == 0 ? "ok" : "FAILED");
}

// Region 1 of the TinyRPS network for the asynchronous test, in DDR like a tensor arena.
static uint8_t rps_scratch[TINYRPS_U55_128_SCRATCH_SIZE]
    __attribute__((section(".large_bss"), aligned(16)));

int main(void) {
  CHECK_EQ(npu_test_init(&npu), 0);
  CHECK_EQ(ethosu_wait(&npu, true), -2);  // nothing invoked
  // Refused payloads never reach the NPU, so any aligned buffer serves as their regions.
  uint64_t base_addr[3] = {(uintptr_t)region1, (uintptr_t)region1, (uintptr_t)region1};

  // A stream compiled for the U55-256 on this U55-128: refused, the NPU never started.
  const unsigned ended_before = inferences_ended;
  CHECK_EQ(ethosu_invoke_v3(&npu, tinyrps_u55_256_payload, TINYRPS_U55_256_PAYLOAD_SIZE, base_addr,
                            NULL, 3, NULL),
           -1);
  CHECK_EQ(inferences_ended, ended_before);
  check_recovered("MACs mismatch");

  // Not a COP1 payload.
  static const uint32_t not_cop1[4] __attribute__((aligned(16))) = {0x32504F43u, 5, 5, 5};
  CHECK_EQ(ethosu_invoke_v3(&npu, not_cop1, sizeof not_cop1, base_addr, NULL, 3, NULL), -1);
  // A driver action the driver does not know (3, Vela's ReadAPB).
  static const uint32_t unknown_action[4] __attribute__((aligned(16))) = {0x31504F43u, 3, 5, 5};
  CHECK_EQ(ethosu_invoke_v3(&npu, unknown_action, sizeof unknown_action, base_addr, NULL, 3, NULL),
           -1);
  // A command stream that overruns the payload.
  static const uint32_t overrun[4]
      __attribute__((aligned(16))) = {0x31504F43u, 5, 5, 0x02u | (8u << 16)};
  CHECK_EQ(ethosu_invoke_v3(&npu, overrun, sizeof overrun, base_addr, NULL, 3, NULL), -1);
  check_recovered("bad payloads");

  // Opcode 0x0FF is no U55 command: the NPU stops with cmd_parse_error.
  static const uint32_t bad_opcode[2] = {0x000000FFu, 0xFFFF0000u /* NPU_OP_STOP */};
  CHECK_EQ(invoke_stream(bad_opcode, 2, (uintptr_t)region1), -1);
  printf("malformed stream: STATUS 0x%08lx\n", (unsigned long)status_at_end);
  CHECK((status_at_end & STATUS_CMD_PARSE_ERROR) != 0);
  CHECK((status_at_end & STATUS_CMD_END_REACHED) == 0);
  check_recovered("cmd_parse_error");

  // The good vector's stream with region 1 where nothing answers: a bus error on the IFM read.
  const struct npu_vector* v = good_vector();
  CHECK_EQ(invoke_stream(v->cmd.data, blob_size(v->cmd) / 4, UNMAPPED_ADDRESS), -1);
  printf("unmapped region: STATUS 0x%08lx\n", (unsigned long)status_at_end);
  CHECK((status_at_end & STATUS_BUS_STATUS) != 0);
  check_recovered("bus error");

  // A convolution whose weight stream (region 0 from offset 0, WEIGHT_BASE 0) starts with 0xFF
  // bytes, an invalid slice header: the weight decoder faults.
  const struct npu_vector* conv = &npu_vectors[1];
  CHECK(blob_size(conv->region0) <= sizeof corrupt_region0);
  memcpy(corrupt_region0, conv->region0.data, blob_size(conv->region0));
  memset(corrupt_region0, 0xFF, 16);
  memcpy(region1, conv->region1.data, blob_size(conv->region1));
  const size_t conv_size =
      npu_build_payload(payload, sizeof payload / 4, conv->cmd.data, blob_size(conv->cmd) / 4,
                        npu_optimizer_config_word(128), NPU_OPTIMIZER_ID_WORD);
  uint64_t conv_regions[2] = {(uintptr_t)corrupt_region0, (uintptr_t)region1};
  CHECK_EQ(ethosu_invoke_v3(&npu, payload, (int)conv_size, conv_regions, NULL, 2, NULL), -1);
  printf("corrupt weights: STATUS 0x%08lx\n", (unsigned long)status_at_end);
  CHECK((status_at_end & STATUS_WD_FAULT) != 0);
  check_recovered("wd_fault");

  // The asynchronous interface, on the TinyRPS network (about 10^5 NPU cycles, far longer than the
  // few CPU instructions between the start and the first poll): still running right after the
  // start, a second start refused while busy, then done with the golden model's logits.
  memset(rps_scratch, 0, sizeof rps_scratch);
  memcpy(rps_scratch + TINYRPS_U55_128_INPUT_OFFSET, tinyrps_sample_input,
         sizeof tinyrps_sample_input);
  uint64_t rps_regions[3] = {(uintptr_t)tinyrps_u55_128_flash, (uintptr_t)rps_scratch,
                             (uintptr_t)rps_scratch};
  CHECK_EQ(ethosu_invoke_async(&npu, tinyrps_u55_128_payload, TINYRPS_U55_128_PAYLOAD_SIZE,
                               rps_regions, NULL, 3, NULL),
           0);
  CHECK_EQ(ethosu_wait(&npu, false), 1);
  CHECK_EQ(ethosu_invoke_async(&npu, tinyrps_u55_128_payload, TINYRPS_U55_128_PAYLOAD_SIZE,
                               rps_regions, NULL, 3, NULL),
           -1);  // busy
  CHECK_EQ(ethosu_wait(&npu, true), 0);
  CHECK(memcmp(rps_scratch + TINYRPS_U55_128_OUTPUT_OFFSET, tinyrps_sample_expected,
               TINYRPS_NUM_CLASSES) == 0);

  return test_finish("npu_errors");
}
