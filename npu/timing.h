// A simple, explicit estimate of how many NPU cycles an operation takes. It is not Vela's
// performance model (reference notes section 5), only its dominant terms:
//   cycles = overhead + max(compute, memory)
//   compute: convolution            ceil(OFM h*w / ublock_hw) * ceil(OFM depth / ublock_d)
//                                   * kernel elements * ceil(IFM depth / 8): the MAC array takes
//                                   an OFM micro-block (1x1x4, 1x1x8, 2x1x8, 2x2x8 for 32..256
//                                   MACs, Vela architecture_features.py) times 8 IFM channels per
//                                   cycle, so partial blocks cost full cycles
//            depthwise              the same with one IFM channel per OFM channel (1/8 use)
//            pooling                ofm_elements * max(4, kernel_elements) / ublock_elements
//            elementwise            ofm_elements * 64 / MACs  (Vela's "other" output cycles per
//                                   element: 2, 1, 0.5, 0.25 for 32..256 MACs)
//            DMA                    bytes / 8
//   memory:  bytes moved on the AXI ports / 8 (64-bit AXI, one beat per cycle)
// Never zero: every operation costs at least the fixed overhead.
#pragma once

#include <cstdint>

#include "npu/command_stream.h"
#include "npu/npu_memory.h"
#include "npu/ops/ops.h"

namespace minifvp::npu {

inline constexpr uint64_t kOperationOverheadCycles = 32;
inline constexpr uint64_t kAxiBytesPerCycle = 8;

struct OperationCycles {
  uint64_t total = 0;
  uint64_t compute = 0;  // MAC / AO activity, for the PMU
  uint64_t memory = 0;
};

OperationCycles estimate_cycles(const OperationDesc& desc, const OpResult& result,
                                const AxiTraffic& traffic, int macs_per_cycle);

// Cycles to fetch and parse `command_bytes` of command stream (one word per cycle).
uint64_t command_cycles(uint64_t command_bytes);

}  // namespace minifvp::npu
