// The NPU unit vectors of tests/npu/data embedded in a firmware image (generated table, see
// firmware/tests/CMakeLists.txt): per case the raw command stream, region 0 (weights, scales,
// LUTs), region 1 before the run and region 1 as the numpy reference expects it after the run.
#ifndef MINIFVP_FW_NPU_VECTORS_H
#define MINIFVP_FW_NPU_VECTORS_H

#include <stdint.h>

struct npu_blob {
  const uint8_t* data;  // 16-byte aligned
  const uint8_t* end;
};

struct npu_vector {
  const char* name;
  struct npu_blob cmd, region0, region1, region1_expected;
};

extern const struct npu_vector npu_vectors[];
extern const unsigned npu_vector_count;

#endif
