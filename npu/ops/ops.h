// The NPU's data operations. Each reads its inputs and writes its output through NpuMemory (so
// bus faults and traffic counts come from one place) and reports what it did for the timing
// model and the PMU.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "npu/command_stream.h"
#include "npu/npu_memory.h"

namespace minifvp::npu {

// What the hardware configuration contributes to an operation.
struct OpContext {
  NpuMemory& memory;
  std::span<uint8_t> shram;  // internal shared buffer (LUTs are loaded here by DMA)
  uint32_t lut_offset = 0;   // SHRAM offset of LUT slot 0 (the last 2 KiB)
  int ofm_ublock_depth = 8;  // MAC array micro-block depths, for the weight order
  int ifm_ublock_depth = 8;
};

enum class OpStatus : uint8_t { Ok, BusFault, WeightDecoderFault, InvalidSettings };

struct OpResult {
  OpStatus status = OpStatus::Ok;
  std::string error;
  uint64_t macs = 0;          // multiply-accumulates performed
  uint64_t ofm_elements = 0;  // output elements written
  uint64_t kernel_elements = 1;
  uint64_t weight_values = 0;  // decoded weights (weight decoder activity)
  uint64_t dma_bytes = 0;
};

OpResult run_convolution(const OperationDesc& d, OpContext& ctx);  // Conv and Depthwise
OpResult run_pooling(const OperationDesc& d, OpContext& ctx);
OpResult run_elementwise(const OperationDesc& d, OpContext& ctx);
OpResult run_dma(const OperationDesc& d, OpContext& ctx);

}  // namespace minifvp::npu
