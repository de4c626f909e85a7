// Every NPU operation type through the driver: the tests/npu/data unit vectors chosen in
// firmware/tests/CMakeLists.txt (convolution, depthwise, max/average pooling, every elementwise
// kind, LUT activations loaded by DMA, ...) each wrapped in a COP1 payload, run with
// ethosu_invoke_v3 and compared byte for byte with the numpy reference's region 1.
#include <stdio.h>
#include <string.h>

#include "npu_test_support.h"
#include "npu_vectors.h"
#include "test_check.h"

#define REGION1_CAPACITY (16 * 1024)
#define PAYLOAD_CAPACITY_WORDS 1024

static uint8_t region1[REGION1_CAPACITY] __attribute__((section(".large_bss"), aligned(16)));
static uint32_t payload[PAYLOAD_CAPACITY_WORDS] __attribute__((aligned(16)));
static struct ethosu_driver npu;

static size_t blob_size(struct npu_blob blob) {
  return (size_t)(blob.end - blob.data);
}

// Runs one vector; returns 1 when the NPU's region 1 equals the expected bytes.
static int run_vector(const struct npu_vector* v) {
  const size_t region1_size = blob_size(v->region1);
  if (region1_size > sizeof region1 || blob_size(v->region1_expected) != region1_size) {
    printf("%s: region 1 of %u bytes does not fit the test buffer\n", v->name,
           (unsigned)region1_size);
    return 0;
  }
  const size_t payload_size =
      npu_build_payload(payload, PAYLOAD_CAPACITY_WORDS, v->cmd.data, blob_size(v->cmd) / 4,
                        npu_optimizer_config_word(128), NPU_OPTIMIZER_ID_WORD);
  if (payload_size == 0) {
    printf("%s: command stream too long for the payload buffer\n", v->name);
    return 0;
  }
  memcpy(region1, v->region1.data, region1_size);
  uint64_t base_addr[2] = {(uintptr_t)v->region0.data, (uintptr_t)region1};
  const size_t base_addr_size[2] = {blob_size(v->region0), region1_size};

  npu_pmu_start(&npu);
  const int result =
      ethosu_invoke_v3(&npu, payload, (int)payload_size, base_addr, base_addr_size, 2, NULL);
  npu_pmu_stop(&npu, v->name);
  if (result != 0) {
    printf("%s: ethosu_invoke_v3 returned %d\n", v->name, result);
    return 0;
  }
  for (size_t i = 0; i < region1_size; ++i) {
    if (region1[i] != v->region1_expected.data[i]) {
      printf("%s: region 1 byte %u is 0x%02x, expected 0x%02x\n", v->name, (unsigned)i, region1[i],
             v->region1_expected.data[i]);
      return 0;
    }
  }
  return 1;
}

int main(void) {
  CHECK_EQ(npu_test_init(&npu), 0);
  CHECK(npu_vector_count > 0);
  unsigned passed = 0;
  for (unsigned i = 0; i < npu_vector_count; ++i) {
    const int ok = run_vector(&npu_vectors[i]);
    test_check(ok, npu_vectors[i].name, __FILE_NAME__, __LINE__);
    passed += (unsigned)ok;
  }
  printf("%u of %u NPU vectors match\n", passed, npu_vector_count);
  return test_finish("npu_all_ops");
}
